package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What lftp's {@code debug} command writes: {@code ---> } before each command sent, {@code <--- }
 * before each reply line, {@code ---- } before notes and {@code **** } before errors, optionally
 * after a {@code [pid]}, a date and time, and a context (with {@code debug -p -t -c}). lftp masks
 * the password as {@code PASS XXXX} and pipelines commands, which pairing handles.
 *
 * <pre>
 * ---- Connecting to localhost (127.0.0.1) port 21
 * &lt;--- 220 (vsFTPd 3.0.3)
 * ---&gt; USER anonymous
 * </pre>
 *
 * <p>lftp does not log the replies to its {@code quote} command; it prints them, unprefixed, on
 * standard output. When standard output is logged too, those lines are read as replies; a log of
 * {@code debug -o FILE} alone lacks them, and the replies that follow are then paired with the
 * wrong commands. A log of {@code lftp -d ... 2>&1} also holds the listings lftp prints (lines of
 * {@code ls -l} or MLSD facts, {@code total N}): they are its output, skipped and counted, not
 * problems. Each "Connecting to" note opens a new control connection, a session of its own, named
 * "connection N" (with the pid and context when the log shows them).
 */
public final class LftpDebug implements TranscriptFormat {

  private static final Pattern LINE =
      LinePatterns.compile(
          "^(?:\\[(\\d+)\\] )?(?:\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d )?(?:(\\S+) )?"
              + "(--->|<---|----|\\*\\*\\*\\*|<--\\+) ?(.*)$");

  /** A line of a listing lftp prints: {@code ls -l} shape, {@code total N}, or MLSD facts. */
  private static final Pattern LISTING =
      LinePatterns.compile(
          "^(?:[-dlcbps][-rwxsStT]{9}[+@.]?\\s+\\d+\\s.*|total \\d+|(?:[\\w.-]+=[^;]*;)+ .+)$");

  @Override
  public String name() {
    return "lftp";
  }

  @Override
  public int recognise(List<String> head) {
    boolean sent = false;
    boolean received = false;
    for (String line : head) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        sent |= m.group(3).equals("--->");
        received |= m.group(3).equals("<---");
      }
    }
    return sent && received ? 90 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private LineDialogue dialogue;
      private int connections;

      @Override
      public LineUse line(long number, String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
          if (ReplyAssembler.looksLikeReply(text)) {
            // lftp's quote command prints the reply itself, unprefixed, on standard output
            return current(number, m).replyLine(number, text);
          } else if (text.isBlank() || LISTING.matcher(text).matches()) {
            return LineUse.SKIPPED; // a listing lftp printed on standard output
          }
          return current(number, m).problem(number, Phrase.of("problem.lftp", Problem.quote(text)));
        }
        String body = m.group(4);
        return switch (m.group(3)) {
          case "--->" -> current(number, m).command(number, body);
          case "<---" -> current(number, m).replyLine(number, body);
          case "----" -> {
            if (body.startsWith("Connecting to ")) {
              open(number, m);
              yield LineUse.DIALOGUE;
            }
            yield LineUse.SKIPPED;
          }
          default -> LineUse.SKIPPED; // errors and proxy lines are lftp's own, not the dialogue
        };
      }

      private LineDialogue current(long number, Matcher m) {
        return dialogue != null ? dialogue : open(number, m);
      }

      private LineDialogue open(long number, Matcher m) {
        if (dialogue != null) {
          dialogue.close(number);
        }
        connections++;
        StringBuilder name = new StringBuilder("connection ").append(connections);
        if (m.matches() && m.group(1) != null) {
          name.append(" pid ").append(m.group(1));
        }
        if (m.matches() && m.group(2) != null) {
          name.append(' ').append(m.group(2));
        }
        dialogue = new LineDialogue(source, name.toString(), sink);
        return dialogue;
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
