package io.ftpseq.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The summary table: findings counted by severity per rule and per day (from the findings), and
 * sessions with their findings per server and per client (from the sessions). A server is the
 * address the session's name gives, else the input it came from, since a server log is one
 * server's; a client is the address the name gives, and sessions with none are left out of that
 * dimension.
 */
final class Summary {

  /** The dimensions, in the order the Markdown summary shows them. */
  static final List<String> DIMENSIONS = List.of("rule", "server", "client", "day");

  private Summary() {}

  /** The summary table of a run's findings and sessions. */
  static Dataset<Row> table(Dataset<Row> findings, Dataset<Row> sessions) {
    return byFinding(findings, "rule", col("rule"))
        .unionByName(bySession(sessions, "server", coalesce(col("server"), col("input"))))
        .unionByName(bySession(sessions.where(col("client").isNotNull()), "client", col("client")))
        .unionByName(byFinding(findings.where(col("day").isNotNull()), "day", col("day")));
  }

  private static Dataset<Row> byFinding(Dataset<Row> findings, String dimension, Column value) {
    return findings
        .groupBy(value.as("value"))
        .agg(
            countDistinct(col("input"), col("session")).as("sessions"),
            count(lit(1)).as("findings"),
            severity("error").as("errors"),
            severity("warning").as("warnings"),
            severity("info").as("infos"))
        .select(columns(dimension));
  }

  private static Dataset<Row> bySession(Dataset<Row> sessions, String dimension, Column value) {
    return sessions
        .groupBy(value.as("value"))
        .agg(
            count(lit(1)).as("sessions"),
            sum(col("errors").plus(col("warnings")).plus(col("infos"))).as("findings"),
            sum(col("errors")).as("errors"),
            sum(col("warnings")).as("warnings"),
            sum(col("infos")).as("infos"))
        .select(columns(dimension));
  }

  private static Column severity(String name) {
    return sum(when(col("severity").equalTo(name), 1).otherwise(0));
  }

  private static Column[] columns(String dimension) {
    return new Column[] {
      lit(dimension).as("dimension"),
      col("value"),
      col("sessions").cast("long").as("sessions"),
      col("findings").cast("long").as("findings"),
      col("errors").cast("long").as("errors"),
      col("warnings").cast("long").as("warnings"),
      col("infos").cast("long").as("infos")
    };
  }
}
