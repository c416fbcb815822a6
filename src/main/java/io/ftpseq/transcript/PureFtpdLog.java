package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure-FTPd's syslog lines: {@code (user@host) [LEVEL] text}. With {@code -d} each command is
 * logged as {@code [DEBUG] Command [cmd] [arg]} (lower-cased, the password as {@code <*>}); with
 * {@code -d -d} each reply line too, every line carrying its code.
 *
 * <pre>
 * Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [INFO] New connection from 127.0.0.1
 * Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [DEBUG] Command [user] [alice]
 * Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [DEBUG] 331 User alice OK. Password required
 * </pre>
 *
 * <p>Sessions are told apart by client host, and by pid when Pure-FTPd logs it ({@code -1}); two
 * sessions from one host without pids cannot be told apart. A session whose "New connection" line
 * (in any language Pure-FTPd is built in) is not in the log is marked as starting mid-session, and
 * so is one with commands but no replies (logged without {@code -d -d}) at its first command. A
 * session ends at its 221 or 421 reply, or where replies are not logged at its {@code Logout.} line
 * (in any language).
 */
public final class PureFtpdLog implements TranscriptFormat {

  /**
   * The word before a command in each language Pure-FTPd is built in ({@code MSG_DEBUG_COMMAND} of
   * its {@code messages_*.h}): {@code Command}, {@code Befehl}, {@code Commande}... Those of Czech,
   * Korean, Russian and Chinese are in the legacy encodings of those files, so they are here as
   * their bytes read as Latin-1, as a line that is not UTF-8 is read.
   */
  static final List<String> COMMAND_WORD_LIST =
      List.of(
          "Command",
          "Befehl",
          "Comanda",
          "Comando",
          "Commande",
          "Commando",
          "Komand",
          "Komenda",
          "Kommando",
          "Komut",
          "Parancs",
          "Prikaz",
          "P\u00f8\u00edkaz",
          "\u00b8\u00ed\u00b7\u00c9\u00be\u00ee",
          "\u00eb\u00cf\u00cd\u00c1\u00ce\u00c4\u00c1",
          "\u00c3\u00fc\u00c1\u00ee",
          "\u00a9R\u00a5O");

  private static final Set<String> COMMAND_WORD_SET = Set.copyOf(COMMAND_WORD_LIST);

  private static final String COMMAND_WORDS = String.join("|", COMMAND_WORD_LIST);

  /**
   * The line of a new connection in each language Pure-FTPd is built in ({@code MSG_NEW_CONNECTION}
   * of its {@code messages_*.h}, {@code %s} the client's host), its French "funny" one too. Those
   * whose files are not UTF-8 are here as their bytes read as Latin-1, as {@link #COMMAND_WORDS}.
   */
  static final List<String> CONNECTION_MESSAGES =
      List.of(
          "Nov\u00e9 spojen\u00ed z %s",
          "Ny forbindelse fra %s",
          "Neue Verbindung von %s.",
          "New connection from %s",
          "Nueva conexi\u00f3n desde %s",
          "Nouvelle connexion de %s",
          "%s ramene son cul",
          "\u00daj kapcsolat a k\u00f6vetkezo c\u00edmrol: %s",
          "Nuova connessione da %s",
          "%s \u00ba\u00ce\u00c5\u00cd \u00bb\u00f5\u00b7\u00ce\u00bf\u00ee \u00bf\u00ac\u00b0\u00e1",
          "Nieuwe verbinding vanaf %s",
          "Ny tilkobling fra %s",
          "Nowe po\u00b3\u00b1czenie z %s",
          "Nova conex\u00e3o a partir de %s",
          "Conexiune noua de la %s",
          "\u00ee\u00cf\u00d7\u00cf\u00c5 \u00d3\u00cf\u00c5\u00c4\u00c9\u00ce\u00c5\u00ce\u00c9\u00c5 \u00d3 %s",
          "Nove spojenie z %s",
          "Lidhje e re nga %s",
          "Nyanslutning fr\u00e5n %s",
          "%s den yeni ba\u00f0lant\u00fd",
          "\u00d7\u00d4 %s \u00b5\u00c4\u00d0\u00c2\u00c1\u00ac\u00bd\u00d3",
          "\u00a6\u00db %s \u00aa\u00ba\u00b7s\u00b3s\u00bdu");

  /** A connection message as the text before the host and the text after it. */
  private record AroundHost(String before, String after) {
    static AroundHost of(String message) {
      int host = message.indexOf("%s");
      return new AroundHost(message.substring(0, host), message.substring(host + 2));
    }
  }

