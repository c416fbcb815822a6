package io.ftpseq.protocol;

import java.util.regex.Pattern;

/**
 * Patterns for one line of a log or of the protocol. By default a pattern's {@code .} stops, and
 * its {@code $} matches, at U+0085, U+2028 and U+2029 as well as at CR and LF; but a line has
 * already been cut at its CR or LF, and those three are ordinary characters of a file name that no
 * log or server ends a line at. Compiled here, only LF ends a line ({@link Pattern#UNIX_LINES}), so
 * {@code RETR a\u2028b} reads like {@code RETR ab}.
 */
public final class LinePatterns {

  private LinePatterns() {}

  /** The regular expression compiled for one line of text. */
  public static Pattern compile(String regex) {
    return compile(regex, 0);
  }

  /** The regular expression compiled for one line of text, with further {@link Pattern} flags. */
  public static Pattern compile(String regex, int flags) {
    return Pattern.compile(regex, flags | Pattern.UNIX_LINES);
  }
}
