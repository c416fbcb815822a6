package io.ftpseq.transcript;

import static io.ftpseq.transcript.LineChars.digits;
import static io.ftpseq.transcript.LineChars.isAt;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FileZilla client's message log, in both shapes it takes: the log file ("Log to file" in the
 * settings), each line after a local date and time, the process id and the engine (connection) id;
 * and the message log copied from the window, {@code Prefix:} and a tab, after a time and a tab
 * when timestamps are shown.
 *
 * <pre>
 * 2026-11-22 10:00:00 12345 1 Command: USER anonymous
 * 2026-11-22 10:00:00 12345 1 Response: 331 Please specify the password.
 * 10:00:00	Command:	PASS **********
 * </pre>
 *
 * <p>{@code Command:} lines are sent, {@code Response:} lines are reply lines, one per line of a
 * multi-line reply; {@code Status:}, {@code Error:}, {@code Trace:} and {@code Listing:} lines are
 * FileZilla's own. The German prefixes ({@code Befehl:}, {@code Antwort:}) are read too. FileZilla
 * masks {@code PASS} with one {@code *} per character. In the log file each pid and engine id is a
 * session of its own; a "Connecting to" status starts a new connection, and a status or error that
 * says the connection closed ends its session there. The copied window log has no ids, so each
 * "Connecting to" (or line after a close) starts the next session, "connection N", and a copy that
 * begins later starts mid-session. A connection with implicit FTPS says its TLS handshake is done
 * before the welcome message: the session is TLS from its start.
 */
public final class FileZillaLog implements TranscriptFormat {

  /**
   * A line of the log file taken apart: {@code 2026-11-22 10:00:00 12345 1 Command: USER x}, its
   * date, time, pid, engine id, prefix and message. Read by hand, not with the pattern {@code
   * ^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) (\d+) (\d+) ([A-Z][a-z]+): ?(.*)$}, which took most of the
   * time of the thread every line passes through; exactly the lines it matched.
   */
  record FileLine(
      String date, String time, String pid, String engine, String prefix, String message) {

    /** The line taken apart, or {@code null} when it is not one of the log file's. */
    static FileLine read(String text) {
      if (!LineChars.fits(text, 0, "0000-00-00 00:00:00 ")) {
        return null;
      }
      int pidEnd = digits(text, 20, 1, Integer.MAX_VALUE - 1);
      if (!isAt(text, pidEnd, ' ')) {
        return null;
      }
      int engineEnd = digits(text, pidEnd + 1, 1, Integer.MAX_VALUE - 1);
      if (!isAt(text, engineEnd, ' ') || engineEnd + 1 == text.length()) {
        return null;
      }
      int prefix = engineEnd + 1;
      int prefixEnd = prefix + 1;
      if (!LineChars.isUpper(text.charAt(prefix))) {
        return null;
      }
      while (prefixEnd < text.length() && LineChars.isLower(text.charAt(prefixEnd))) {
        prefixEnd++;
      }
      if (prefixEnd == prefix + 1 || !isAt(text, prefixEnd, ':')) {
        return null;
      }
      int message = isAt(text, prefixEnd + 1, ' ') ? prefixEnd + 2 : prefixEnd + 1;
      return new FileLine(
          text.substring(0, 10),
          text.substring(11, 19),
          text.substring(20, pidEnd),
          text.substring(pidEnd + 1, engineEnd),
          text.substring(prefix, prefixEnd),
          text.substring(message));
    }
  }

  private static final Pattern WINDOW_LINE =
      LinePatterns.compile("^(?:(\\d\\d:\\d\\d:\\d\\d)\\t)?([A-Z][a-z]+):\\t(.*)$");
  private static final Map<String, String> PREFIXES =
      Map.of(
          "Command", "Command",
          "Befehl", "Command",
          "Response", "Response",
          "Antwort", "Response",
          "Status", "Status",
          "Error", "Other",
          "Fehler", "Other",
          "Trace", "Other",
          "Listing", "Other",
          "Verzeichnisinhalt", "Other");

  /**
   * How the engine says the control connection closed, as a status or an error: {@code Disconnected
   * from server} when it closes it, followed by {@code : } and the socket's error when the
   * connection broke ({@code CControlSocket::Disconnect}, {@code CRealControlSocket::OnSocketError}
   * and {@code OnSend}), or {@code Connection closed by server} in older versions; in English and
   * in German, the languages whose prefixes are read ({@code locales/de.po}). The session ends
   * there.
   */
  private static final List<String> CLOSED =
      List.of(
          "Disconnected from server",
          "Connection closed by server",
          "Verbindung zum Server getrennt",
          "Verbindung vom Server geschlossen");