  private static final List<AroundHost> CONNECTION_PARTS =
      CONNECTION_MESSAGES.stream().map(AroundHost::of).toList();

  /**
   * Whether a message is the line of a new connection in one of the languages: the message's text
   * around a host that is one or more characters other than white space, as the pattern {@code
   * (?:BEFORE\S+AFTER|...)} of the messages matches the whole message.
   */
  static boolean isConnection(String message) {
    int end = message.length();
    for (AroundHost parts : CONNECTION_PARTS) {
      String before = parts.before();
      String after = parts.after();
      int host = before.length();
      int hostEnd = end - after.length();
      if (hostEnd > host
          && message.startsWith(before)
          && message.startsWith(after, hostEnd)
          && !hasSpace(message, host, hostEnd)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSpace(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (LineChars.isSpace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A command record: the command word in one of the languages, the command and its argument in
   * brackets, {@code Command [user] [alice]}.
   *
   * @param command what the first brackets hold, never a {@code ]}
   * @param argument what the second brackets hold, empty when the command has none
   */
  record CommandRecord(String command, String argument) {

    /**
     * The command record a message is, or {@code null}: read as the pattern {@code (?:WORDS)
     * \[([^\]]*)\] \[(.*)\]} matches the whole message with {@link LinePatterns}, whose {@code .}
     * matches all but a line feed.
     */
    static CommandRecord read(String message) {
      int word = message.indexOf(" [");
      if (word < 0 || !COMMAND_WORD_SET.contains(message.substring(0, word))) {
        return null; // no word holds " [": the first one ends the word
      }
      int command = word + 2;
      int commandEnd = message.indexOf(']', command);
      if (commandEnd < 0 || !message.startsWith(" [", commandEnd + 1)) {
        return null;
      }
      int argument = commandEnd + 3;
      int end = message.length();
      if (end <= argument || message.charAt(end - 1) != ']') {
        return null;
      }
      String text = message.substring(argument, end - 1);
      return text.indexOf('\n') >= 0
          ? null
          : new CommandRecord(message.substring(command, commandEnd), text);
    }
  }

  /** A debug record of the command record's shape, whatever its first word. */
  private static final Pattern COMMAND_SHAPED =
      LinePatterns.compile("^(\\S+) \\[[^\\]]*\\] \\[.*\\]$");

  private static final Pattern CUT_COMMAND = LinePatterns.compile("^(?:" + COMMAND_WORDS + ")");

  private static final Phrase FORMAT = FormatName.of("pure-ftpd");

  /**
   * What Pure-FTPd logs at info level when the client quits ({@code MSG_LOGOUT} of its {@code
   * messages_*.h}, in {@code doquit}), before it sends its 221: the last line of a session whose
   * replies are not logged, in each language Pure-FTPd is built in. Those whose files are not UTF-8
   * are here as their bytes read as Latin-1, as {@link #COMMAND_WORDS}.
   */
  private static final Set<String> LOGOUTS =
      Set.of(
          "Logout.",
          "Fin de sesi\u00f3n.",
          "Deloggue.",
          "Cassos.",
          "Kijelentkez\u00e9s.",
          "\u00b7\u00ce\u00b1\u00d7\u00be\u00c6\u00bf\u00f4.",
          "Logg ut.",
          "Wylogowywanie.",
          "Fim de sess\u00e3o.",
          "Iesire.",
          "\u00ef\u00d4\u00d3\u00cf\u00c5\u00c4\u00c9\u00ce\u00c5\u00ce\u00c9\u00c5.",
          "Logout/Dalje.",
          "\u00c7\u00fdk\u00fd\u00fe.",
          "\u00b5\u00c7\u00b3\u00f6.",
          "\u00b5n\u00a5X.");

  /**
   * Why a debug record that is neither a command nor a reply line cannot be read, or {@code null}
   * for one of Pure-FTPd's own: {@code -d} logs commands and {@code -d -d} reply lines at debug
   * level, so a record of their shape that is neither is one cut short or mistyped.
   */
  private static LineFault debugFault(String message) {
    Matcher shaped = COMMAND_SHAPED.matcher(message);
    if (shaped.matches()) {
      return LineFault.unknownKind(shaped.group(1));
    } else if (CUT_COMMAND.matcher(message).lookingAt()
        || (!message.isEmpty() && Character.isDigit(message.charAt(0)))) {
      return LineFault.cutShort();
    }
    return null;
  }

  /** The reply line without the carriage return of a line end the server wrote into it. */
  private static String withoutFinalCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  @Override
  public String name() {
    return "pure-ftpd";
  }

  @Override
  public int recognise(List<String> head) {
    return head.stream().anyMatch(l -> PureFtpdLine.read(l) != null) ? 95 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private final Map<String, LineDialogue> sessions = new RecentSessions<>();
      private final Map<String, Integer> connections = new RecentSessions<>();
      // the escapes of the syslog daemon, read back once the input has shown them
      private final SyslogEscapes escapes = new SyslogEscapes();
      private final LogTime.LastSyslogTime times = new LogTime.LastSyslogTime();

      // the last line of the log read, which syslog may say was logged again
      private String previous;
      // whether reply lines are logged (-d -d): each session's greeting comes before its logout
      private boolean repliesLogged;

      @Override
      public LineUse line(long number, String text) {
        if (text.isBlank() || text.startsWith("#")) {
          return LineUse.SKIPPED;
        }
        PureFtpdLine m = PureFtpdLine.read(text);
        if (m == null) {
          return syslogs(number, text);
        }
        previous = text;
        String session = m.host() + (m.pid() == null ? "" : " pid " + m.pid());
        String time = times.of(text);
        if (time == null) {
          time = sink.unreadableTime(new Source(source, number), FORMAT, LogTime.syslogStamp(text));
        }
        // Pure-FTPd logs only through syslog, which escapes the control characters it wrote
        String message = escapes.read(m.message());
        if (message.startsWith("New connection from ")
            || (m.level().equals("INFO") && isConnection(message))) {
          // Without pids, a host's connections follow one another: each is a session of its own.
          int connection = connections.merge(session, 1, Integer::sum);
          String name = connection == 1 ? session : session + " connection " + connection;
          LineDialogue old =
              sessions.put(session, new LineDialogue(source, name, sink).endingAtGoodbye());
          if (old != null) {
            old.close(number);
          }
          return LineUse.DIALOGUE;
        }
        LineDialogue dialogue = sessions.get(session);
        if (m.level().equals("INFO") && LOGOUTS.contains(message)) {
          // logged before the goodbye is sent: where replies are logged, the 221 ends the session
          if (dialogue != null && !repliesLogged) {
            sessions.remove(session).close(number);
          }
          return LineUse.SKIPPED;
        }
        if (dialogue == null) {
          dialogue = new LineDialogue(source, session, sink).endingAtGoodbye();
          sessions.put(session, dialogue);
          sink.event(
              session,
              new Note(
                  new Source(source, number).at(time),
                  NoteKind.START_MISSING,
                  Phrase.of("note.detail.noNewConnection")));
        }
        boolean debug = m.level().equals("DEBUG");
        // a reply line starts with a digit, which no command word does: tried first, as it is the
        // cheaper test
        if (debug && ReplyAssembler.looksLikeReply(message)) {
          repliesLogged = true;
          // a line of text with CR LF in it (FEAT's) keeps the CR before the line end
          LineUse use = dialogue.replyLine(number, time, withoutFinalCr(message));
          if (dialogue.ended()) {
            sessions.remove(session, dialogue); // said goodbye: forgotten at once
          }
          return use;
        }
        CommandRecord command = debug ? CommandRecord.read(message) : null;
        if (command != null) {
          String arg = command.argument();
          return dialogue.command(
              number, time, arg.isEmpty() ? command.command() : command.command() + " " + arg);
        }
        LineFault fault = debug ? debugFault(message) : null;
        if (fault != null) {
          return sink.unreadableLine(
              dialogue.session(), new Source(source, number).at(time), FORMAT, fault, text);
        }
        return LineUse.SKIPPED; // Pure-FTPd's own messages: logins, transfers, timeouts
      }

      /** A line of the syslog daemon's, or a stray one. */
      private LineUse syslogs(long number, String text) {
        int repeats = SyslogDaemonLines.repeats(text);
        if (repeats > 0 && previous != null) {
          LineUse use = LineUse.SKIPPED;
          for (int i = 0; i < repeats; i++) {
            use = line(number, previous);
          }
          return use;
        }
        if (SyslogDaemonLines.isDaemons(text)) {
          return LineUse.SKIPPED;
        }
        String other = SyslogDaemonLines.otherProgram(text, "pure-ftpd");
        return other != null
            ? sink.otherProgram(other)
            : sink.strayLine(source, number, FORMAT, text);
      }

      @Override
      public void end(long lastLine) {
        sessions.values().forEach(d -> d.end(lastLine));
      }
    };
  }
}
