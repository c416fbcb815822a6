package io.ftpseq.transcript;

/**
 * Counts the lines (or packets) of one input by what they were: every line read is counted once, as
 * dialogue, skipped by design or a problem.
 */
public final class LineTally {

  private long dialogue;
  private long skipped;
  private long problems;

  /** Counts {@code n} lines (or packets) of one use. */
  public void add(LineUse use, long n) {
    switch (use) {
      case DIALOGUE -> dialogue += n;
      case SKIPPED -> skipped += n;
      case PROBLEM -> problems += n;
    }
  }

  /** How many were counted in all. */
  public long read() {
    return dialogue + skipped + problems;
  }

  /** How many were dialogue. */
  public long dialogue() {
    return dialogue;
  }

  /** How many were skipped by design. */
  public long skipped() {
    return skipped;
  }

  /** How many were problems. */
  public long problems() {
    return problems;
  }
}
