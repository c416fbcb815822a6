package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line ends a syslog daemon escaped in the messages of one input, read back. rsyslog ({@code
 * $EscapeControlCharactersOnReceive}, on by default, and syslog-ng in its default form) writes each
 * control character as its prefix ({@code $ControlCharacterEscapePrefix}: {@code #} as rsyslog is
 * shipped, {@code \} as its documentation gives the default and sysklogd writes) and three octal
 * digits, so that a carriage return is {@code #015}, a line feed {@code #012} and a tab {@code
 * #011}; with {@code parser.escapeControlCharactersCStyle} it writes C's escapes instead ({@code
 * \r}, {@code \n}, {@code \t}, {@code \xHH}). A server that logs through syslog wrote line ends
 * when it logged a reply with its CR LF, or a multi-line reply as one message.
 *
 * <p>The daemon escapes control characters only, never its prefix nor a backslash, so {@code #011}
 * is also what a client wrote when it typed those four characters in a file name, and {@code \t}
 * what it wrote in a Windows path ({@code C:\temp}): nothing in the line tells the two apart. Only
 * escapes that a client cannot have typed in a command are therefore read back: a line end at the
 * end of the message ({@code 211-Features:#015}, or the CR a client sent before its CR LF, which
 * the server keeps in the command) and the pair CR LF where a reply line follows it ({@code
 * 220-Hi#015#012220 there}: a reply of several lines the server wrote at once). Those are read once
 * the input has shown them, in the style of the first message that did (the daemon writes one
 * style); the other escapes, a tab's {@code #011} among them, stay as the log wrote them, which is
 * never wrong about what the log shows and changes no verb, code or order.
 *
 * <p>A pair inside a message with no reply line after it ({@code STOR a#015#012b.txt}) is text the
 * client typed, not two commands logged in one message: vsftpd, Pure-FTPd and ProFTPD read a
 * command up to its LF and log each command they read as a message of its own, pipelined or not, so
 * a real CR LF would have ended the command before it reached the log. A lone escaped line end
 * inside a message ({@code STOR a#012b}) is typed text too. What this cannot tell apart is a
 * client's typed pair followed by what looks like a reply line ({@code STOR a#015#012220 b}).
 */
final class SyslogEscapes {

  /** What follows a CR LF pair read back inside a message: a reply line, or nothing. */
  private static final String REPLY_LINE_NEXT = "(?=\\d{3}(?:[ -]|$)|$)";

  /** An escaped line end in the octal style, with the prefix as group 1 or 2. */
  private static final Pattern OCTAL_LINE_END =
      LinePatterns.compile("([#\\\\])01[25]$|([#\\\\])015(?:\\2)012" + REPLY_LINE_NEXT);

  /** An escaped line end in C's style. */
  private static final Pattern C_LINE_END =
      LinePatterns.compile("\\\\[rn]$|\\\\r\\\\n" + REPLY_LINE_NEXT);

  /** The line ends of the style the input has shown, or {@code null} before it showed any. */
  private Pattern lineEnd;

  /** The character that starts an escape in that style. */
  private char prefix;

  /**
   * The message with the daemon's escaped line ends read back, once the input has shown them:
   * {@code "211-Features:#015"} is {@code "211-Features:\r"} and shows them.
   */
  String read(String message) {
    if (lineEnd == null && !learn(message)) {
      return message;
    }
    if (message.indexOf(prefix) < 0) {
      return message;
    }
    Matcher m = lineEnd.matcher(message);
    StringBuilder read = null;
    int from = 0;
    while (m.find()) {
      if (read == null) {
        read = new StringBuilder(message.length());
      }
      read.append(message, from, m.start()).append(lineEnds(m.group()));
      from = m.end();
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
      String p = octal.group(1) != null ? octal.group(1) : octal.group(2);
      prefix = p.charAt(0);
      lineEnd =
          LinePatterns.compile(
              Pattern.quote(p)
                  + "01[25]$|"
                  + Pattern.quote(p + "015" + p + "012")
                  + REPLY_LINE_NEXT);
      return true;
    }
    if (C_LINE_END.matcher(message).find()) {
      prefix = '\\';
      lineEnd = C_LINE_END;
      return true;
    }
    return false;
  }

  /** The line ends an escape of them stands for: {@code #015#012} is CR LF. */
  private static String lineEnds(String escaped) {
    boolean cr = escaped.contains("015") || escaped.contains("\\r");
    boolean lf = escaped.contains("012") || escaped.contains("\\n");
    return (cr ? "\r" : "") + (lf ? "\n" : "");
  }
}
