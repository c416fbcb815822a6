/**
 * The check as an Apache Spark job, for log archives past one machine: {@link
 * io.ftpseq.spark.SparkCheck} lists Hadoop-readable inputs, keeps each server's rotated logs
 * together and in order, checks each file or rotation group in one task with the same readers,
 * rules and profiles as {@code ftpseq check}, and writes every finding, problem, note and session
 * as rows (Parquet and JSON Lines) with a summary table and the command line's summary.
 */
package io.ftpseq.spark;
