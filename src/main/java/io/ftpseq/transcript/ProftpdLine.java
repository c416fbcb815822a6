package io.ftpseq.transcript;

import static io.ftpseq.transcript.LineChars.digits;
import static io.ftpseq.transcript.LineChars.isAt;

import io.ftpseq.protocol.LinePatterns;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one line of a ProFTPD log shows by itself, before the sessions are looked at: an ExtendedLog
 * line in the default format or in a {@link ProftpdLogFormat}, a line with nothing to read, or any
 * other line. {@link ProftpdLog} reads the lines of an input into these ahead of its sessions
 * ({@link Reader}), on the thread that reads the input when there is one.
 */
sealed interface ProftpdLine {

  /** The head syslog writes before a message of ProFTPD's: its stamp, host and tag. */
  Pattern SYSLOG_HEAD = LinePatterns.compile("^.{0,120}?\\bproftpd\\[\\d+\\]: ");

  /** A blank line or a comment. */
  Skipped SKIPPED = new Skipped();

  /** A blank line or a comment. */
  record Skipped() implements ProftpdLine {}

  /**
   * An ExtendedLog line in the default format ({@code %h %l %u %t "%r" %s %b}).
   *
   * @param client the client's address, which tells the sessions apart
   * @param time its time as ISO 8601, {@code null} when it cannot be read
   * @param writtenTime its time as the line writes it
   * @param command the command as logged
   * @param code the final reply's code as logged: {@code -} when no reply was sent
   */
  record Extended(String client, String time, String writtenTime, String command, String code)
      implements ProftpdLine {}

  /**
   * The fields of an ExtendedLog line in the default format, {@code %h %l %u [%t] "%r" %s %b}, as
   * the line writes them. Read by hand, not with the pattern {@code ^(\S+) \S+ \S+
   * \[(\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] "([^"]*)" (\d{3}|-) \S+.*$}, which was a
   * fifth of the CPU of a check of such a log: exactly the lines it matched.
   */
  record ExtendedFields(String client, String writtenTime, String command, String code) {

    /** The fields of the line, or {@code null} when it is no such line. */
    static ExtendedFields read(String text) {
      int client = fieldEnd(text, 0);
      int ident = client < 0 ? -1 : fieldEnd(text, client + 1);
      int user = ident < 0 ? -1 : fieldEnd(text, ident + 1);
      if (user < 0 || !isAt(text, user + 1, '[')) {
        return null;
      }
      int time = user + 2;
      if (!LineChars.fits(text, time, "00/www/0000:00:00:00 +0000] \"")) {
        return null;
      }
      int command = time + 29;
      int commandEnd = text.indexOf('"', command);
      if (commandEnd < 0 || !isAt(text, commandEnd + 1, ' ')) {
        return null;
      }
      int code = commandEnd + 2;
      int codeEnd = digits(text, code, 3, 3) == code + 3 ? code + 3 : code + 1;
      if ((codeEnd == code + 1 && !isAt(text, code, '-'))
          || !isAt(text, codeEnd, ' ')
          || codeEnd + 1 >= text.length()
          || LineChars.isSpace(text.charAt(codeEnd + 1))) {
        return null;
      }
      return new ExtendedFields(
          text.substring(0, client),
          text.substring(time, time + 26),
          text.substring(command, commandEnd),
          text.substring(code, codeEnd));
    }

    /**
     * Where a field of one or more characters that are not {@code \s}, from {@code from}, ends with
     * a space after it; -1 when there is none.
     */
    private static int fieldEnd(String text, int from) {
      int at = from;
      while (at < text.length() && !LineChars.isSpace(text.charAt(at))) {
        at++;
      }
      return at > from && isAt(text, at, ' ') ? at : -1;
    }
  }

  /** An ExtendedLog line in the input's {@link ProftpdLogFormat}. */
  record Formatted(ProftpdExtendedLines.Row row) implements ProftpdLine {}

