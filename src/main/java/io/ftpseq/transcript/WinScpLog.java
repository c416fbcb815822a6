package io.ftpseq.transcript;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WinSCP's session log of an FTP session: each line starts with a mark and the local date and time
 * to the millisecond; {@code >} marks a command sent, {@code <} a reply line received, and {@code
 * .}, {@code !} and {@code *} WinSCP's own messages, warnings and errors.
 *
 * <pre>
 * . 2026-11-22 10:00:00.205 Connected with 127.0.0.1. Waiting for welcome message...
 * &lt; 2026-11-22 10:00:00.206 220 (vsFTPd 3.0.3)
 * &gt; 2026-11-22 10:00:00.206 USER anonymous
 * &gt; 2026-11-22 10:00:01.002 [Background 1] PASV
 * </pre>
 *
 * <p>Secondary connections (background and parallel transfers) write into the same log with their
 * name in brackets after the time; each name is a session of its own. WinSCP masks {@code PASS}
 * with one {@code *} per character unless told to log passwords. At the "Reduced" logging level the
 * dialogue after login is not logged, which the log does not say.
 */
public final class WinScpLog implements TranscriptFormat {

  /**
   * A line taken apart by hand, as the pattern {@code ^([<>.!*]) (\d{4}-\d\d-\d\d)
   * (\d\d:\d\d:\d\d\.\d{3}) (?:\[([^\]]+)\] )?(.*)$} reads it: every line of the log has this head,
   * so it is read a character at a time, and its parts are cut out only when asked for (WinSCP's
   * own messages, most of a log, need none).
   *
   * @param text the line
   * @param nameEnd where the connection's name in brackets ends, or -1 for the main connection
   */
  record Line(String text, int nameEnd) {

    private static final int HEAD = "> 2026-11-22 10:00:00.205 ".length();

    /** The line taken apart, or {@code null} when it is not of this format. */
    static Line read(String text) {
      if (!LineChars.fits(text, 0, "? 0000-00-00 00:00:00.000 ")
          || "<>.!*".indexOf(text.charAt(0)) < 0) {
        return null;
      }
      if (LineChars.isAt(text, HEAD, '[')) {
        int close = text.indexOf(']', HEAD + 1);
        if (close > HEAD + 1 && LineChars.isAt(text, close + 1, ' ')) {
          return new Line(text, close);
        }
      }
      return new Line(text, -1);
    }

    /** The mark: {@code >} a command, {@code <} a reply line, else WinSCP's own message. */
    char mark() {
      return text.charAt(0);
    }

    /** The date and time, {@code 2026-11-22T10:00:00.205}. */
    String time() {
      return text.substring(2, 12) + "T" + text.substring(13, HEAD - 1);
    }

    /** The connection's name in brackets ({@code Background 1}), {@code null} for the main one. */
    String connection() {
      return nameEnd < 0 ? null : text.substring(HEAD + 1, nameEnd);
    }

    /** What follows the head. */
    String said() {
      return text.substring(nameEnd < 0 ? HEAD : nameEnd + 2);
    }
  }

  @Override
  public String name() {
    return "winscp";
  }

  @Override
  public int recognise(List<String> head) {
    int matches = 0;
    for (String line : head) {
      if (Line.read(line) != null) {
        matches++;
      }
    }
    return matches >= 2 ? 95 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private final Map<String, LineDialogue> sessions = new LinkedHashMap<>();

      @Override
      public LineUse line(long number, String text) {
        if (text.isBlank()) {
          return LineUse.SKIPPED;
        }
        Line line = Line.read(text);
        if (line == null) {
          return sink.strayLine(source, number, FormatName.of("winscp"), text);
        }
        String session = line.connection() == null ? TranscriptSink.SINGLE : line.connection();
        return switch (line.mark()) {
          case '>' -> dialogue(session).command(number, line.time(), line.said());
          case '<' -> dialogue(session).replyLine(number, line.time(), line.said());
          default -> LineUse.SKIPPED; // WinSCP's own messages, warnings and errors
        };
      }

      private LineDialogue dialogue(String session) {
        return sessions.computeIfAbsent(session, s -> new LineDialogue(source, s, sink));
      }

      @Override
      public void end(long lastLine) {
        sessions.values().forEach(d -> d.end(lastLine));
      }
    };
  }
}
