package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a syslog daemon writes among a server's own in the same file: its marks ({@code -- MARK
 * --}), its own messages (rsyslogd restarted or sent a HUP when the file was rotated, sysklogd's
 * {@code syslogd 1.5.1: restart.}), and the line that stands for repeats of the line before it
 * ({@code last message repeated 2 times}, rsyslog's {@code message repeated 2 times: [ ...]}). A
 * reader of a log carried by syslog skips the first two and reads the line before the third again
 * as many times as it says (up to 999: a larger count is no such line, so that one line cannot
 * stand for a flood of events).
 *
 * <p>The file is often the system's own {@code /var/log/syslog}, shared by every program that logs
 * through syslog: the lines of cron, systemd, the kernel or sshd around the server's are no part of
 * the server's log, and a reader passes them over by their tag ({@link #otherProgram}).
 */
final class SyslogDaemonLines {

  private static final Pattern DAEMON =
      LinePatterns.compile(
          "(?:^|\\s)(?:-- MARK --\\s*$|(?:rsyslogd|syslogd|syslog-ng)(?:\\[\\d+\\]| [\\d.]+)?: )");
  private static final Pattern REPEATED =
      LinePatterns.compile(
          "(?:^|\\s)(?:last message repeated (\\d{1,3}) times?\\s*$"
              + "|message repeated (\\d{1,3}) times?: \\[.*\\]\\s*$)");

  /**
   * The head of a line a syslog daemon wrote: its time (traditional, or RFC 3339 as rsyslog's
   * high-precision form and journalctl's {@code short-iso} write it), the host, and the tag with
   * the program's name and maybe its pid.
   */
  private static final Pattern TAGGED =
      LinePatterns.compile(
          "^(?:<\\d+>)?(?:\\w{3} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?"
              + "|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d\\S*) \\S+ "
              + "([^\\s\\[\\]:]+)(?:\\[\\d+\\])?: ");

  private SyslogDaemonLines() {}

  /**
   * The tag of a syslog line that names another program than the server's ({@code CRON}, {@code
   * systemd}, {@code kernel}), or {@code null} for a line of the server's own tag or of no syslog
   * head. A line of the server's own tag that its reader cannot read stays a problem.
   *
   * @param own the server's tag, such as {@code vsftpd}; one with a suffix in parentheses ({@code
   *     vsftpd(pam_unix)}) is the server's too
   */
  static String otherProgram(String line, String own) {
    Matcher m = TAGGED.matcher(line);
    if (!m.lookingAt()) {
      return null;
    }
    String tag = m.group(1);
    boolean owns =
        tag.regionMatches(true, 0, own, 0, own.length())
            && (tag.length() == own.length() || tag.charAt(own.length()) == '(');
    return owns ? null : tag;
  }

  /** Whether the line is the syslog daemon's own: a mark or a message about itself. */
  static boolean isDaemons(String line) {
    return DAEMON.matcher(line).find();
  }

  /**
   * How many more times the line before this one was logged, when this one says so; 0 for any other
   * line.
   */
  static int repeats(String line) {
    if (!line.contains("repeated")) {
      return 0;
    }
    Matcher m = REPEATED.matcher(line);
    return m.find() ? Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) : 0;
  }
}
