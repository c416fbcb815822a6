package io.ftpseq.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The rows one task found, by table.
 *
 * @param findings rows of {@link Tables#FINDINGS}
 * @param problems rows of {@link Tables#PROBLEMS}
 * @param notes rows of {@link Tables#NOTES}
 * @param sessions rows of {@link Tables#SESSIONS}
 * @param inputs rows of {@link Tables#INPUTS}
 * @param reports the files read to their end that were text reports ftpseq wrote, gzip-compressed:
 *     no inputs, left out as {@code ftpseq check} leaves them out
 */
record GroupResult(
    List<Row> findings,
    List<Row> problems,
    List<Row> notes,
    List<Row> sessions,
    List<Row> inputs,
    List<String> reports)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  GroupResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
    sessions = List.copyOf(sessions);
    inputs = List.copyOf(inputs);
    reports = List.copyOf(reports);
  }

  /**
   * What the driver needs of a task's result: the rows counted, and the inputs' rows (one small row
   * per input) for the run's summary.
   *
   * @param counts the rows of each table, and the sessions' totals
   * @param inputs rows of {@link Tables#INPUTS}
   * @param reports the files that were reports ftpseq wrote
   */
  record Tally(RowCounts counts, List<Row> inputs, List<String> reports) implements Serializable {
    private static final long serialVersionUID = 1L;

    Tally {
      inputs = List.copyOf(inputs);
      reports = List.copyOf(reports);
    }
  }

  /** The counts, input rows and reports of this result. */
  Tally tally() {
    return new Tally(RowCounts.of(this), inputs, reports);
  }

  /** Collects rows as a task finds them. */
  static final class Builder {
    private final List<Row> findings = new ArrayList<>();
    private final List<Row> problems = new ArrayList<>();
    private final List<Row> notes = new ArrayList<>();
    private final List<Row> sessions = new ArrayList<>();
    private final List<Row> inputs = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();

    void finding(Row row) {
      findings.add(row);
    }

    void problem(Row row) {
      problems.add(row);
    }

    void note(Row row) {
      notes.add(row);
    }

    void session(Row row) {
      sessions.add(row);
    }

    void input(Row row) {
      inputs.add(row);
    }

    void report(String file) {
      reports.add(file);
    }

    GroupResult build() {
      return new GroupResult(findings, problems, notes, sessions, inputs, reports);
    }
  }
}
