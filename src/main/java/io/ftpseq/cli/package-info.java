/**
 * The command line: picocli commands that read inputs, run the checks and write reports. The only
 * package that touches standard streams or decides exit codes.
 */
package io.ftpseq.cli;
