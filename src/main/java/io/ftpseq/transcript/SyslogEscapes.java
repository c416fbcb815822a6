package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control characters a syslog daemon escapes in the messages it writes: rsyslog (and syslog-ng
 * in its default form) writes each as {@code #} and its three octal digits, so that a line feed is
 * {@code #012}, a tab {@code #011} and a carriage return {@code #015}. A server that logs through
 * syslog wrote those characters (a multi-line reply sent as one message, a file name with a tab):
 * reading them back gives the text the server wrote.
 */
final class SyslogEscapes {

  private static final Pattern ESCAPE = LinePatterns.compile("#([0-3][0-7][0-7])");

  private SyslogEscapes() {}

  /**
   * The text with each escaped control character read back: {@code "211-Features:#015"} is {@code
   * "211-Features:\r"}. A {@code #} followed by octal digits of a printable character ({@code
   * #101}) is text the server wrote, and stays.
   */
  static String unescaped(String text) {
    if (text.indexOf('#') < 0) {
      return text;
    }
    Matcher m = ESCAPE.matcher(text);
    StringBuilder read = new StringBuilder(text.length());
    int from = 0;
    while (m.find()) {
      int character = Integer.parseInt(m.group(1), 8);
      if (character < 0x20 || character == 0x7f) {
        read.append(text, from, m.start()).append((char) character);
        from = m.end();
      }
    }
    return from == 0 ? text : read.append(text, from, text.length()).toString();
  }
}
