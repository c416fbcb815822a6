/**
 * Live checking of a running Commons Net client: a watch that records what an {@code FTPClient}
 * sends and receives and checks it as it goes, a client subclass that can refuse an out-of-order
 * command before it is sent, and a JUnit 5 extension that fails a test whose FTP session broke the
 * rules. Start at {@link io.ftpseq.live.FtpSeq}.
 */
package io.ftpseq.live;
