package io.ftpseq.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * How many rows of each table tasks found, and the findings by severity, added up in one pass.
 *
 * @param findings finding rows
 * @param problems problem rows
 * @param notes note rows
 * @param sessions session rows
 * @param errors findings of severity error
 * @param warnings findings of severity warning
 * @param infos findings of severity info
 */
record RowCounts(
    long findings, long problems, long notes, long sessions, long errors, long warnings, long infos)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int ERRORS = Tables.SESSIONS.fieldIndex("errors");
  private static final int WARNINGS = Tables.SESSIONS.fieldIndex("warnings");
  private static final int INFOS = Tables.SESSIONS.fieldIndex("infos");

  /** No rows. */
  static final RowCounts NONE = new RowCounts(0, 0, 0, 0, 0, 0, 0);

  /** The counts of one task's rows. */
  static RowCounts of(GroupResult result) {
    long errors = 0;
    long warnings = 0;
    long infos = 0;
    for (Row session : result.sessions()) {
      errors += session.getInt(ERRORS);
      warnings += session.getInt(WARNINGS);
      infos += session.getInt(INFOS);
    }
    return new RowCounts(
        result.findings().size(),
        result.problems().size(),
        result.notes().size(),
        result.sessions().size(),
        errors,
        warnings,
        infos);
  }

  /** The sum of two counts. */
  RowCounts plus(RowCounts other) {
    return new RowCounts(
        findings + other.findings,
        problems + other.problems,
        notes + other.notes,
        sessions + other.sessions,
        errors + other.errors,
        warnings + other.warnings,
        infos + other.infos);
  }
}
