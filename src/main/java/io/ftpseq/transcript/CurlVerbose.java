package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code curl -v} prints for FTP: {@code > } before each command, {@code < } before each reply
 * line, {@code * } before curl's own notes, <code>{</code>/<code>}</code> before data markers. With
 * {@code --trace-time} or {@code --trace-ids} each line starts with a time or an id, which are
 * skipped. curl prints passwords in clear; they are masked when read.
 *
 * <pre>
 * * Connected to localhost (127.0.0.1) port 21 (#0)
 * &lt; 220 (vsFTPd 3.0.3)
 * &gt; USER anonymous
 * &lt; 331 Please specify the password.
 * </pre>
 *
 * <p>Each control connection ({@code #N} in curl's notes) is a session of its own. It ends at
 * curl's "Closing connection" note (curl 8 writes "shutting down connection"; with the connection's
 * number, or with none), or at a 221 or 421 reply, after which the server closes it; a line after
 * the end is a new session's, named by the next "Connected to" note, else by the one before.
 */
public final class CurlVerbose implements TranscriptFormat {

  private static final Pattern HEAD =
      LinePatterns.compile("^(?:\\d\\d:\\d\\d:\\d\\d\\.\\d+ )?(?:\\[[^\\]]*\\] )?");
  private static final Pattern CONNECTED = LinePatterns.compile("Connected to .*\\(#(\\d+)\\)");
  private static final Pattern CLOSING =
      LinePatterns.compile("^\\* (?:Closing|shutting down) connection(?: #?(\\d+))?\\b");
  private static final Pattern REPLY = LinePatterns.compile("^< \\d{3}[ -]");

  @Override
  public String name() {
    return "curl";
  }

  @Override
  public int recognise(List<String> head) {
    int notes = 0;
    int replies = 0;
    for (String raw : head) {
      String line = strip(raw);
      if (line.startsWith("* ")) {
        notes++;
      } else if (REPLY.matcher(line).find()) {
        replies++;
      }
    }
    return notes > 0 && replies > 0 ? 85 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private LineDialogue dialogue = open(TranscriptSink.SINGLE);
      private String connection = TranscriptSink.SINGLE;

      @Override
      public LineUse line(long number, String raw) {
        String line = strip(raw);
        if (line.startsWith("> ")) {
          return current().command(number, line.substring(2));
        } else if (line.startsWith("< ")) {
          return current().replyLine(number, line.substring(2));
        } else if (line.startsWith("* ")) {
          return note(number, line);
        } else if (line.isBlank() || isNoise(line)) {
          return LineUse.SKIPPED;
        }
        return current().problem(number, Phrase.of("problem.curl", Problem.quote(raw)));
      }

      /**
       * A new control connection number starts a new session, and closing the control connection
       * ends it; curl's other notes are its own.
       */
      private LineUse note(long number, String line) {
        Matcher closing = CLOSING.matcher(line);
        if (closing.find()) {
          String closed = closing.group(1) == null ? connection : "#" + closing.group(1);
          if (!dialogue.ended() && closesCurrent(closed)) {
            dialogue.close(number);
          }
          return LineUse.SKIPPED; // curl's own note, as its others
        }
        Matcher m = CONNECTED.matcher(line);
        if (!m.find() || line.contains("2nd connection")) {
          return LineUse.SKIPPED;
        }
        String next = "#" + m.group(1);
        if (dialogue.ended()) {
          connection = next;
          dialogue = open(connection);
        } else if ((!next.equals("#0") || !connection.isEmpty()) && !next.equals(connection)) {
          dialogue.close(number);
          connection = next;
          dialogue = open(connection);
        }
        return LineUse.DIALOGUE;
      }

      /** Whether the connection curl closes is the one being read (#0 when none was named). */
      private boolean closesCurrent(String closed) {
        return closed.equals(connection) || (connection.isEmpty() && closed.equals("#0"));
      }

      /** The session being read; a line after one ended is the next one's, under the same name. */
      private LineDialogue current() {
        if (dialogue.ended()) {
          dialogue = open(connection);
        }
        return dialogue;
      }

      private LineDialogue open(String name) {
        return new LineDialogue(source, name, sink).endingAtGoodbye();
      }

      @Override
      public void end(long lastLine) {
        dialogue.end(lastLine);
      }
    };
  }

  /** The time and id curl may put before a line. */
  private static String strip(String line) {
    Matcher m = HEAD.matcher(line);
    return m.find() ? line.substring(m.end()) : line;
  }

  /** Data markers and the progress meter, which curl mixes into the same stream. */
  private static boolean isNoise(String line) {
    return line.startsWith("{ ")
        || line.startsWith("} ")
        || line.contains("% Total")
        || line.contains("Dload")
        || line.strip().matches("^[0-9 .:kMG%-]+$");
  }
}
