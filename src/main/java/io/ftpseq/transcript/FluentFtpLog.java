package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.util.List;
import java.util.regex.Matcher;
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

  private static final String TIME =
      "(?:\\[?(\\d{4}-\\d\\d-\\d\\d)[ T](\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?)\\]? )?";
  private static final Pattern LINE =
      LinePatterns.compile(
          "^"
              + TIME
              + "(?:(Response): |(Command|Status|Warning|Info|Error|Verbose):\\s+|(# |>\\s+|< ))"
              + "(.*)$");
  private static final Pattern METHOD = LinePatterns.compile("^\\w+\\(.*\\)$");
  private static final Pattern DURATION = LinePatterns.compile(" \\[\\d+ms\\]$");
  private static final String STREAM_CLOSED = "Disposing FtpSocketStream";

  @Override
  public String name() {
    return "fluentftp";
  }

  @Override
  public int recognise(List<String> head) {
    boolean methods = false;
    boolean padded = false;
    for (String line : head) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      methods |= m.group(5) != null && METHOD.matcher(m.group(6)).matches();
      padded |= line.contains("Command:  ") || DURATION.matcher(line).find();
    }
    return methods || padded ? 90 : 0;
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
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
          return dialogue != null && dialogue.replyOpen()
              ? dialogue.replyLine(number, text) // a multi-line reply logged as one record
              : sink.strayLine(source, number, FormatName.of("fluentftp"), text);
        }
        String time = m.group(1) == null ? "" : m.group(1) + "T" + m.group(2).replace(',', '.');
        String body = m.group(6);
        String kind =
            m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5).trim();
        return switch (kind) {
          case "Command" -> current().command(number, time, body);
          case "Response", "<" ->
              current().replyLine(number, time, DURATION.matcher(body).replaceFirst(""));
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
