package io.ftpseq.cli;

/**
 * Every exit code of {@code ftpseq}, in one place. When several apply, the highest wins: input that
 * could not be read ({@link #INPUT}) wins over findings ({@link #FINDINGS}), as a verdict on part
 * of the input is not one on all of it. {@link #INTERNAL} and {@link #OUT_OF_MEMORY} end a run
 * early.
 */
public final class ExitCodes {

  /** Nothing at or above the {@code --fail-on} level was found. */
  public static final int OK = 0;

  /** Findings at or above the {@code --fail-on} level. */
  public static final int FINDINGS = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /** Some input (a file, or lines of one) could not be read; the others were still checked. */
  public static final int INPUT = 3;

  /** A defect in ftpseq itself; run again with {@code --debug} for the stack trace. */
  public static final int INTERNAL = 4;

  /**
   * The run ran out of memory and stopped; its reports are missing or incomplete. Never {@link
   * #FINDINGS}, which a CI job would read as a verdict on the input.
   */
  public static final int OUT_OF_MEMORY = 5;

  /**
   * Standard output was a pipe whose reader ended ({@code ftpseq check big.log | head}): the run
   * stopped at its next write, saying nothing. 128 + 13, the status a shell gives a Unix tool that
   * SIGPIPE ended there, so that {@code set -o pipefail} scripts meet what they know from {@code
   * grep} and {@code cat}.
   */
  public static final int OUTPUT_CLOSED = 128 + 13;

  private ExitCodes() {}
}
