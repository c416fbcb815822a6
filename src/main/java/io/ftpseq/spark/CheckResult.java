package io.ftpseq.spark;

import io.ftpseq.rules.Severity;

/**
 * What a run of the Spark check found, counted as {@code ftpseq check} counts it.
 *
 * @param inputs the files checked
 * @param sessions the sessions checked
 * @param errors findings of severity error
 * @param warnings findings of severity warning
 * @param infos findings of severity info
 * @param problems unreadable lines and inputs
 * @param notes notes the records made about themselves
 * @param summary the one-line summary, as the command line ends its text report
 */
public record CheckResult(
    long inputs,
    long sessions,
    long errors,
    long warnings,
    long infos,
    long problems,
    long notes,
    String summary) {

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
