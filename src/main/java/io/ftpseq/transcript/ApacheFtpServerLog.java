package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache FtpServer's own log: the {@code RECEIVED:} and {@code SENT:} records of its {@code
 * FtpLoggingFilter}, in whatever layout the application's SLF4J backend gives them, for example
 * Log4j's {@code [%5p] %d [%X{session}] [%X{userName}] [%X{remoteIp}:%X{remotePort}] %c - %m%n}:
 *
 * <pre>
 * [ INFO] 2026-11-28 15:33:04,734 [8d15...] [alice] [127.0.0.1:47818] ...FtpLoggingFilter - RECEIVED: PASS *****
 * </pre>
 *
 * <p>A reply record ends in the reply's own line break, so a blank line follows it; a multi-line
 * reply's further lines follow on lines of their own, with no layout, up to its closing line.
 * Sessions are told apart by the session id the layout shows (a UUID), else by the client's address
 * and port, else by its address alone (which a note says); a {@code CLOSED} record or a 221 or 421
 * reply ends one. The date and time a layout writes before a record are kept with it. Other records
 * (logins, file notices, {@code OPENED}, {@code EXCEPTION :} and the stack trace after it) are
 * skipped.
 */
public final class ApacheFtpServerLog implements TranscriptFormat {

  private static final Pattern RECORD =
      LinePatterns.compile("^(.*?)\\b(RECEIVED|SENT): (.*?)\\r?$");
  private static final Pattern UUID =
      LinePatterns.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
  private static final Pattern ADDRESS_PORT =
      LinePatterns.compile(
          "\\b\\d{1,3}(?:\\.\\d{1,3}){3}:\\d{1,5}\\b|\\[[0-9a-fA-F:.]+\\]:\\d{1,5}");
  private static final Pattern ADDRESS =
      LinePatterns.compile("\\[(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)\\]");
  private static final Pattern RECEIVED_COMMAND = LinePatterns.compile("[A-Za-z]{3,4}\\b.*");
  private static final Pattern SENT_REPLY = LinePatterns.compile("[1-6]\\d\\d(?:[ -].*)?");
  private static final Pattern ENDS_WITH_PORT = LinePatterns.compile(".*:\\d+");
  private static final Pattern CLOSED = LinePatterns.compile("\\bCLOSED\\r?$");

  /**
   * A word in capitals before a colon, as FtpLoggingFilter marks the records that carry text
   * ({@code RECEIVED: }, {@code SENT: }, {@code EXCEPTION :}): one it does not write marks a record
   * mistyped or cut.
   */
  private static final Pattern MARKED = LinePatterns.compile("(?<![\\w\\[])([A-Z][A-Z_]{3,}): ");

  /** The capital words before a colon that are no mistyped record: levels, as layouts show them. */
  private static final Set<String> UNMARKED =
      Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL");

  private static final Phrase FORMAT = FormatName.of("apache-ftpserver");

  /**
   * A date and time as layouts write them ({@code %d} of Log4j and Logback: {@code 2026-11-28
   * 15:33:04,734}; ISO 8601 with a {@code T}, a zone or an offset), or a time of day alone with its
   * seconds ({@code %d{ABSOLUTE}}, {@code %d{HH:mm:ss.SSS}}: {@code 15:33:04,734}).
   */
  private static final Pattern TIME =
      LinePatterns.compile(
          "\\b(\\d{4}-\\d\\d-\\d\\d)[ T](\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d{1,9})?)?)"
              + "(Z|[+-]\\d\\d(?::?\\d\\d)?)?(?![\\d:.,])"
              + "|(?<![\\d:.,-])\\b(\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?)(?![\\d:.,])");

  /**
   * A line of the stack trace a layout writes after a record that carries a throwable (MINA's
   * {@code EXCEPTION :}): the throwable, its frames, its causes and the frames left out.
   */
  private static final Pattern STACK_TRACE =
      LinePatterns.compile(
          "^(?:\\s+at \\S.*|\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)"
              + "|\\s*(?:Caused by|Suppressed): .*|(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error|Throwable)"
              + "[\\w$]*(?:: .*)?)\\s*$");

  /** What marks a line as a record of some logger: a level, a time of day, Apache's packages. */
  private static final Pattern OTHER_RECORD =
      LinePatterns.compile(
          "\\b(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\b|\\d\\d:\\d\\d:\\d\\d|org\\.apache\\.");

  @Override
  public String name() {
    return "apache-ftpserver";
  }

