package io.ftpseq.transcript;

import static io.ftpseq.transcript.LineChars.digits;
import static io.ftpseq.transcript.LineChars.fits;
import static io.ftpseq.transcript.LineChars.isAt;
import static io.ftpseq.transcript.LineChars.isDigit;
import static io.ftpseq.transcript.LineChars.isSpace;

import io.ftpseq.protocol.LinePatterns;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The log of FluentFTP, the .NET FTP client: its console and logger output write the method called
 * ({@code # Connect()}, or {@code > Connect()} through a logger), then {@code Command: } before
 * each command sent and {@code Response: } before each reply line, with the time the reply took in
 * brackets at the end; {@code Status:}, {@code Warning:}, {@code Info:} and {@code Error:} lines
 * are FluentFTP's own. Older versions mark commands and replies {@code > } and {@code < } instead.
 * A date and time may come first when the application's logger adds one.
 *
 * <pre>
 * # Connect()
 * Status:   Connecting to 127.0.0.1:21
 * Response: 220 Service ready for new user. [2ms]
 * Command:  USER alice
 * </pre>
 *
 * <p>FluentFTP masks the password as {@code PASS ***}. Each {@code Connect()} opens a new control
 * connection, a session of its own named "connection N". {@code Disconnect()} sends QUIT (unless
 * told not to) and closes the connection: the session ends at the 221 or 421 reply, after which the
 * server closes it, or else at the stream's close that follows the call ({@code Disposing
 * FtpSocketStream...}, which FluentFTP also writes when a data connection closes, so it ends
 * nothing elsewhere). A line after the end opens the next connection's session.
 */
public final class FluentFtpLog implements TranscriptFormat {

  private static final Pattern METHOD = LinePatterns.compile("^\\w+\\(.*\\)$");
  private static final String STREAM_CLOSED = "Disposing FtpSocketStream";

  /** The kinds of record followed by a colon and spaces, {@code Command: USER alice}. */
  private static final List<String> WORD_KINDS =
      List.of("Command", "Status", "Warning", "Info", "Error", "Verbose");

  /**
   * A record of FluentFTP's log: its date and time when it has them ({@code [2024-03-05
   * 10:00:00.123] }, brackets optional), its kind ({@code Response}, a word such as {@code
   * Command}, or {@code #}, {@code >} or {@code <}) and its text. Read by hand, as the pattern
   *
   * <pre>
   * ^(?:\[?(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:[.,]\d+)?)\]? )?
   * (?:(Response): |(Command|Status|Warning|Info|Error|Verbose):\s+|(# |>\s+|< ))(.*)$
   * </pre>
   *
   * reads it with {@code matches()}, its kind the group that took it, trimmed: the pattern ran at
   * every line of a log, most of FluentFTP's reading.
   */
  record LogRecord(String date, String time, String kind, String text) {

    /** The record the line is, or {@code null} when it is none. */
    static LogRecord read(String line) {
      String date = null;
      String time = null;
      int at = 0;
      int timeEnd = timeEnd(line);
      if (timeEnd > 0) {
        int from = line.charAt(0) == '[' ? 1 : 0;
        date = line.substring(from, from + 10);
        int end = line.charAt(timeEnd - 2) == ']' ? timeEnd - 2 : timeEnd - 1;
        time = line.substring(from + 11, end);
        at = timeEnd;
      }
      String kind = null;
      int text = -1;
      if (line.startsWith("Response: ", at)) {
        kind = "Response";
        text = at + 10;
      } else if (line.startsWith("# ", at) || line.startsWith("< ", at)) {
        kind = line.substring(at, at + 1);
        text = at + 2;
      } else if (line.startsWith(">", at)) {
        text = spacesAfter(line, at + 1);
        kind = text > at + 1 ? ">" : null;
      } else {
        for (String word : WORD_KINDS) {
          if (line.startsWith(word, at) && line.startsWith(":", at + word.length())) {
            text = spacesAfter(line, at + word.length() + 1);
            kind = text > at + word.length() + 1 ? word : null;
            break;
          }
        }
      }
      if (kind == null || line.indexOf('\n', text) >= 0) {
        return null; // the pattern's dot takes any character but a line feed
      }
      return new LogRecord(date, time, kind, line.substring(text));
    }

