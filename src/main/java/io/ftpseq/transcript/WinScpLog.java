package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern LINE =
      LinePatterns.compile(
          "^([<>.!*]) (\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) "
              + "(?:\\[([^\\]]+)\\] )?(.*)$");

  @Override
  public String name() {
    return "winscp";
  }

  @Override
  public int recognise(List<String> head) {
    int matches = 0;
    for (String line : head) {
      if (LINE.matcher(line).matches()) {
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
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
          return sink.strayLine(source, number, FormatName.of("winscp"), text);
        }
        String time = m.group(2) + "T" + m.group(3);
        String session = m.group(4) == null ? TranscriptSink.SINGLE : m.group(4);
        return switch (m.group(1)) {
          case ">" -> dialogue(session).command(number, time, m.group(5));
          case "<" -> dialogue(session).replyLine(number, time, m.group(5));
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
