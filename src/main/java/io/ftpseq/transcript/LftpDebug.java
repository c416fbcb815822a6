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
 * "connection N" (with the pid and context when the log shows them). It ends at the "Closing
 * control socket" note, or at a 221 or 421 reply, after which the server closes the connection; a
 * line after the end opens the next connection's session.
 */
public final class LftpDebug implements TranscriptFormat {

  static final Pattern LINE =
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
        Marked m = Marked.of(text);
        if (m == null) {
          if (ReplyAssembler.looksLikeReply(text)) {
            // lftp's quote command prints the reply itself, unprefixed, on standard output
            return current(number, null).replyLine(number, text);
          } else if (text.isBlank() || LISTING.matcher(text).matches()) {
            return LineUse.SKIPPED; // a listing lftp printed on standard output
          }
          return current(number, null)
              .problem(number, Phrase.of("problem.lftp", Problem.quote(text)));
        }
        String body = m.body();
        return switch (m.marker()) {
          case "--->" -> current(number, m).command(number, body);
          case "<---" -> current(number, m).replyLine(number, body);
          case "----" -> {
            if (body.startsWith("Connecting to ")) {
              open(number, m);
              yield LineUse.DIALOGUE;
            } else if (body.startsWith("Closing control socket")
                && dialogue != null
                && !dialogue.ended()) {
              dialogue.close(number);
            }
            yield LineUse.SKIPPED;
          }
          default -> LineUse.SKIPPED; // errors and proxy lines are lftp's own, not the dialogue
        };
      }

      private LineDialogue current(long number, Marked m) {
        return dialogue != null && !dialogue.ended() ? dialogue : open(number, m);
      }

      private LineDialogue open(long number, Marked m) {
        if (dialogue != null && !dialogue.ended()) {
          dialogue.close(number);
        }
        connections++;
        StringBuilder name = new StringBuilder("connection ").append(connections);
        if (m != null && m.pid() != null) {
          name.append(" pid ").append(m.pid());
        }
        if (m != null && m.context() != null) {
          name.append(' ').append(m.context());
        }
        dialogue = new LineDialogue(source, name.toString(), sink).endingAtGoodbye();
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

  /**
   * A line lftp marks as its own: the pid and context a log may show, the mark ({@code --->} sent,
   * {@code <---} received, {@code ----} a note, {@code ****} an error, {@code <--+} a proxy's) and
   * what follows it; as {@link #LINE} reads it.
   */
  record Marked(String pid, String context, String marker, String body) {

    private static final List<String> MARKS = List.of("--->", "<---", "----", "****", "<--+");

    /**
     * The marked line, or null. A line that starts with a mark and a space, as {@code lftp -d}
     * writes nearly every line, is read without the pattern, unless the mark and space are followed
     * by another mark: {@link #LINE} then reads the first as the line's context.
     */
    static Marked of(String text) {
      if (text.length() >= 5 && text.charAt(4) == ' ' && startsWithMark(text, 0)) {
        if (!startsWithMark(text, 5)) {
          return new Marked(null, null, text.substring(0, 4), text.substring(5));
        }
      }
      Matcher m = LINE.matcher(text);
      return m.matches() ? new Marked(m.group(1), m.group(2), m.group(3), m.group(4)) : null;
    }

    private static boolean startsWithMark(String text, int at) {
      for (String mark : MARKS) {
        if (text.startsWith(mark, at)) {
          return true;
        }
      }
      return false;
    }
  }
}