    /**
     * Where the date and time at the line's head end, after the space that follows them, or 0 when
     * it has none.
     */
    private static int timeEnd(String line) {
      int at = isAt(line, 0, '[') ? 1 : 0;
      if (!fits(line, at, "0000-00-00")
          || !(isAt(line, at + 10, ' ') || isAt(line, at + 10, 'T'))
          || !fits(line, at + 11, "00:00:00")) {
        return 0;
      }
      at += 19;
      if (isAt(line, at, '.') || isAt(line, at, ',')) {
        int fraction = digits(line, at + 1, 1, Integer.MAX_VALUE);
        at = fraction > 0 ? fraction : at;
      }
      if (isAt(line, at, ']')) {
        at++;
      }
      return isAt(line, at, ' ') ? at + 1 : 0;
    }

    /** Where the spaces ({@code \s}) from {@code at} end. */
    private static int spacesAfter(String line, int at) {
      while (at < line.length() && isSpace(line.charAt(at))) {
        at++;
      }
      return at;
    }
  }

  /**
   * A reply's text without the time FluentFTP adds after it ({@code 230 Logged in. [12ms]}): a
   * space, a bracket, digits and {@code ms]} at its end.
   */
  static String withoutDuration(String text) {
    if (!text.endsWith("ms]")) {
      return text;
    }
    int digits = text.length() - 3;
    while (digits > 0 && isDigit(text.charAt(digits - 1))) {
      digits--;
    }
    return digits < text.length() - 3 && digits >= 2 && text.startsWith(" [", digits - 2)
        ? text.substring(0, digits - 2)
        : text;
  }

  @Override
  public String name() {
    return "fluentftp";
  }

  @Override
  public int recognise(List<String> head) {
    boolean methods = false;
    boolean padded = false;
    for (String line : head) {
      LogRecord record = LogRecord.read(line);
      if (record == null) {
        continue;
      }
      methods |= isMarked(record.kind()) && METHOD.matcher(record.text()).matches();
      padded |= line.contains("Command:  ") || !withoutDuration(line).equals(line);
    }
    return methods || padded ? 90 : 0;
  }

  /** Whether a record's kind is a mark ({@code #}, {@code >}, {@code <}), not a word. */
  private static boolean isMarked(String kind) {
    return kind.length() == 1;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private LineDialogue dialogue;
      private int connections;
      private boolean disconnecting; // Disconnect() was called: the next stream closed is control's

      @Override
      public LineUse line(long number, String text) {
        if (text.isBlank()) {
          return LineUse.SKIPPED;
        }
        LogRecord record = LogRecord.read(text);
        if (record == null) {
          return dialogue != null && dialogue.replyOpen()
              ? dialogue.replyLine(number, text) // a multi-line reply logged as one record
              : sink.strayLine(source, number, FormatName.of("fluentftp"), text);
        }
        String time =
            record.date() == null ? "" : record.date() + "T" + record.time().replace(',', '.');
        String body = record.text();
        String kind = record.kind();
        return switch (kind) {
          case "Command" -> current().command(number, time, body);
          case "Response", "<" -> current().replyLine(number, time, withoutDuration(body));
          case "#", ">" -> {
            if (body.startsWith("Connect(") && METHOD.matcher(body).matches()) {
              open(number);
              yield LineUse.DIALOGUE;
            } else if (body.startsWith("Disconnect(") && METHOD.matcher(body).matches()) {
              disconnecting = dialogue != null && !dialogue.ended();
              yield LineUse.SKIPPED;
            } else if (kind.equals(">") && !METHOD.matcher(body).matches()) {
              yield current().command(number, time, body);
            }
            yield LineUse.SKIPPED; // the method called, FluentFTP's own record
          }
          case "Status" -> {
            if (disconnecting && body.startsWith(STREAM_CLOSED)) {
              disconnecting = false;
              if (!dialogue.ended()) {
                dialogue.close(number);
              }
            }
            yield LineUse.SKIPPED;
          }
          default -> LineUse.SKIPPED; // FluentFTP's own messages, not the dialogue
        };
      }

      private LineDialogue current() {
        if (dialogue == null) {
          dialogue = new LineDialogue(source, TranscriptSink.SINGLE, sink).endingAtGoodbye();
        } else if (dialogue.ended()) {
          next();
        }
        return dialogue;
      }

      private void open(long number) {
        if (dialogue != null && !dialogue.ended()) {
          dialogue.close(number);
        }
        next();
      }

      private void next() {
        connections++;
        disconnecting = false;
        dialogue = new LineDialogue(source, "connection " + connections, sink).endingAtGoodbye();
      }

      @Override
      public void end(long lastLine) {
        if (dialogue != null) {
          dialogue.end(lastLine);
        }
      }
    };
  }
}
