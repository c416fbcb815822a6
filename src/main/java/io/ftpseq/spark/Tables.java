package io.ftpseq.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tables the job writes, one row per finding, problem, note and session. Column names follow
 * the JSON report's fields ({@code rule}, {@code severity}, {@code line} or {@code packet}, {@code
 * time}, {@code command}, {@code reply}, {@code related}, {@code message}, ...) plus where each row
 * comes from: {@code input} (the file, or the current log of a rotation group), {@code source} (the
 * file the position is in), {@code session}, {@code format}, {@code profile}, {@code client} and
 * {@code server} (addresses the session's name gives) and {@code day} (the date part of {@code
 * time}).
 */
final class Tables {

  /**
   * The reply to a finding's command, as in the JSON report: {@code notFromServer} is true for a
   * reply a proxy between client and server made, else null.
   */
  static final StructType REPLY =
      struct(
          field("code", IntegerType),
          field("text", StringType),
          field("class", StringType),
          field("meaning", StringType),
          field("notFromServer", BooleanType));

  /**
   * The related earlier command of a finding, as in the JSON report, and the file it is in (of a
   * server's rotated logs, not always the finding's).
   */
  static final StructType RELATED =
      struct(
          field("source", StringType),
          field("line", LongType),
          field("packet", LongType),
          field("time", StringType),
          field("command", StringType));

  /**
   * What a session counted but did not list (findings by severity, problems, notes, steps), as the
   * JSON report's {@code unlisted}; null when nothing was left out.
   */
  static final StructType UNLISTED =
      struct(
          field("errors", LongType),
          field("warnings", LongType),
          field("infos", LongType),
          field("problems", LongType),
          field("notes", LongType),
          field("steps", LongType));

  /** One row per finding. */
  static final StructType FINDINGS =
      struct(
          field("input", StringType),
          field("source", StringType),
          field("session", StringType),
          field("format", StringType),
          field("profile", StringType),
          field("client", StringType),
          field("server", StringType),
          field("rule", StringType),
          field("severity", StringType),
          field("line", LongType),
          field("packet", LongType),
          field("time", StringType),
          field("day", StringType),
          field("command", StringType),
          field("reply", REPLY),
          field("related", RELATED),
          field("message", StringType),
          field("explanation", StringType),
          field("fix", StringType),
          field("reference", StringType));

  /**
   * The columns a finding's row carries only to be sorted as {@code ftpseq check} lists findings
   * (input by input, session by session, each session's findings in turn), not written: {@link
   * TableWriter} drops a column whose name starts with {@value TableWriter#SORT_ONLY}.
   */
  static final StructType FINDINGS_SORTED =
      FINDINGS
          .add(field("sort_only_input", LongType))
          .add(field("sort_only_session", LongType))
          .add(field("sort_only_finding", LongType));

  /** The sort-only columns of {@link #FINDINGS_SORTED}, most significant first. */
  static final String[] FINDINGS_ORDER = {
    "sort_only_input", "sort_only_session", "sort_only_finding"
  };

  /** A finding's row with its place in check's order added ({@link #FINDINGS_SORTED}). */
  static Row sortedAsCheck(Row finding, long input, long session, long order) {
    Object[] values = new Object[finding.length() + 3];
    for (int i = 0; i < finding.length(); i++) {
      values[i] = finding.get(i);
    }
    values[finding.length()] = input;
    values[finding.length() + 1] = session;
    values[finding.length() + 2] = order;
    return RowFactory.create(values);
  }

  /**
   * One row per problem: a line of a session, a line that belongs to no session, or an input that
   * could not be read at all (no position).
   */
  static final StructType PROBLEMS =
      struct(
          field("input", StringType),
          field("source", StringType),
          field("session", StringType),
          field("line", LongType),
          field("packet", LongType),
          field("time", StringType),
          field("day", StringType),
          field("message", StringType));

  /** One row per note: what a record says about itself. */
  static final StructType NOTES =
      struct(
          field("input", StringType),
          field("source", StringType),
          field("session", StringType),
          field("line", LongType),
          field("packet", LongType),
          field("time", StringType),
          field("day", StringType),
          field("kind", StringType),
          field("text", StringType),
          field("detail", StringType));

  /** One row per session. */
  static final StructType SESSIONS =
      struct(
          field("input", StringType),
          field("session", StringType),
          field("format", StringType),
          field("profile", StringType),
          field("profile_by", StringType),
          field("profile_evidence", StringType),
          field("start", StringType),
          field("client", StringType),
          field("server", StringType),
          field("commands", IntegerType),
          field("replies", IntegerType),
          field("errors", LongType),
          field("warnings", LongType),
          field("infos", LongType),
          field("problems", LongType),
          field("unlisted", UNLISTED));

  /**
   * One row per input, as the JSON report's {@code inputs}: a file, or a server's rotated logs read
   * as one stream ({@code files} lists them, oldest first). Every line (or packet) read is counted
   * once, as dialogue, skipped or a problem; {@code input_problems} counts the problems of the
   * input itself (in the problems table with no session).
   */
  static final StructType INPUTS =
      struct(
          field("input", StringType),
          field("files", DataTypes.createArrayType(StringType, false)),
          field("format", StringType),
          field("unit", StringType),
          field("read", LongType),
          field("dialogue", LongType),
          field("skipped", LongType),
          field("problems", LongType),
          field("sessions", LongType),
          field("input_problems", LongType));

  /** One row per rule, server, client and day, with the findings counted by severity. */
  static final StructType SUMMARY =
      struct(
          field("dimension", StringType),
          field("value", StringType),
          field("sessions", LongType),
          field("findings", LongType),
          field("errors", LongType),
          field("warnings", LongType),
          field("infos", LongType));

  private Tables() {}

  private static StructType struct(StructField... fields) {
    return new StructType(fields);
  }

  private static StructField field(String name, DataType type) {
    return new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty());
  }
}
