/**
 * A recorded FTP session as a stream of events (commands, replies, notes about what the record
 * cannot show), where each came from, and the pairing of commands with their replies.
 */
package io.ftpseq.session;
