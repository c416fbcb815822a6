package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
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
 * FileZilla Server's log, in both of its grammars. Version 0.9 writes a connection number, a date
 * and time in the Windows locale, the user (or {@code (not logged in)}) and the client address, and
 * then a command, a reply line or a status with the same {@code >}:
 *
 * <pre>
 * (000002)2025/11/6 15:58:48 - (not logged in) (127.0.0.1)&gt; 220 FileZilla Server 0.9.60 beta
 * (000002)2025/11/6 15:58:48 - (not logged in) (127.0.0.1)&gt; USER alice
 * </pre>
 *
 * <p>Version 1.x writes an optional UTC time, a tag ({@code >>} command, {@code <<} reply, or the
 * long forms {@code Command:} and {@code Reply:}) and the module, which for the control connection
 * is {@code FTP Session <id> <address>[ <user>]}:
 *
 * <pre>
 * 2025-08-25T00:15:15.084Z &gt;&gt; [FTP Session 6 192.168.1.133 ftpu] RETR notes.txt
 * 2025-08-25T00:15:15.088Z &lt;&lt; [FTP Session 6 192.168.1.133 ftpu] 150 Starting data transfer.
 * </pre>
 *
 * <p>Sessions are told apart by the connection number (0.9) or the session id (1.x). A session
 * whose first dialogue line is not the 220 greeting starts mid-session. In 0.9 a line is a reply
 * when it starts with a reply code or continues an open multi-line reply, a status when it is one
 * of the server's status texts, a command when it starts with a verb, and a problem otherwise.
 * Dates of 0.9 follow the server's locale: a year first is read as year/month/day, a first part
 * over 12 as day/month/year, and other dates as month/day/year unless the file has shown
 * day/month/year before; dotted dates are always day.month.year. The messages 0.9 writes about the
 * server itself, with no connection and no date, and other modules' lines of 1.x (authenticator,
 * administration) are skipped. A start of the server (0.9's {@code FileZilla Server version ...
 * started}, 1.x's {@code ===== ... new logging started =====}) ends every session open before it.
 */
public final class FileZillaServerLog implements TranscriptFormat {

  private static final Phrase FORMAT = FormatName.of("filezilla-server");

  private static final Pattern NEW_SESSION =
      LinePatterns.compile("^FTP Session (\\d+) (\\S+)(?: .*)?$");

  /**
   * The line 1.x's file logger writes when it opens the log at the server's start, with no module
   * and in the short or long tag of a status: {@code == ===== FileZilla Server 1.9.4 new logging
   * started =====} ({@code file::set_options} in {@code src/filezilla/logger/file.cpp}; a file
   * rotated while the server runs starts with no such line).
   */
  private static final Pattern NEW_LOGGING_STARTED =
      LinePatterns.compile(
          "^(?:\\d{4}-\\d\\d-\\d\\dT\\S+Z )?(?:==|Status:) ===== .+ new logging started =====$");

  private static final Set<String> DIALOGUE_TAGS = Set.of(">>", "<<", "Command:", "Reply:");

  /**
   * Whether a message of 0.9 is a reply line: a code of three digits, alone or before a space or -.
   */
  private static boolean isReply(String message) {
    return message.length() >= 3
        && LineChars.isDigit(message.charAt(0))
        && LineChars.isDigit(message.charAt(1))
        && LineChars.isDigit(message.charAt(2))
        && (message.length() == 3 || message.charAt(3) == ' ' || message.charAt(3) == '-');
  }

  /** How the status 0.9 writes when a connection opens starts, with or without its port. */
  private static final String CONNECTED = "Connected";

