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
 */
final class SyslogDaemonLines {

  private static final Pattern DAEMON =
      LinePatterns.compile(
          "(?:^|\\s)(?:-- MARK --\\s*$|(?:rsyslogd|syslogd|syslog-ng)(?:\\[\\d+\\]| [\\d.]+)?: )");
  private static final Pattern REPEATED =
      LinePatterns.compile(
          "(?:^|\\s)(?:last message repeated (\\d{1,3}) times?\\s*$"
              + "|message repeated (\\d{1,3}) times?: \\[.*\\]\\s*$)");

  private SyslogDaemonLines() {}

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
