package io.ftpseq.spark;

import io.ftpseq.report.CheckRun;
import io.ftpseq.rules.Severity;
import java.util.List;

/**
 * What a run of the Spark check found, counted as {@code ftpseq check} counts it (the JSON report's
 * {@code summary}).
 *
 * @param inputs the inputs checked: files, a rotation group counting as one, and inputs that named
 *     nothing or could not be read
 * @param sessions the sessions checked
 * @param errors findings of severity error, listed or not
 * @param warnings findings of severity warning, listed or not
 * @param infos findings of severity info, listed or not
 * @param problems unreadable lines and inputs
 * @param notes note rows written
 * @param lines the lines of text read, and what they were
 * @param packets the packets of captures read, and what they were
 * @param summary the one-line summary, as the command line ends its text report
 * @param leftOut the names found in the inputs but not checked, with why, as {@code ftpseq check}
 *     says them on standard error: this run's {@code --output}, tables and summaries an earlier run
 *     wrote there, links to nothing
 */
public record CheckResult(
    long inputs,
    long sessions,
    long errors,
    long warnings,
    long infos,
    long problems,
    long notes,
    Lines lines,
    Lines packets,
    String summary,
    List<CheckRun.LeftOut> leftOut) {

  /** Copies the names left out. */
  public CheckResult {
    leftOut = List.copyOf(leftOut);
  }

  /**
   * How many lines (or packets) were read, each counted once as dialogue, skipped or a problem.
   *
   * @param read all read
   * @param dialogue commands, reply lines and notes of a session
   * @param skipped left out by design
   * @param problems could not be read
   */
  public record Lines(long read, long dialogue, long skipped, long problems) {

    /** No lines. */
    public static final Lines NONE = new Lines(0, 0, 0, 0);

    /** The counts in the order {@code read, dialogue, skipped, problems}. */
    static Lines of(long[] counts) {
      return new Lines(counts[0], counts[1], counts[2], counts[3]);
    }
  }

  /** Whether any finding is at least this severity. */
  private boolean findingsAtLeast(Severity level) {
    return switch (level) {
      case ERROR -> errors > 0;
      case WARNING -> errors + warnings > 0;
      case INFO -> errors + warnings + infos > 0;
    };
  }

  /**
   * The exit code, as {@code ftpseq check} gives it: 3 when some input or line could not be read,
   * else 1 when findings reach {@code failOn}, else 0.
   */
  public int exitCode(Severity failOn) {
    if (problems > 0) {
      return SparkCheck.EXIT_INPUT;
    }
    return failOn != null && findingsAtLeast(failOn)
        ? SparkCheck.EXIT_FINDINGS
        : SparkCheck.EXIT_OK;
  }

  /** All findings, of every severity. */
  public long findings() {
    return errors + warnings + infos;
  }
}