  /**
   * The status messages 0.9 writes about a connection, each after the same {@code >} as commands
   * and replies, as their starts (besides {@link #CONNECTED}): in 0.9.54, {@code CServerThread}
   * writes {@code Connected on port N, sending welcome message...} (or without the port), {@code
   * Failed to attach socket.}, {@code Can't get remote IP, disconnected} and {@code Refusing
   * connection, server too busy!}; {@code CControlSocket} writes {@code disconnected.}, {@code
   * could not send reply, disconnected.}, {@code Failed to convert reply to UTF-8}, {@code Could
   * not get peer name} and {@code Refusing connection. Reason: ...} (its {@code SendStatus} calls
   * of types 0 and 1). The versions with TLS also write {@code TLS warning: ...} about the control
   * connection, {@code TLS connection for data connection established} and {@code TLS info: ...}
   * about a data connection and {@code Failed to load TLS libraries} and the like ({@code
   * CControlSocket::OnLayerCallback}, {@code CTransferSocket::OnLayerCallback}); older ones said
   * {@code SSL} where these say {@code TLS}. These tell nothing of the dialogue and are skipped, as
   * the other statuses are, and counted as skipped lines: every connection has some, so a note of
   * them would be on every input. No other status starts with a word a command could start with: a
   * line of no verb, reply or status is a problem, not skipped.
   */
  private static final List<String> OLD_STATUSES =
      List.of(
          "disconnected.",
          "could not send reply, disconnected.",
          "Refusing connection",
          "Could not ",
          "Can't get remote IP",
          "Failed to ",
          "TLS connection",
          "TLS warning: ",
          "TLS info: ",
          "SSL connection",
          "SSL warning: ",
          "SSL info: ");

  /**
   * The statuses of 0.9 that say the control connection closed ({@code CControlSocket::Close} after
   * the client went or a reply could not be sent, {@code CServerThread} when the client's address
   * could not be read): the session ends there, so it is reported and forgotten at once, and a
   * later connection under the same number and address is a session of its own.
   */
  private static final List<String> OLD_CLOSED =
      List.of(
          "disconnected.",
          "could not send reply, disconnected.",
          "Can't get remote IP, disconnected");

  /**
   * The status 0.9 writes when the TLS handshake of the control connection is done ({@code
   * SSL_INFO_ESTABLISHED}), in the words of the versions with TLS and of the older ones. After an
   * AUTH answered 234 it is the handshake AUTH began, which the state already knows; with no AUTH,
   * the connection came in on a port of implicit FTPS (990), where the server starts TLS before it
   * greets ({@code CControlSocket::InitImplicitSsl}) and logs the handshake's end after the
   * greeting it queued: the session is TLS from its start, as if AUTH had been answered 234. The
   * server logs the dialogue in clear either way, so nothing after it is hidden.
   */
  private static final Set<String> TLS_ESTABLISHED =
      Set.of("TLS connection established", "SSL connection established");

  /**
   * The messages 0.9 writes about the server itself, with no connection and no date before them
   * ({@code CServer::ShowStatus} and {@code CFileLogger::Log} in {@code Server.cpp}, {@code
   * ListenSocket.cpp}), as their starts; one naming the version ends in {@code started}.
   */
  private static final List<String> SERVER_MESSAGES =
      List.of(
          "Initializing Server.",
          "Server online",
          "Server offline",
          "Server not online",
          "Creating listen socket on port ",
          "Failed to bind the listen socket on port ",
          "Failed to create a listen socket",
          "Failed to create listen socket for admin interface",
          "Closing all listening sockets",
          "Listen socket port changed",
          "No listen ports set in settings",
          "Number of threads increased to ",
          "Decreasing number of threads to ",
          "You appear to be behind a NAT router",
          "Failure in CListenSocket::OnAccept",
          "If you use a firewall");

  /** What a session of 0.9 showed before its TLS handshake was logged, if anything. */
  private enum BeforeHandshake {
    /** Commands, the last of them not an AUTH answered 234. */
    COMMANDS,
    /** An AUTH answered 234, which began the handshake. */
    AUTH_ACCEPTED
  }

  /**
   * Whether a message of 0.9 is a command as the client sent it: a verb of three or four ASCII
   * letters, alone or before a space.
   */
  private static boolean isOldCommand(String message) {
    int letters = 0;
    while (letters < message.length()
        && letters <= 4
        && (LineChars.isUpper(message.charAt(letters))
            || LineChars.isLower(message.charAt(letters)))) {
      letters++;
    }
    return letters >= 3
        && letters <= 4
        && (message.length() == letters || message.charAt(letters) == ' ');
  }

  @Override
  public String name() {
    return "filezilla-server";
  }