  /**
   * The status of a connection with implicit FTPS (the server's port 990), logged after the TLS
   * handshake and before the welcome message ({@code CFtpControlSocket::OnConnect}); explicit FTPS
   * logs {@code TLS connection established.} after AUTH instead, which the dialogue shows.
   */
  private static final String IMPLICIT_TLS =
      "TLS connection established, waiting for welcome message";

  @Override
  public String name() {
    return "filezilla";
  }

  @Override
  public int recognise(List<String> head) {
    int matches = 0;
    for (String line : head) {
      FileLine file = FileLine.read(line);
      Matcher window = WINDOW_LINE.matcher(line);
      if ((file != null && PREFIXES.containsKey(file.prefix()))
          || (window.matches() && PREFIXES.containsKey(window.group(2)))) {
        matches++;
      }
    }
    return matches >= 2 ? 95 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private final Map<String, LineDialogue> sessions = new HashMap<>();
      private final Map<String, Integer> connections = new HashMap<>();
      // the ids whose connection closed, until a line of theirs starts the next
      private final Set<String> closedIds = new HashSet<>();

      @Override
      public LineUse line(long number, String text) {
        if (text.isBlank()) {
          return LineUse.SKIPPED;
        }
        FileLine file = FileLine.read(text);
        Matcher window = file == null ? WINDOW_LINE.matcher(text) : null;
        String key;
        String time;
        String prefix;
        String message;
        if (file != null) {
          key = "pid " + file.pid() + " engine " + file.engine();
          time = file.date() + "T" + file.time();
          prefix = file.prefix();
          message = file.message();
        } else if (window.matches()) {
          key = "";
          time = window.group(1) == null ? "" : window.group(1);
          prefix = window.group(2);
          message = window.group(3);
        } else {
          return sink.strayLine(source, number, FormatName.of("filezilla"), text);
        }
        return switch (PREFIXES.getOrDefault(prefix, "")) {
          case "Command" -> dialogue(key).command(number, time, message);
          case "Response" -> dialogue(key).replyLine(number, time, message);
          case "Status" -> {
            if (message.startsWith("Connecting to ")) {
              connect(key, number);
              yield LineUse.DIALOGUE;
            } else if (message.startsWith(IMPLICIT_TLS)) {
              yield dialogue(key)
                  .note(
                      number,
                      time,
                      NoteKind.TLS_FROM_CONNECT,
                      Phrase.of("note.detail.implicitTlsClient"));
            }
            yield closed(key, number, message);
          }
          case "Other" ->
              prefix.equals("Error") || prefix.equals("Fehler")
                  ? closed(key, number, message)
                  : LineUse.SKIPPED; // FileZilla's own messages, not the dialogue
          default -> sink.strayLine(source, number, FormatName.of("filezilla"), text);
        };
      }

      private void connect(String key, long number) {
        LineDialogue old = sessions.remove(key);
        if (old != null) {
          old.close(number);
          // the lines before the first "Connecting to" were a connection too
          connections.putIfAbsent(key, 1);
        }
        closedIds.remove(key);
        connections.merge(key, 1, Integer::sum);
        dialogue(key);
      }

      /**
       * A status or error of the engine: when it says the connection closed ({@link #CLOSED}), the
       * session ends here, and a line of the same ids after it is the next connection's.
       */
      private LineUse closed(String key, long number, String message) {
        if (CLOSED.stream().noneMatch(message::startsWith)) {
          return LineUse.SKIPPED;
        }
        LineDialogue old = sessions.remove(key);
        if (old != null) {
          old.close(number);
          connections.putIfAbsent(key, 1);
          closedIds.add(key);
        }
        return LineUse.SKIPPED;
      }

      private LineDialogue dialogue(String key) {
        return sessions.computeIfAbsent(
            key,
            k -> {
              if (closedIds.remove(k)) { // a line after the close, with no "Connecting to" first
                connections.merge(k, 1, Integer::sum);
              }
              return new LineDialogue(source, name(k), sink);
            });
      }

      /** The session's name: its ids, and which connection of them when there were several. */
      private String name(String key) {
        int count = connections.getOrDefault(key, 0);
        if (key.isEmpty()) {
          return count == 0 ? TranscriptSink.SINGLE : "connection " + count;
        }
        return count <= 1 ? key : key + " connection " + count;
      }

      @Override
      public void end(long lastLine) {
        sessions.values().forEach(d -> d.end(lastLine));
      }
    };
  }
}
