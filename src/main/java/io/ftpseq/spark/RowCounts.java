package io.ftpseq.spark;

import io.ftpseq.report.CheckRun;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * How many rows of each table tasks found (which sets how many files a table is written in), and
 * the sessions' totals as {@code ftpseq check} counts them, listed or not ({@link
 * io.ftpseq.rules.SessionCheck#count}, {@link io.ftpseq.rules.SessionCheck#problemCount}, carried
 * in each session's row), added up in one pass.
 *
 * @param findings finding rows
 * @param problems problem rows
 * @param notes note rows
 * @param sessions session rows, one per session
 * @param errors findings of severity error
 * @param warnings findings of severity warning
 * @param infos findings of severity info
 * @param sessionProblems problems of the sessions
 */
record RowCounts(
    long findings,
    long problems,
    long notes,
    long sessions,
    long errors,
    long warnings,
    long infos,
    long sessionProblems)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int ERRORS = Tables.SESSIONS.fieldIndex("errors");
  private static final int WARNINGS = Tables.SESSIONS.fieldIndex("warnings");
  private static final int INFOS = Tables.SESSIONS.fieldIndex("infos");
  private static final int PROBLEMS = Tables.SESSIONS.fieldIndex("problems");

  /** No rows. */
  static final RowCounts NONE = new RowCounts(0, 0, 0, 0, 0, 0, 0, 0);

  /** The counts of one task's rows. */
  static RowCounts of(GroupResult result) {
    long errors = 0;
    long warnings = 0;
    long infos = 0;
    long problems = 0;
    for (Row session : result.sessions()) {
      errors += session.getLong(ERRORS);
      warnings += session.getLong(WARNINGS);
      infos += session.getLong(INFOS);
      problems += session.getLong(PROBLEMS);
    }
    return new RowCounts(
        result.findings().size(),
        result.problems().size(),
        result.notes().size(),
        result.sessions().size(),
        errors,
        warnings,
        infos,
        problems);
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
        infos + other.infos,
        sessionProblems + other.sessionProblems);
  }

  /** The sessions' totals, as a run of {@code ftpseq check} keeps them. */
  CheckRun.Totals totals() {
    return CheckRun.Totals.of(sessions, errors, warnings, infos, sessionProblems);
  }
}
