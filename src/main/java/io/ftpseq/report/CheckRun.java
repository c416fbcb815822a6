package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.rules.Unlisted;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;
import java.util.stream.StreamSupport;

/**
 * Everything one run of {@code ftpseq check} found: the sessions, in input order, and what each
 * input held. The sessions are only iterated, never held by the run itself, so they may come from a
 * {@link SessionStore} that keeps them on disk; the totals are counted as they are added.
 */
public final class CheckRun {

  private final Iterable<SessionCheck> sessions;
  private final List<InputSummary> inputs;
  private final Totals totals;
  private final List<LeftOut> leftOut;

  /**
   * A run over sessions kept elsewhere (a {@link SessionStore}), with totals counted as they came.
   *
   * @param sessions the sessions, in input order; iterated once per report
   * @param inputs what each input held, in the order given
   * @param totals the sessions' totals
   */
  public CheckRun(Iterable<SessionCheck> sessions, List<InputSummary> inputs, Totals totals) {
    this(sessions, inputs, totals, List.of());
  }

  /**
   * A run that also left inputs out (each said where the run says such things, and in every
   * report).
   *
   * @param leftOut the inputs found but not checked, in order: a FIFO or a report of its own in a
   *     checked directory, a file named twice
   */
  public CheckRun(
      Iterable<SessionCheck> sessions,
      List<InputSummary> inputs,
      Totals totals,
      List<LeftOut> leftOut) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.inputs = List.copyOf(inputs);
    this.totals = Objects.requireNonNull(totals, "totals");
    this.leftOut = List.copyOf(leftOut);
  }

  /**
   * An input found but not checked, on purpose, and why: {@code logs/pipe} because it is a FIFO,
   * which would wait for a writer.
   *
   * @param input the input's name, as the run shows it
   * @param why why it was left out, as a clause to say in the report's language: {@code a FIFO
   *     (named pipe), which would wait for a writer; name it to read it}
   */
  public record LeftOut(String input, Phrase why) {
    /** Validates the parts. */
    public LeftOut {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(why, "why");
    }

    /** The input and why in English: {@code logs/pipe: a FIFO ...}. */
    @Override
    public String toString() {
      return input + ": " + why.english();
    }
  }

  /** A run over sessions held in memory. */
  public static CheckRun of(List<SessionCheck> sessions, List<InputSummary> inputs) {
    Totals totals = new Totals();
    sessions.forEach(totals::add);
    return new CheckRun(List.copyOf(sessions), inputs, totals);
  }

  /** Every session checked, in input order. */
  public Iterable<SessionCheck> sessions() {
    return sessions;
  }

  /**
   * The sessions at the places the test accepts, in input order, 0 being the first: for a report
   * that shows only some, which a {@link SessionStore} then does not decode from disk.
   */
  public Iterable<SessionCheck> sessions(LongPredicate places) {
    if (sessions instanceof SessionStore store) {
      return () -> store.iterator(places);
    }
    return () -> {
      long[] place = {-1};
      return StreamSupport.stream(sessions.spliterator(), false)
          .filter(session -> places.test(++place[0]))
          .iterator();
    };
  }

  /** What each input held, in the order given. */
  public List<InputSummary> inputs() {
    return inputs;
  }

  /** How many inputs were given (files after directory expansion, or stdin). */
  public int inputCount() {
    return inputs.size();
  }

  /** How many inputs were found but not checked, on purpose. */
  public int leftOutCount() {
    return leftOut.size();
  }

  /** The inputs found but not checked, on purpose, in order, each with why. */
  public List<LeftOut> leftOut() {
    return leftOut;
  }

  /** How many sessions were checked. */
  public long sessionCount() {
    return totals.sessions;
  }

  /** The problems of the inputs as a whole (unreadable inputs, lines that belong to no session). */
  public List<Problem> inputProblems() {
    List<Problem> problems = new ArrayList<>();
    inputs.forEach(i -> problems.addAll(i.inputProblems()));
    return problems;
  }

  /**
   * The notes of the inputs as a whole, each with its input, in order: what a reader passed over on
   * purpose and says once (the lines of other programs in a shared syslog file).
   */
  public List<InputNote> inputNotes() {
    List<InputNote> notes = new ArrayList<>();
    inputs.forEach(i -> i.notes().forEach(n -> notes.add(new InputNote(i.source(), n))));
    return notes;
  }

  /**
   * A note of one input as a whole.
   *
   * @param source the input
   * @param note what it says
   */
  public record InputNote(String source, Phrase note) {}

  /** How many findings of the given severity the run has. */
  public long count(Severity severity) {
    return totals.findings.getOrDefault(severity, 0L);
  }

  /** How many problems (unreadable lines and inputs) the run has. */
  public long problemCount() {
    return totals.problems + inputs.stream().mapToLong(InputSummary::inputProblemCount).sum();
  }

  /** Whether any finding is at least the given severity. */
  public boolean hasFindingsAtLeast(Severity severity) {
    for (Severity level : Severity.values()) {
      if (level.atLeast(severity) && count(level) > 0) {
        return true;
      }
    }
    return false;
  }

  /** How many lines (or packets) of the given unit were read, and what they were. */
  public long[] lines(Source.Unit unit) {
    long[] counts = new long[4];
    for (InputSummary input : inputs) {
      if (input.unit() == unit) {
        counts[0] += input.read();
        counts[1] += input.dialogue();
        counts[2] += input.skipped();
        counts[3] += input.problems();
      }
    }
    return counts;
  }

  /**
   * The one-line summary of the run, in the explainer's language, its numbers grouped as the
   * language groups them (1,400; 1 400 in French): sessions, findings and problems, then how many
   * lines (and packets) were read and how many of them could not be, then how many findings were
   * counted but not listed (past {@code Validator.LISTED_FINDINGS} in a session) and how many
   * inputs were left out, if any, so that nothing is skipped without the summary saying so.
   */
  public String summary(Explainer explainer) {
    // between the line's sentences: a space, or none where the language puts none (Japanese)
    String between = explainer.text("report.summary.between");
    StringBuilder line =
        new StringBuilder(
            explainer.text(
                "report.summary",
                sessionCount(),
                inputCount(),
                count(Severity.ERROR),
                count(Severity.WARNING),
                count(Severity.INFO),
                problemCount()));
    for (Source.Unit unit : Source.Unit.values()) {
      long[] counts = lines(unit);
      if (counts[0] > 0 || (unit == Source.Unit.LINE && lines(Source.Unit.PACKET)[0] == 0)) {
        line.append(between)
            .append(
                explainer.text(
                    unit == Source.Unit.LINE ? "report.summary.lines" : "report.summary.packets",
                    counts[0],
                    counts[3]));
      }
    }
    if (totals.unlistedFindings > 0) {
      line.append(between)
          .append(explainer.text("report.summary.unlisted", totals.unlistedFindings));
    }
    if (!leftOut.isEmpty()) {
      line.append(between).append(explainer.text("report.summary.leftOut", leftOut.size()));
    }
    return line.toString();
  }

  /** The totals of a run's sessions, counted as they are added. */
  public static final class Totals {
    private long sessions;
    private final Map<Severity, Long> findings = new EnumMap<>(Severity.class);
    private long problems;
    private long unlistedFindings;

    /**
     * Totals added up elsewhere, such as by the tasks of a distributed run, each session counted as
     * {@link #add} counts it ({@link SessionCheck#count} and {@link SessionCheck#problemCount}).
     */
    public static Totals of(long sessions, long errors, long warnings, long infos, long problems) {
      Totals totals = new Totals();
      totals.sessions = sessions;
      totals.findings.put(Severity.ERROR, errors);
      totals.findings.put(Severity.WARNING, warnings);
      totals.findings.put(Severity.INFO, infos);
      totals.problems = problems;
      return totals;
    }

    /** Counts one session. */
    public void add(SessionCheck session) {
      sessions++;
      for (Severity severity : Severity.values()) {
        findings.merge(severity, session.count(severity), Long::sum);
      }
      problems += session.problemCount();
      Unlisted unlisted = session.unlisted();
      unlistedFindings += unlisted.errors() + unlisted.warnings() + unlisted.infos();
    }
  }
}
