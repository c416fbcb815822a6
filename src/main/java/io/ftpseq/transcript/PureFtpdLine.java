package io.ftpseq.transcript;

import java.util.regex.Pattern;

/**
 * A syslog line of Pure-FTPd's taken apart, from the program's name on: its pid when logged, the
 * client's host, the level and the message.
 *
 * <pre>
 * Nov 22 10:00:00 host pure-ftpd[4242]: (alice@127.0.0.1) [DEBUG] Command [pwd] []
 * </pre>
 *
 * <p>Read a character at a time rather than with a pattern: every line of the log is one of these,
 * and the pattern {@code \bpure-ftpd(?:\[(\d+)\])?: \(([^@)]*)@([^)]*)\) \[([A-Z]+)\] (.*)$} (tried
 * where the name stands, {@link ProgramLines}) was among the largest costs of a check of such a
 * log, on the thread every line passes through. This reads exactly the lines that pattern matches,
 * from the first place it matches, with the same parts.
 */
record PureFtpdLine(String pid, String host, String level, String message) {

  private static final String NAME = "pure-ftpd";

  /**
   * Whether the name stands at the start of a word, for a character before it that is not ASCII:
   * the pattern's word boundary, whose idea of a word character outside ASCII this keeps.
   */
  private static final Pattern WORD_START = Pattern.compile("\\bp");

  /** The line taken apart, or {@code null} when it is no line of Pure-FTPd's. */
  static PureFtpdLine read(String text) {
    Tries tries = null;
    for (int at = text.indexOf(NAME); at >= 0; at = text.indexOf(NAME, at + 1)) {
      if (startsWord(text, at)) {
        tries = tries == null ? new Tries(text) : tries;
        PureFtpdLine line = tries.readFrom(at + NAME.length());
        if (line != null) {
          return line;
        }
      }
    }
    return null;
  }

  private static boolean startsWord(String text, int at) {
    if (at == 0) {
      return true;
    }
    char before = text.charAt(at - 1);
    if (before < 0x80) {
      return !LineChars.isWord(before);
    }
    return WORD_START.matcher(text).useTransparentBounds(true).region(at, at + 1).lookingAt();
  }

  /**
   * The tries of one line, from each place its program's name stands, in order. What a try found
   * far along the line (the first @ or ) after a place, the first ) after a place, a host after
   * which the line does not go on as a record does) holds for the later tries that reach it, so it
   * is kept: a line of thousands of names is read in one pass, not one for each.
   */
  private static final class Tries {
    private final String text;
    private int userScanFrom = Integer.MAX_VALUE;
    private int userStop = -1;
    private int hostScanFrom = Integer.MAX_VALUE;
    private int hostStop = -1;
    private int failedAfterHost = -1;

    Tries(String text) {
      this.text = text;
    }

    /** The rest of the line after the name, {@code [pid]: (user@host) [LEVEL] message}. */
    PureFtpdLine readFrom(int from) {
      int at = from;
      String pid = null;
      if (at < text.length() && text.charAt(at) == '[') {
        int digits = at + 1;
        while (digits < text.length() && LineChars.isDigit(text.charAt(digits))) {
          digits++;
        }
        if (digits == at + 1 || !text.startsWith("]", digits)) {
          return null;
        }
        pid = text.substring(at + 1, digits);
        at = digits + 1;
      }
      if (!text.startsWith(": (", at)) {
        return null;
      }
      // the user: whatever comes before the first @, with no ) in it
      int userEnd = userStop(at + 3);
      if (userEnd == text.length() || text.charAt(userEnd) != '@') {
        return null;
      }
      int hostEnd = hostStop(userEnd + 1);
      if (hostEnd == text.length() || hostEnd == failedAfterHost) {
        return null;
      }
      PureFtpdLine line = afterHost(pid, userEnd, hostEnd);
      if (line == null) {
        failedAfterHost = hostEnd;
      }
      return line;
    }

    /** The first @ or ) from {@code from} on, or the line's length. */
    private int userStop(int from) {
      if (from < userScanFrom || from > userStop) {
        int at = from;
        while (at < text.length() && text.charAt(at) != '@' && text.charAt(at) != ')') {
          at++;
        }
        userScanFrom = from;
        userStop = at;
      }
      return userStop;
    }

    /** The first ) from {@code from} on, or the line's length. */
    private int hostStop(int from) {
      if (from < hostScanFrom || from > hostStop) {
        int at = text.indexOf(')', from);
        hostScanFrom = from;
        hostStop = at < 0 ? text.length() : at;
      }
      return hostStop;
    }

    private PureFtpdLine afterHost(String pid, int userEnd, int hostEnd) {
      if (!text.startsWith(" [", hostEnd + 1)) {
        return null;
      }
      int level = hostEnd + 3;
      int levelEnd = level;
      while (levelEnd < text.length() && LineChars.isUpper(text.charAt(levelEnd))) {
        levelEnd++;
      }
      if (levelEnd == level || !text.startsWith("] ", levelEnd)) {
        return null;
      }
      return new PureFtpdLine(
          pid,
          text.substring(userEnd + 1, hostEnd),
          text.substring(level, levelEnd),
          text.substring(levelEnd + 2));
    }
  }
}
