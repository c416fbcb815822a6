package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control characters a syslog daemon escaped in the messages of one input, read back. rsyslog
 * ({@code $EscapeControlCharactersOnReceive}, on by default, and syslog-ng in its default form)
 * writes each as its prefix ({@code $ControlCharacterEscapePrefix}: {@code #} as rsyslog is
 * shipped, {@code \} in sysklogd's style) and three octal digits, so that a line feed is {@code
 * #012}, a tab {@code #011} (unless {@code parser.escapeControlCharacterTab} is off) and a carriage
 * return {@code #015}; with {@code parser.escapeControlCharactersCStyle} it writes C's escapes
 * instead: {@code \n}, {@code \t}, {@code \r}, {@code \0}, {@code \a}, {@code \b}, {@code \e},
 * {@code \f}, {@code \v} and {@code \xHH} for the others. A server that logs through syslog wrote
 * those characters (a multi-line reply sent as one message, a file name with a tab).
 *
 * <p>The daemon does not escape its prefix, so {@code #011} is also what a client wrote when it
 * typed those four characters in a file name, and {@code \t} what it wrote in a Windows path
 * ({@code C:\temp}). Escapes are therefore read back only once the input shows the daemon's
 * escaping, by a line end escaped in a message: a message that ends in an escaped carriage return
 * or line feed, or holds the pair, as a server's reply lines do. A client cannot put those in a
 * command, which they would end. From the first such message on (that message included) every
 * escape of a control character in that style is read back; before it, none is, and {@code
 * tab#011name} stays as written. After it, a client's literal {@code #011} cannot be told from a
 * tab, and is read as one. Escapes of printable characters ({@code #101}) are never read back.
 */
final class SyslogEscapes {

  /** An escaped line end in the octal style, with the prefix as group 1. */
  private static final Pattern OCTAL_LINE_END =
      LinePatterns.compile("([#\\\\])01[25]$|([#\\\\])015(?:\\2)012");

  /** An escaped line end in C's style. */
  private static final Pattern C_LINE_END = LinePatterns.compile("\\\\[rn]$|\\\\r\\\\n");

  private static final Pattern C_ESCAPE = LinePatterns.compile("\\\\([0abefnrtv]|x[0-9A-Fa-f]{2})");

  /** The style the input has shown, or {@code null} before it showed any. */
  private Pattern escape;

  private boolean cStyle;

  /**
   * The message with the daemon's escapes of control characters read back, once the input has shown
   * them: {@code "211-Features:#015"} is {@code "211-Features:\r"} and shows them.
   */
  String read(String message) {
    if (escape == null && !learn(message)) {
      return message;
    }
    Matcher m = escape.matcher(message);
    StringBuilder read = null;
    int from = 0;
    while (m.find()) {
      int character = cStyle ? cCharacter(m.group(1)) : Integer.parseInt(m.group(1), 8);
      if (character < 0x20 || character == 0x7f) {
        if (read == null) {
          read = new StringBuilder(message.length());
        }
        read.append(message, from, m.start()).append((char) character);
        from = m.end();
      }
    }
    return read == null ? message : read.append(message, from, message.length()).toString();
  }

  /** Whether the message shows the daemon's escaping; if so, its style is kept for the input. */
  private boolean learn(String message) {
    if (message.indexOf('#') < 0 && message.indexOf('\\') < 0) {
      return false;
    }
    Matcher octal = OCTAL_LINE_END.matcher(message);
    if (octal.find()) {
      String prefix = octal.group(1) != null ? octal.group(1) : octal.group(2);
      escape = LinePatterns.compile(Pattern.quote(prefix) + "([0-3][0-7][0-7])");
      return true;
    }
    if (C_LINE_END.matcher(message).find()) {
      escape = C_ESCAPE;
      cStyle = true;
      return true;
    }
    return false;
  }

  /** The character of a C escape without its backslash: {@code t} is a tab. */
  private static int cCharacter(String escaped) {
    return switch (escaped.charAt(0)) {
      case '0' -> 0;
      case 'a' -> 0x07;
      case 'b' -> 0x08;
      case 'e' -> 0x1b;
      case 'f' -> 0x0c;
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> 0x0b;
      default -> Integer.parseInt(escaped.substring(1), 16);
    };
  }
}
