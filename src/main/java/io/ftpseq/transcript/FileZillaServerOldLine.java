package io.ftpseq.transcript;

import static io.ftpseq.transcript.LineChars.digits;
import static io.ftpseq.transcript.LineChars.isAt;

/**
 * A line of FileZilla Server 0.9's log taken apart: the connection number, the date and time as the
 * server's locale writes them, the client's address and the message after the {@code >}.
 *
 * <pre>
 * (000002)2025/11/6 3:58:48 PM - (not logged in) (127.0.0.1)&gt; 220 FileZilla Server 0.9.60 beta
 * </pre>
 *
 * <p>Read a character at a time rather than with a pattern: every line of a 0.9 log is one of
 * these, and the pattern {@code ^\((\d{6})\) ?(\d{1,4})([/.-])(\d{1,2})[/.-](\d{1,4})
 * (\d{1,2}):(\d\d):(\d\d)(?: ([AP]M))? - (.+?) \(([^)]*)\)> (.*)$} took a fifth of the CPU of a
 * check of such a log, on the thread every line passes through. This reads exactly the lines that
 * pattern matches, with the same parts: the user is the shortest text followed by {@code (address)>
 * }, so a user of {@code (not logged in)} stays whole.
 */
final class FileZillaServerOldLine {

  final String text;

  /** Where the date starts and where the time (with its AM or PM) ends. */
  final int dateStart;

  final int timeEnd;
  private final int firstEnd;
  private final int secondStart;
  private final int secondEnd;
  private final int thirdStart;
  private final int thirdEnd;
  private final int hourStart;
  private final int hourEnd;
  private final int half;
  private final int hostStart;
  private final int hostEnd;

  private FileZillaServerOldLine(String text, int[] at) {
    this.text = text;
    dateStart = at[0];
    firstEnd = at[1];
    secondStart = at[2];
    secondEnd = at[3];
    thirdStart = at[4];
    thirdEnd = at[5];
    hourStart = at[6];
    hourEnd = at[7];
    half = at[8];
    timeEnd = at[9];
    hostStart = at[10];
    hostEnd = at[11];
  }

  /** The line taken apart, or {@code null} when it is not a line of 0.9's. */
  static FileZillaServerOldLine read(String text) {
    if (!LineChars.fits(text, 0, "(000000)")) {
      return null;
    }
    int[] at = new int[12];
    int p = text.length() > 8 && text.charAt(8) == ' ' ? 9 : 8;
    at[0] = p;
    at[1] = digits(text, p, 1, 4);
    if (!isSeparator(text, at[1])) {
      return null;
    }
    at[2] = at[1] + 1;
    at[3] = digits(text, at[2], 1, 2);
    if (!isSeparator(text, at[3])) {
      return null;
    }
    at[4] = at[3] + 1;
    at[5] = digits(text, at[4], 1, 4);
    if (!isAt(text, at[5], ' ')) {
      return null;
    }
    at[6] = at[5] + 1;
    at[7] = digits(text, at[6], 1, 2);
    if (!LineChars.fits(text, at[7], ":00:00")) {
      return null;
    }
    p = at[7] + 6;
    at[8] = -1;
    if (text.startsWith(" AM", p) || text.startsWith(" PM", p)) {
      at[8] = p + 1;
      p += 3;
    }
    at[9] = p;
    if (!text.startsWith(" - ", p)) {
      return null;
    }
    int user = p + 3;
    // the user is the shortest text (one character at least) before " (address)> "
    // Every " (" before the first ) after this one ends at that ) too: past it at once, so that a
    // line of many " (" and no ")> " is read in one pass, not one for each.
    for (int open = text.indexOf(" (", user + 1); open >= 0; ) {
      int close = text.indexOf(')', open + 2);
      if (close < 0) {
        return null;
      }
      if (text.startsWith("> ", close + 1)) {
        at[10] = open + 2;
        at[11] = close;
        return new FileZillaServerOldLine(text, at);
      }
      open = text.indexOf(" (", close + 1);
    }
    return null;
  }

  private static boolean isSeparator(String text, int at) {
    return isAt(text, at, '/') || isAt(text, at, '.') || isAt(text, at, '-');
  }

  /** The connection number, six digits. */
  String connection() {
    return text.substring(1, 7);
  }

  /** The first part of the date: a year of four digits, a month or a day. */
  String first() {
    return text.substring(dateStart, firstEnd);
  }

  /** The character between the first and second parts of the date: {@code /}, {@code .} or -. */
  char separator() {
    return text.charAt(firstEnd);
  }

  String second() {
    return text.substring(secondStart, secondEnd);
  }

  String third() {
    return text.substring(thirdStart, thirdEnd);
  }

  String hour() {
    return text.substring(hourStart, hourEnd);
  }

  /** The minutes and seconds, {@code mm:ss}. */
  String minutesAndSeconds() {
    return text.substring(hourEnd + 1, hourEnd + 6);
  }

  /** {@code AM}, {@code PM}, or {@code null} for a time of 24 hours. */
  String half() {
    return half < 0 ? null : text.substring(half, half + 2);
  }

  /** The client's address, as the server wrote it between the parentheses. */
  String host() {
    return text.substring(hostStart, hostEnd);
  }

  /** The command, reply line or status after the {@code >}. */
  String message() {
    return text.substring(hostEnd + 3);
  }
}