  @Override
  public int recognise(List<String> head) {
    boolean any =
        head.stream()
            .anyMatch(
                l -> {
                  if (FileZillaServerOldLine.read(l) != null) {
                    return true;
                  }
                  FileZillaServerNewLine line = FileZillaServerNewLine.read(l);
                  return line != null && line.module().startsWith("FTP Session ");
                });
    return any ? 95 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private final Map<String, LineDialogue> sessions = new RecentSessions<>();
      // how far each session of 0.9 has come towards its TLS handshake; none before a command
      private final Map<String, BeforeHandshake> beforeHandshake = new RecentSessions<>();
      private boolean dayFirst;

      @Override
      public LineUse line(long number, String text) {
        if (text.isBlank()) {
          return LineUse.SKIPPED;
        }
        FileZillaServerOldLine old = FileZillaServerOldLine.read(text);
        if (old != null) {
          String session = "connection " + old.connection() + " " + old.host();
          String time = time(old);
          if (time == null) {
            time = sink.unreadableTime(new Source(source, number), FORMAT, writtenTime(text));
          }
          return oldMessage(number, session, time, old.message(), text);
        }
        FileZillaServerNewLine m = FileZillaServerNewLine.read(text);
        if (m == null) {
          if (NEW_LOGGING_STARTED.matcher(text).matches() || isStartMessage(text)) {
            return restarted(number);
          }
          return isServerMessage(text)
              ? LineUse.SKIPPED // the server's own messages, about no connection
              : sink.strayLine(source, number, FORMAT, text);
        }
        Matcher module = NEW_SESSION.matcher(m.module());
        boolean dialogue = DIALOGUE_TAGS.contains(m.tag());
        if (!module.matches() && (dialogue || m.module().startsWith("FTP Session "))) {
          // only FTP sessions log commands and replies, each under its id and the client's address
          return sink.unreadableLine(
              TranscriptSink.SINGLE,
              new Source(source, number),
              FORMAT,
              LineFault.missing("FTP Session ID ADDRESS"),
              text);
        } else if (!module.matches()) {
          return LineUse.SKIPPED; // other modules: authenticator, administration
        }
        String session = "session " + module.group(1) + " " + module.group(2);
        String time = m.time() == null ? "" : LogTime.iso(m.time());
        if (time == null) {
          time = sink.unreadableTime(new Source(source, number), FORMAT, m.time());
        }
        return switch (m.tag()) {
          case ">>", "Command:" ->
              dialogue(number, time, session, false).command(number, time, m.message());
          case "<<", "Reply:" ->
              reply(number, time, session, m.message().startsWith("220"), m.message());
          default -> LineUse.SKIPPED; // status, warnings and debug lines
        };
      }

      private LineUse oldMessage(
          long number, String session, String time, String message, String text) {
        LineDialogue known = sessions.get(session);
        if (message.startsWith(CONNECTED)) {
          // the server numbers its connections from 1 each time it starts, so a connection under
          // the id and address of a session still open is the first after a restart: that session
          // is over, whatever its record shows after the restart
          if (known != null) {
            sessions.remove(session).close(number);
          }
          beforeHandshake.remove(session);
          return LineUse.SKIPPED;
        }
        if (OLD_CLOSED.contains(message)) {
          if (known != null) {
            sessions.remove(session).close(number);
          }
          beforeHandshake.remove(session);
          return LineUse.SKIPPED; // a status, counted as the others are
        }
        boolean reply = isReply(message);
        if (reply || (known != null && known.replyOpen())) {
          if (reply && message.startsWith("234")) {
            beforeHandshake.put(session, BeforeHandshake.AUTH_ACCEPTED);
          }
          return reply(number, time, session, reply && message.startsWith("220"), message);
        } else if (TLS_ESTABLISHED.contains(message)) {
          return tlsEstablished(number, time, session);
        } else if (OLD_STATUSES.stream().anyMatch(message::startsWith)) {
          return LineUse.SKIPPED; // the server's status messages
        } else if (isOldCommand(message)) {
          beforeHandshake.put(session, BeforeHandshake.COMMANDS);
          return dialogue(number, time, session, false).command(number, time, message);
        }
        // read as a command, a line of no verb would wait for a reply and take the next one
        return sink.unreadableLine(
            known == null ? TranscriptSink.SINGLE : session,
            new Source(source, number).at(time),
            FORMAT,
            LineFault.noDialogueNorStatus(),
            text);
      }

      /**
       * The TLS handshake of a session's control connection is done ({@link #TLS_ESTABLISHED}):
       * before any command, the connection is implicit FTPS; after an AUTH answered 234, or after
       * other commands, it tells nothing the dialogue does not.
       */
      private LineUse tlsEstablished(long number, String time, String session) {
        if (beforeHandshake.remove(session) != null) {
          return LineUse.DIALOGUE;
        }
        return dialogue(number, time, session, false)
            .note(number, time, NoteKind.TLS_FROM_CONNECT, Phrase.of("note.detail.implicitTls"));
      }

      /** A reply line of a session; a session that said goodbye with it is forgotten at once. */
      private LineUse reply(
          long number, String time, String session, boolean greeting, String text) {
        LineDialogue dialogue = dialogue(number, time, session, greeting);
        LineUse use = dialogue.replyLine(number, time, text);
        if (dialogue.ended()) {
          sessions.remove(session, dialogue);
          beforeHandshake.remove(session);
        }
        return use;
      }

      /** The dialogue of a session; a session that does not open with its greeting is marked. */
      private LineDialogue dialogue(long number, String time, String session, boolean greeting) {
        return sessions.computeIfAbsent(
            session,
            s -> {
              if (!greeting) {
                sink.event(
                    s,
                    new Note(
                        new Source(source, number).at(time),
                        NoteKind.START_MISSING,
                        Phrase.of("note.detail.afterGreeting")));
              }
              return new LineDialogue(source, s, sink).endingAtGoodbye();
            });
      }

      /**
       * The server started (again): the sessions open before it are over, as the process that
       * served them is gone, and their records break off here. Both versions number sessions from 1
       * again after a start, so without this a session id used again continued an old session.
       */
      private LineUse restarted(long number) {
        sessions.values().forEach(d -> d.close(number));
        sessions.clear();
        beforeHandshake.clear();
        return LineUse.SKIPPED;
      }

      /** Whether the line is the message 0.9 writes when it starts, naming its version. */
      private static boolean isStartMessage(String line) {
        return line.startsWith("FileZilla Server ") && line.endsWith(" started");
      }

      /** Whether the line is one of the messages 0.9 writes about the server itself. */
      private static boolean isServerMessage(String line) {
        return SERVER_MESSAGES.stream().anyMatch(line::startsWith);
      }

      /** The date and time of a 0.9 line as it writes them, for a problem that quotes them. */
      private static String writtenTime(String line) {
        int start = line.indexOf(')') + 1;
        int end = line.indexOf(" - ", start);
        return line.substring(start, end < 0 ? line.length() : end).strip();
      }

      /**
       * The ISO 8601 time of a 0.9 line, read in the order its locale writes dates; {@code null}
       * when it is no time (month 13, day 32).
       */
      private String time(FileZillaServerOldLine line) {
        // lines of one second write the same date and time: read once. The order of day and month
        // only turns to day first on a line of another date, which is read afresh
        String text = line.text;
        int start = line.dateStart;
        int end = line.timeEnd;
        if (lastWritten != null
            && end - start == lastEnd - lastStart
            && text.regionMatches(start, lastWritten, lastStart, end - start)) {
          return lastTime;
        }
        String time = readTime(line);
        lastWritten = text;
        lastStart = start;
        lastEnd = end;
        lastTime = time;
        return time;
      }

      /** The line whose date and time {@link #lastTime} is, and where they stand in it. */
      private String lastWritten;

      private int lastStart;
      private int lastEnd;
      private String lastTime;

      private String readTime(FileZillaServerOldLine line) {
        int first = Integer.parseInt(line.first());
        int second = Integer.parseInt(line.second());
        int third = Integer.parseInt(line.third());
        int year;
        int month;
        int day;
        if (line.first().length() == 4) {
          year = first;
          month = second;
          day = third;
        } else {
          dayFirst |= first > 12 || line.separator() == '.';
          boolean dayIsFirst = dayFirst && second <= 12;
          year = third;
          month = dayIsFirst ? second : first;
          day = dayIsFirst ? first : second;
        }
        int hour = Integer.parseInt(line.hour());
        String half = line.half();
        if (half != null && hour <= 12) {
          hour = hour % 12 + (half.equals("PM") ? 12 : 0);
        }
        // built by hand, not with String.format: this runs for every line of a 0.9 log
        StringBuilder out = new StringBuilder(19);
        padded(out, year, 4).append('-');
        padded(out, month, 2).append('-');
        padded(out, day, 2).append('T');
        padded(out, hour, 2).append(':').append(line.minutesAndSeconds());
        return LogTime.iso(out.toString());
      }

      /** Appends the number, not negative, with zeros before it to at least the width. */
      private static StringBuilder padded(StringBuilder out, int number, int width) {
        String digits = Integer.toString(number);
        for (int i = digits.length(); i < width; i++) {
          out.append('0');
        }
        return out.append(digits);
      }

      @Override
      public void end(long lastLine) {
        sessions.values().forEach(d -> d.end(lastLine));
      }
    };
  }
}
