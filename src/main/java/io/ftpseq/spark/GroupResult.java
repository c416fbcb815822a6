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
 */
record GroupResult(List<Row> findings, List<Row> problems, List<Row> notes, List<Row> sessions)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  GroupResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
    sessions = List.copyOf(sessions);
  }

  /** Collects rows as a task finds them. */
  static final class Builder {
    private final List<Row> findings = new ArrayList<>();
    private final List<Row> problems = new ArrayList<>();
    private final List<Row> notes = new ArrayList<>();
    private final List<Row> sessions = new ArrayList<>();

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

    GroupResult build() {
      return new GroupResult(findings, problems, notes, sessions);
    }
  }
}