  /**
   * Any other line: a TraceLog or SystemLog line, or one that is not ProFTPD's. These are read on
   * the parsing thread: read ahead, a TraceLog took more CPU in all than read there (1.16 times,
   * paired runs on 100 MB).
   *
   * @param format the input's LogFormat as known at this line, or {@code null}
   */
  record Other(ProftpdLogFormat format) implements ProftpdLine {}

  /**
   * Reads the lines of one input in order: the first line in a common LogFormat sets the format of
   * the lines after it, as an input's lines share one.
   */
  final class Reader {

    private final ProftpdLogFormat given;
    private ProftpdLogFormat format;
    private final LastTime commonLogTime = new LastTime(LogTime::commonLog);
    // the escapes of the syslog daemon, read back once the input has shown them
    private final SyslogEscapes escapes = new SyslogEscapes();

    /**
     * A reader of lines in the given LogFormat.
     *
     * @param given the LogFormat, or null to find it from the lines
     */
    Reader(ProftpdLogFormat given) {
      this.given = given;
      this.format = given;
    }

    /**
     * What the next line of the input shows. An ExtendedLog sent to syslog ({@code ExtendedLog
     * syslog:info}) has each of its lines after the syslog head ({@code Nov 22 10:00:00 host
     * proftpd[4321]: }), with its control characters escaped: such a line is read as the line after
     * the head, as ProFTPD wrote it.
     */
    ProftpdLine read(String text) {
      ProftpdLine line = readAsWritten(text);
      String message = line instanceof Other ? throughSyslog(text) : null;
      if (message != null) {
        message = escapes.read(message);
      }
      if (message != null) {
        ProftpdLine carried = readAsWritten(message);
        if (carried instanceof Extended || carried instanceof Formatted) {
          return carried;
        }
      }
      return line;
    }

    /**
     * The message of a line syslog wrote for ProFTPD, as syslog wrote it (its control characters
     * escaped); {@code null} for a line of no such head.
     */
    static String throughSyslog(String text) {
      if (!text.contains("proftpd[")) {
        return null;
      }
      Matcher head = SYSLOG_HEAD.matcher(text);
      return head.lookingAt() ? text.substring(head.end()) : null;
    }

    private ProftpdLine readAsWritten(String text) {
      if (text.isBlank() || text.startsWith("#")) {
        return SKIPPED;
      }
      // each pattern is tried only where a look at a few characters shows that it may match: most
      // lines are of one kind, and trying every pattern on every line made this reader the slowest
      ExtendedFields extended =
          given == null && mayBeExtended(text) ? ExtendedFields.read(text) : null;
      boolean isExtended = extended != null;
      if (format == null && given == null && !isExtended && text.indexOf('"') >= 0) {
        format = formatOf(given, text); // every common LogFormat quotes the request
      }
      if (format != null) {
        Matcher line = format.pattern().matcher(text);
        if (line.matches()) {
          return new Formatted(ProftpdExtendedLines.row(format, line, commonLogTime));
        }
      }
      if (isExtended) {
        return new Extended(
            extended.client(),
            commonLogTime.of(extended.writtenTime()),
            extended.writtenTime(),
            extended.command(),
            extended.code());
      }
      return new Other(format);
    }

    /**
     * The given LogFormat, or else the first common one, that the line matches; else null.
     *
     * @param given the LogFormat, or null for the common ones
     */
    static ProftpdLogFormat formatOf(ProftpdLogFormat given, String line) {
      for (ProftpdLogFormat format : given == null ? ProftpdLogFormat.COMMON : List.of(given)) {
        if (format.pattern().matcher(line).matches()) {
          return format;
        }
      }
      return null;
    }

    /** Whether the line has what every ExtendedLog line in the default format has: {@code ] "}. */
    private static boolean mayBeExtended(String line) {
      return line.contains("] \"");
    }
  }
}
