package io.ftpseq.session;

import java.util.Objects;

/**
 * Where an event came from: a file (or other input) and a 1-based line number.
 *
 * @param file the input's name as the user gave it, {@code -} for standard input
 * @param line the 1-based line number, or 0 when the input has no lines (a packet capture)
 */
public record Source(String file, long line) {

  /** Validates the parts. */
  public Source {
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, not " + line);
    }
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line;
  }
}
