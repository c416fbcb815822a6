/**
 * Readers of recorded FTP sessions, one per program whose output they read, with detection of the
 * format from the content; and the checker that streams an input through a reader into the sequence
 * model.
 */
package io.ftpseq.transcript;
