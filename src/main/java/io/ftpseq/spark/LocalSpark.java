package io.ftpseq.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session the command starts when none is running: the master given, else the one {@code
 * spark-submit} set, else all local cores. A local session binds to 127.0.0.1 and starts no web UI,
 * unless configured otherwise, so that a run on one machine opens no port to the network.
 */
final class LocalSpark {

  private LocalSpark() {}

  /** A session builder for the master, or for the configured one when {@code master} is null. */
  static SparkSession.Builder builder(String master) {
    SparkConf configured = new SparkConf();
    String effective = master != null ? master : configured.get("spark.master", "local[*]");
    SparkSession.Builder builder = SparkSession.builder().appName("ftpseq spark-check");
    builder.master(effective);
    if (effective.startsWith("local")) {
      defaultTo(builder, configured, "spark.ui.enabled", "false");
      if (System.getenv("SPARK_LOCAL_IP") == null) {
        defaultTo(builder, configured, "spark.driver.host", "127.0.0.1");
        defaultTo(builder, configured, "spark.driver.bindAddress", "127.0.0.1");
      }
    }
    return builder;
  }

  private static void defaultTo(
      SparkSession.Builder builder, SparkConf configured, String key, String value) {
    if (!configured.contains(key)) {
      builder.config(key, value);
    }
  }
}
