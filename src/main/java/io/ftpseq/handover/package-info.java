/**
 * Work handed between threads in bounded batches, so that one side running ahead of the other
 * neither fills memory nor waits forever when the other side ends early, however it ends.
 */
package io.ftpseq.handover;