  @Override
  public int recognise(List<String> head) {
    for (String line : head) {
      Matcher m = RECORD.matcher(line);
      if (m.matches()
          && (m.group(2).equals("RECEIVED")
              ? RECEIVED_COMMAND.matcher(m.group(3)).matches()
              : SENT_REPLY.matcher(m.group(3)).matches())) {
        return 90;
      }
    }
    return 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private final Map<String, LineDialogue> sessions = new RecentSessions<>();
      private LineDialogue replying; // the session whose multi-line reply is open
      private boolean afterOtherRecord; // a stack trace may follow: the last record was no dialogue

      @Override
      public LineUse line(long number, String text) {
        Exchanged m = Exchanged.of(text);
        if (m == null) {
          if (replying != null && replying.replyOpen()) {
            return replying.replyLine(number, text.stripTrailing());
          } else if (text.isBlank()) {
            return LineUse.SKIPPED; // the line break that ends every reply record
          }
          return other(number, text);
        }
        afterOtherRecord = false;
        String time = time(number, m.prefix());
        LineDialogue dialogue = dialogue(number, time, m.prefix());
        if (m.received()) {
          return dialogue.command(number, time, m.text());
        }
        replying = dialogue;
        return dialogue.replyLine(number, time, m.text());
      }

      /** The time of a record as ISO 8601: empty when its layout writes none. */
      private String time(long number, String prefix) {
        Matcher m = Search.TIME.in(prefix);
        if (m == null) {
          return "";
        }
        // a layout that writes only the time of day gives it as ISO 8601 does, after its T
        String time =
            m.group(1) == null
                ? LogTime.timeOfDay(m.group(4).replace(',', '.'))
                : LogTime.iso(
                    m.group(1)
                        + "T"
                        + m.group(2).replace(',', '.')
                        + (m.group(3) == null ? "" : m.group(3)));
        return time != null
            ? time
            : sink.unreadableTime(new Source(source, number), FORMAT, m.group());
      }

      /** A record of another kind: a CLOSED one ends its session; the others are skipped. */
      private LineUse other(long number, String text) {
        if (afterOtherRecord && STACK_TRACE.matcher(text).matches()) {
          return LineUse.SKIPPED; // part of the record before it, as the layout writes a throwable
        }
        afterOtherRecord = false;
        if (Search.CLOSED.in(text) != null) {
          String key = key(text);
          LineDialogue dialogue = key == null ? null : sessions.remove(key);
          if (dialogue != null) {
            dialogue.close(number);
          }
          return LineUse.SKIPPED;
        }
        Matcher marked = Search.MARKED.in(text);
        if (marked != null && !UNMARKED.contains(marked.group(1))) {
          return sink.unreadableLine(
              TranscriptSink.SINGLE,
              new Source(source, number),
              FORMAT,
              LineFault.unknownKind(marked.group(1)),
              text);
        } else if (Search.OTHER_RECORD.in(text) != null) {
          afterOtherRecord = true;
          return LineUse.SKIPPED; // OPENED, logins, file notices, other loggers
        }
        return sink.strayLine(source, number, FORMAT, text);
      }

      private LineDialogue dialogue(long number, String time, String prefix) {
        String key = key(prefix);
        String session = key == null ? TranscriptSink.SINGLE : key;
        return sessions.computeIfAbsent(
            session,
            s -> {
              LineDialogue d = new LineDialogue(source, s, sink).endingAtGoodbye();
              if (key != null
                  && !UUID.matcher(key).matches()
                  && !ENDS_WITH_PORT.matcher(key).matches()) {
                d.note(
                    number, time, NoteKind.GROUPED_BY_CLIENT, Phrase.of("note.detail.noSessionId"));
              }
              return d;
            });
      }

      @Override
      public void end(long lastLine) {
        sessions.values().forEach(d -> d.end(lastLine));
      }
    };
  }

  /**
   * A record of a command received or a reply line sent, as {@link #RECORD} reads it.
   *
   * @param prefix what comes before the direction word: level, time, session id, client
   * @param received whether the line is a command received, not a reply line sent
   * @param text the command or reply line
   */
  private record Exchanged(String prefix, boolean received, String text) {

    private static final String RECEIVED = "RECEIVED: ";
    private static final String SENT = "SENT: ";

    /**
     * The record on the line, or null if it holds none. A line of printable ASCII, as the layouts
     * write, is read by looking for the direction word; only other lines go to {@link #RECORD},
     * whose word boundaries and line terminators then need Unicode's rules. The look gives what the
     * pattern gives: the first direction word standing at a word boundary.
     */
    static Exchanged of(String line) {
      if (!printableAscii(line)) {
        Matcher m = RECORD.matcher(line);
        return m.matches()
            ? new Exchanged(m.group(1), m.group(2).equals("RECEIVED"), m.group(3))
            : null;
      }
      int received = first(line, RECEIVED);
      int sent = first(line, SENT);
      if (received < 0 && sent < 0) {
        return null;
      }
      boolean isReceived = sent < 0 || (received >= 0 && received < sent);
      int at = isReceived ? received : sent;
      String word = isReceived ? RECEIVED : SENT;
      return new Exchanged(line.substring(0, at), isReceived, line.substring(at + word.length()));
    }

    /** Where the word first stands with no word character before it, or -1. */
    private static int first(String line, String word) {
      for (int at = line.indexOf(word); at >= 0; at = line.indexOf(word, at + 1)) {
        if (at == 0 || !isWordChar(line.charAt(at - 1))) {
          return at;
        }
      }
      return -1;
    }

    private static boolean isWordChar(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean printableAscii(String line) {
      for (int i = 0, n = line.length(); i < n; i++) {
        char c = line.charAt(i);
        if ((c < ' ' && c != '\t') || c > '~') {
          return false;
        }
      }
      return true;
    }
  }

  /** The session a record's prefix names: its session id, else client address and port. */
  private static String key(String prefix) {
    Matcher id = Search.UUID.in(prefix);
    if (id != null) {
      return id.group();
    }
    Matcher client = Search.ADDRESS_PORT.in(prefix);
    if (client != null) {
      return client.group();
    }
    Matcher address = Search.ADDRESS.in(prefix);
    return address != null ? address.group(1) : null;
  }

  /**
   * The patterns this reader looks for inside a line, each tried only where a match can start
   * ({@link CandidateStarts}): what {@code find()} finds, at a fraction of the cost, as a record's
   * head of level, time, session id and client is read on every line.
   */
  enum Search {
    UUID(ApacheFtpServerLog.UUID) {
      @Override
      boolean canStart(String text, int at) {
        return at + 36 <= text.length()
            && text.charAt(at + 8) == '-'
            && text.charAt(at + 13) == '-'
            && CandidateStarts.afterNonWord(text, at);
      }
    },
    ADDRESS_PORT(ApacheFtpServerLog.ADDRESS_PORT) {
      @Override
      boolean canStart(String text, int at) {
        return text.charAt(at) == '[' || digitAfterNonWord(text, at);
      }
    },
    ADDRESS(ApacheFtpServerLog.ADDRESS) {
      @Override
      boolean canStart(String text, int at) {
        return text.charAt(at) == '[';
      }
    },
    TIME(ApacheFtpServerLog.TIME) {
      @Override
      boolean canStart(String text, int at) {
        return digitAfterNonWord(text, at);
      }
    },
    CLOSED(ApacheFtpServerLog.CLOSED) {
      @Override
      boolean canStart(String text, int at) {
        int fromEnd = text.length() - at; // CLOSED, and a carriage return or not
        return (fromEnd == 6 || fromEnd == 7) && CandidateStarts.afterNonWord(text, at);
      }
    },
    MARKED(ApacheFtpServerLog.MARKED) {
      @Override
      boolean canStart(String text, int at) {
        char c = text.charAt(at);
        return c >= 'A'
            && c <= 'Z'
            && (at == 0 || text.charAt(at - 1) != '[')
            && CandidateStarts.afterNonWord(text, at);
      }

      @Override
      Matcher in(String text) {
        return text.contains(": ") ? super.in(text) : null;
      }
    },
    OTHER_RECORD(ApacheFtpServerLog.OTHER_RECORD) {
      @Override
      boolean canStart(String text, int at) {
        char c = text.charAt(at);
        return (c >= '0' && c <= '9')
            || c == 'o'
            || ("TDIWEF".indexOf(c) >= 0 && CandidateStarts.afterNonWord(text, at));
      }
    };

    final Pattern pattern;

    Search(Pattern pattern) {
      this.pattern = pattern;
    }

    /** Whether a match may start at {@code at}: true wherever one can. */
    abstract boolean canStart(String text, int at);

    /** The matcher over the first match in the text, as {@code find()} finds it, or null. */
    Matcher in(String text) {
      return CandidateStarts.find(pattern, text, at -> canStart(text, at));
    }
  }

  /** Whether a digit stands at {@code at} where a word boundary can stand before it. */
  private static boolean digitAfterNonWord(String text, int at) {
    char c = text.charAt(at);
    return c >= '0' && c <= '9' && CandidateStarts.afterNonWord(text, at);
  }
}
