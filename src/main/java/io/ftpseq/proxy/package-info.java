/**
 * The validating FTP proxy: relays FTP sessions between any client and a real server, control and
 * data connections alike, and checks each session as it happens with the same rules and server
 * profiles as {@code ftpseq check}; with strict checking it answers an out-of-order command itself
 * instead of forwarding it. Start at {@link io.ftpseq.proxy.FtpProxy}.
 */
package io.ftpseq.proxy;
