package io.ftpseq.cli;

/**
 * Every exit code of {@code ftpseq}, in one place. When several apply, the highest wins except that
 * {@link #INTERNAL} is only for defects.
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

  private ExitCodes() {}
}
