package io.ftpseq.rules;

/**
 * How many of a session's items were counted but not listed, because the session had more than a
 * report can usefully list (and memory should hold): {@link Validator#LISTED_FINDINGS} findings,
 * {@link Validator#LISTED_PROBLEMS} problems, {@link Validator#LISTED_NOTES} notes or {@link
 * Validator#KEPT_STEPS} steps.
 *
 * @param errors error findings not listed
 * @param warnings warning findings not listed
 * @param infos info findings not listed
 * @param problems problems not listed
 * @param notes notes not listed
 * @param steps steps not kept
 */
public record Unlisted(
    long errors, long warnings, long infos, long problems, long notes, long steps) {

  /** Nothing unlisted. */
  public static final Unlisted NONE = new Unlisted(0, 0, 0, 0, 0, 0);

  /** How many findings of the severity were not listed. */
  public long findings(Severity severity) {
    return switch (severity) {
      case ERROR -> errors;
      case WARNING -> warnings;
      case INFO -> infos;
    };
  }

  /** Whether anything was left unlisted. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** Counts what a validator leaves unlisted. */
  static final class Counter {
    private long errors;
    private long warnings;
    private long infos;
    private long problems;
    private long notes;
    private long steps;

    void finding(Severity severity) {
      switch (severity) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        case INFO -> infos++;
      }
    }

    void problem() {
      problems++;
    }

    void note() {
      notes++;
    }

    void step() {
      steps++;
    }

    boolean noFindings() {
      return errors + warnings + infos == 0;
    }

    Unlisted counts() {
      return new Unlisted(errors, warnings, infos, problems, notes, steps);
    }
  }
}
