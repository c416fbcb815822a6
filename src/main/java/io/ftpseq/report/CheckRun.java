package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.Problem;
import java.util.List;

/**
 * Everything one run of {@code ftpseq check} found.
 *
 * @param sessions every session checked, in input order
 * @param inputProblems inputs that could not be read at all
 * @param inputs how many inputs were given (files after directory expansion, or stdin)
 */
public record CheckRun(List<SessionCheck> sessions, List<Problem> inputProblems, int inputs) {

  /** Copies the lists. */
  public CheckRun {
    sessions = List.copyOf(sessions);
    inputProblems = List.copyOf(inputProblems);
  }

  /** How many findings of the given severity the run has. */
  public long count(Severity severity) {
    return sessions.stream()
        .flatMap(s -> s.findings().stream())
        .map(Finding::severity)
        .filter(severity::equals)
        .count();
  }

  /** How many problems (unreadable lines and inputs) the run has. */
  public long problemCount() {
    return inputProblems.size() + sessions.stream().mapToLong(s -> s.problems().size()).sum();
  }

  /** Whether any finding is at least the given severity. */
  public boolean hasFindingsAtLeast(Severity severity) {
    return sessions.stream().anyMatch(s -> s.hasFindingsAtLeast(severity));
  }

  /** The one-line summary of the run, in the explainer's language. */
  public String summary(Explainer explainer) {
    return explainer.text(
        "report.summary",
        String.valueOf(sessions.size()),
        String.valueOf(inputs),
        String.valueOf(count(Severity.ERROR)),
        String.valueOf(count(Severity.WARNING)),
        String.valueOf(count(Severity.INFO)),
        String.valueOf(problemCount()));
  }
}
