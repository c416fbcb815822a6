/**
 * The FTP vocabulary: command verbs, commands, reply codes and replies, and the assembly of
 * multi-line replies. Pure values and parsing; no I/O.
 */
package io.ftpseq.protocol;
