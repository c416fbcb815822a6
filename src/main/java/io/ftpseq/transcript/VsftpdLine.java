package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of one line of vsftpd's log: its time as written, the process id, what the line is
 * ({@code CONNECT}, {@code FTP command}, {@code OK LOGIN} as {@code LOGIN}, ...), the client's
 * address and the rest after it.
 *
 * <p>vsftpd's own file form ({@code Mon Nov 23 06:40:23 2026 [pid 17062] ...}), nearly every line
 * of a large log, is read by looking at its characters in place; anything that does not have
 * exactly that shape, syslog lines included, is left to the pattern, which decides. Both give the
 * same parts for every line the quick reading accepts ({@code VsftpdLineTest} holds them to it).
 *
 * @param ctime the date as vsftpd's own file writes it (after a syslog tag too, when a forwarder
 *     sends that file on through syslog), or {@code null} on a line vsftpd sent through syslog
 * @param pid the process id
 * @param what what the line records, without {@code OK} or {@code FAIL}
 * @param client the client's address
 * @param rest what follows {@code Client "ADDRESS", }, or {@code null} when nothing does
 */
record VsftpdLine(String ctime, String pid, String what, String client, String rest) {

  private static final String CTIME = "(\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4})";

  static final Pattern PATTERN =
      LinePatterns.compile(
          "^(?:"
              + CTIME
              + " \\[pid (\\d+)\\]"
              + "|.*?\\bvsftpd(?:\\[(\\d+)\\]:(?: (?:"
              + CTIME
              + " )?\\[pid (\\d+)\\])?|: (?:"
              + CTIME
              + " )?\\[pid (\\d+)\\]))"
              + " (?:\\[[^\\]]*\\] )?(?:(?:OK|FAIL) )?([A-Z][A-Za-z ]*):"
              + " Client \"([^\"]*)\"(?:, (.*))?$");

  private static final int CTIME_LENGTH = "Mon Nov 23 06:40:23 2026".length();
  private static final String PID = " [pid ";
  private static final String CLIENT = ": Client \"";

  /** The parts of a line, or {@code null} when it is not a line of vsftpd's log. */
  static VsftpdLine of(String text) {
    VsftpdLine quick = quickly(text);
    return quick != null ? quick : byPattern(text);
  }

  /** The parts as the pattern reads them, or {@code null}. */
  static VsftpdLine byPattern(String text) {
    Matcher m = PATTERN.matcher(text);
    if (!m.matches()) {
      return null;
    }
    // vsftpd's own [pid N] names the session's process; a syslog tag may stand before it, as when
    // a forwarder sends vsftpd's own file on through syslog, with vsftpd's own date, which has the
    // year the syslog stamp lacks
    String pid = firstOf(m.group(2), m.group(5), m.group(7), m.group(3));
    String ctime = m.group(1) != null ? m.group(1) : m.group(4) != null ? m.group(4) : m.group(6);
    return new VsftpdLine(ctime, pid, m.group(8), m.group(9), m.group(10));
  }

  /** The first of the values that is not {@code null}. */
  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The parts of a line in vsftpd's own file form, or {@code null} for any other shape. */
  static VsftpdLine quickly(String text) {
    if (!isCtime(text) || !text.startsWith(PID, CTIME_LENGTH)) {
      return null;
    }
    int pidStart = CTIME_LENGTH + PID.length();
    int at = pidStart;
    while (at < text.length() && isDigit(text.charAt(at))) {
      at++;
    }
    if (at == pidStart || !text.startsWith("] ", at)) {
      return null;
    }
    String pid = text.substring(pidStart, at);
    at += 2;
    if (text.startsWith("[", at)) { // the user's name
      int close = text.indexOf(']', at);
      if (close < 0 || !text.startsWith(" ", close + 1)) {
        return null;
      }
      at = close + 2;
    }
    if (text.startsWith("OK ", at)) {
      at += 3;
    } else if (text.startsWith("FAIL ", at)) {
      at += 5;
    }
    int colon = text.indexOf(':', at);
    if (colon <= at || !isUpper(text.charAt(at)) || !text.startsWith(CLIENT, colon)) {
      return null;
    }
    for (int i = at + 1; i < colon; i++) {
      if (!isLetterOrSpace(text.charAt(i))) {
        return null;
      }
    }
    int clientStart = colon + CLIENT.length();
    int clientEnd = text.indexOf('"', clientStart);
    if (clientEnd < 0) {
      return null;
    }
    String rest = null;
    int after = clientEnd + 1;
    if (after < text.length()) {
      if (!text.startsWith(", ", after) || text.indexOf('\n', after + 2) >= 0) {
        return null;
      }
      rest = text.substring(after + 2);
    }
    return new VsftpdLine(
        text.substring(0, CTIME_LENGTH),
        pid,
        text.substring(at, colon),
        text.substring(clientStart, clientEnd),
        rest);
  }

  /** Whether the line starts with a date in the form {@code Www Mmm dd hh:mm:ss yyyy}. */
  private static boolean isCtime(String text) {
    if (text.length() < CTIME_LENGTH) {
      return false;
    }
    for (int i = 0; i < CTIME_LENGTH; i++) {
      char c = text.charAt(i);
      boolean fits =
          switch (i) {
            case 0, 1, 2, 4, 5, 6 -> isWordChar(c);
            case 3, 7, 10, 19 -> c == ' ';
            case 8 -> c == ' ' || isDigit(c);
            case 13, 16 -> c == ':';
            default -> isDigit(c);
          };
      if (!fits) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLetter(char c) {
    return isUpper(c) || (c >= 'a' && c <= 'z');
  }

  private static boolean isLetterOrSpace(char c) {
    return isLetter(c) || c == ' ';
  }

  private static boolean isWordChar(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }
}
