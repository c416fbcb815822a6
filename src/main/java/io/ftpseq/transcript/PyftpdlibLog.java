package io.ftpseq.transcript;

import static io.ftpseq.transcript.LineChars.digits;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.Source;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pyftpdlib's log, in the shapes it is found in. Its own formatter (what {@code python -m
 * pyftpdlib} and any server started without a logging configuration write) puts the level's initial
 * and the local time first; Python's default logging format puts the level and the logger name
 * instead:
 *
 * <pre>
 * [D 2026-11-28 15:03:44] 127.0.0.1:47324-[alice] &lt;- RNTO x
 * [D 2026-11-28 15:03:44] 127.0.0.1:47324-[alice] -&gt; 503 Bad sequence of commands: use RNFR first.
 * DEBUG:pyftpdlib:127.0.0.1:45426-[] &lt;- USER alice
 * </pre>
 *
 * <p>At debug level every command ({@code <-}) and reply ({@code ->}) is logged; of a multi-line
 * reply only the last line, which is all a check needs. At info level, the default, the log has one
 * line per file command with its final reply ({@code RNTO /srv/x 503 'Bad sequence of commands: use
 * RNFR first.'}, the path being the server's own) and one per transfer, but no login, no mode
 * command and no listing: such a session is read command by command, each after a note that lines
 * are missing, so nothing is claimed about the order of what the log leaves out. A transfer line
 * ({@code RETR /srv/a.txt completed=1 bytes=6 seconds=0.002}) is a transfer that ended with 226, or
 * 426 when it did not complete. The info lines that repeat a debug session's dialogue, the server's
 * start-up lines and pyftpdlib's {@code [debug]} calls are skipped.
 *
 * <p>Sessions are told apart by the client's address and port; "FTP session opened" starts one, so
 * the session is checked from its start even where commands are missing later, and "FTP session
 * closed" ends one.
 */
public final class PyftpdlibLog implements TranscriptFormat {

  /**
   * A line in pyftpdlib's own format, {@code [I 2026-11-28 21:00:37] message}: its level's letter,
   * date, time and message. Read by hand, as the pattern {@code ^\[([DIWEC]) (\d{4}-\d\d-\d\d)
   * (\d\d:\d\d:\d\d)\] (.*)$} reads it: every line of the log is one.
   */
  record OwnLine(char level, String date, String time, String message) {

    /** The line taken apart, or {@code null} when it is not of this format. */
    static OwnLine read(String text) {
      if (!LineChars.fits(text, 0, "[? 0000-00-00 00:00:00] ")
          || "DIWEC".indexOf(text.charAt(1)) < 0) {
        return null;
      }
      return new OwnLine(
          text.charAt(1), text.substring(3, 13), text.substring(14, 22), text.substring(24));
    }
  }

  private static final Pattern PYTHON =
      LinePatterns.compile("^(DEBUG|INFO|WARNING|ERROR|CRITICAL):pyftpdlib:(.*)$");
  private static final Pattern OTHER_LOGGER =
      LinePatterns.compile("^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[\\w.]+:.*$");

  /**
   * A session's message, {@code 127.0.0.1:54972-[probe] <- PWD}: the client's address and port, the
   * user and what was said. Read by hand, as the pattern {@code ^(\S+:\d+)-\[([^\]]*)\] (.*)$}
   * reads it: the client is the longest text without white space that ends in {@code :port}
   * followed by {@code -[user] }.
   */
  record SessionMessage(String client, String said) {

    /** The message taken apart, or {@code null} when it is no session's. */
    static SessionMessage read(String message) {
      int word = 0;
      while (word < message.length() && !LineChars.isSpace(message.charAt(word))) {
        word++;
      }
      // the tries go from right to left: the first ] after each is found by looking only at
      // what lies between it and the last try, so that a word of many ":port-[" is one pass
      int scannedFrom = message.length();
      int close = -1;
      for (int colon = message.lastIndexOf(':', word - 1);
          colon >= 1;
          colon = message.lastIndexOf(':', colon - 1)) {
        int port = digits(message, colon + 1, 1, Integer.MAX_VALUE - 1);
        if (port < 0 || !message.startsWith("-[", port)) {
          continue;
        }
        for (int at = Math.min(scannedFrom, message.length()) - 1; at >= port + 2; at--) {
          if (message.charAt(at) == ']') {
            close = at;
          }
        }
        scannedFrom = Math.min(scannedFrom, port + 2);
        if (close >= 0 && message.startsWith("] ", close)) {
          return new SessionMessage(message.substring(0, port), message.substring(close + 2));
        }
      }
      return null;
    }
  }

  private static final Pattern FILE_COMMAND =
      LinePatterns.compile("^([A-Z]{3,4}(?: [A-Z]+)?)(?: (.*?))? ([1-5]\\d\\d)(?: '(.*)')?$");

  /** The start of a line of a session, its client's address and port: the rest may be cut. */
  private static final Pattern SESSION_START = LinePatterns.compile("^\\S+:\\d+-\\[");

  /**
   * An info-level record of a command's shape (a file command or a transfer: a verb in capitals and
   * a space) or of a login ({@code USER 'alice'}): one that reads as neither was cut short.
   */
  private static final Pattern RECORD_SHAPED =
      LinePatterns.compile("^(?:[A-Z]{3,4}(?: [A-Z]+)? |USER ')");

  /** pyftpdlib's notices of a login: {@code USER 'alice' logged in.}, {@code ... failed login.} */
  private static final Pattern LOGIN = LinePatterns.compile("^USER '.*' [a-z ]+\\.$");

  private static final Phrase FORMAT = FormatName.of("pyftpdlib");
  private static final Pattern TRANSFER =
      LinePatterns.compile("^([A-Z]{3,4}) (.*) completed=([01]) bytes=\\d+ seconds=[\\d.]+$");

  @Override
  public String name() {
    return "pyftpdlib";
  }

  @Override
  public int recognise(List<String> head) {
    for (String line : head) {
      String message = message(line);
      if ((message != null && SessionMessage.read(message) != null)
          || line.contains(">>> starting FTP server on")) {
        return 95;
      }
    }
    return 0;
  }

  /** The message of a line of either shape, or null when it has neither. */
  private static String message(String line) {
    OwnLine own = OwnLine.read(line);
    if (own != null) {
      return own.message();
    }
    Matcher python = PYTHON.matcher(line);
    return python.matches() ? python.group(2) : null;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private final Map<String, Session> sessions = new RecentSessions<>();

      @Override
      public LineUse line(long number, String text) {
        if (text.isBlank() || text.startsWith("    ")) {
          return LineUse.SKIPPED; // a record's further lines: a traceback
        }
        OwnLine own = OwnLine.read(text);
        String time = "";
        String message;
        boolean debug;
        if (own != null) {
          time = own.date() + "T" + own.time();
          message = own.message();
          debug = own.level() == 'D';
        } else {
          Matcher python = PYTHON.matcher(text);
          if (!python.matches()) {
            return OTHER_LOGGER.matcher(text).matches()
                ? LineUse.SKIPPED // another logger of the same program
                : sink.strayLine(source, number, FORMAT, text);
          }
          message = python.group(2);
          debug = python.group(1).equals("DEBUG");
        }
        SessionMessage session = SessionMessage.read(message);
        if (session == null) {
          return SESSION_START.matcher(message).lookingAt()
              ? sink.unreadableLine(
                  TranscriptSink.SINGLE,
                  new Source(source, number).at(time),
                  FORMAT,
                  LineFault.cutShort(),
                  text)
              : LineUse.SKIPPED; // start-up lines, [debug] calls
        }
        String said = session.said();
        if (debug && !said.startsWith("<- ") && !said.startsWith("-> ")) {
          // at debug level a session logs only commands and replies: this one is cut or mistyped
          Session known = sessions.get(session.client());
          return sink.unreadableLine(
              known != null ? known.dialogue.session() : TranscriptSink.SINGLE,
              new Source(source, number).at(time),
              FORMAT,
              LineFault.unknownKind(said.split(" ", 2)[0]),
              text);
        }
        return sessionLine(number, time, session.client(), said, text);
      }

      private LineUse sessionLine(
          long number, String time, String client, String message, String text) {
        Session known = sessions.get(client);
        if (message.startsWith("<- ") || message.startsWith("-> ")) {
          Session s = known != null ? known : open(client, number, true);
          s.debug = true;
          return message.startsWith("<- ")
              ? s.dialogue.command(number, time, message.substring(3))
              : s.dialogue.replyLine(number, time, message.substring(3));
        } else if (message.startsWith("FTP session opened")) {
          if (known != null) {
            // the client's port is used again: the session that had it is over
            known.dialogue.close(number);
          }
          Session opened = new Session(new LineDialogue(source, client, sink));
          sessions.put(client, opened);
          // the log shows the start: what comes before the first line it logs is the greeting
          return opened.dialogue.note(number, time, NoteKind.CONNECTED, "FTP session opened");
        } else if (message.startsWith("FTP session closed")) {
          if (known != null) {
            known.dialogue.close(number);
            sessions.remove(client);
          }
          return LineUse.SKIPPED;
        } else if (known != null && known.debug) {
          return LineUse.SKIPPED; // an info line repeating the debug dialogue
        }
        return infoLine(
            number, time, known != null ? known : open(client, number, false), message, text);
      }

      /**
       * An info-level line: a file command or a transfer with its reply; a login or another notice
       * is skipped, and a line of their shapes that reads as none of them was cut.
       */
      private LineUse infoLine(long number, String time, Session s, String message, String text) {
        Matcher transfer = TRANSFER.matcher(message);
        Matcher file = FILE_COMMAND.matcher(message);
        String command;
        String reply;
        if (transfer.matches()) {
          command = transfer.group(1) + " " + transfer.group(2);
          reply = transfer.group(3).equals("1") ? "226 Transfer complete." : "426 Not completed.";
        } else if (file.matches()) {
          command = file.group(2) == null ? file.group(1) : file.group(1) + " " + file.group(2);
          reply = file.group(3) + (file.group(4) == null ? "" : " " + file.group(4));
        } else if (RECORD_SHAPED.matcher(message).lookingAt()
            && !LOGIN.matcher(message).matches()) {
          return s.dialogue.unreadableLine(number, time, FORMAT, LineFault.cutShort(), text);
        } else {
          return LineUse.SKIPPED; // logins, failed logins and other notices
        }
        s.dialogue.note(
            number, time, NoteKind.UNLOGGED_COMMANDS, Phrase.of("note.detail.pyftpdlibInfo"));
        s.dialogue.command(number, time, command);
        return s.dialogue.replyLine(number, time, reply);
      }

      /** A session first seen mid-way: the log began after it connected. */
      private Session open(String client, long number, boolean debug) {
        Session s = new Session(new LineDialogue(source, client, sink));
        s.debug = debug;
        sessions.put(client, s);
        s.dialogue.note(number, NoteKind.START_MISSING, Phrase.of("note.detail.afterConnection"));
        return s;
      }

      @Override
      public void end(long lastLine) {
        sessions.values().forEach(s -> s.dialogue.end(lastLine));
      }
    };
  }

  /** What the reader keeps per client: its dialogue and whether its commands are logged. */
  private static final class Session {
    final LineDialogue dialogue;
    boolean debug;

    Session(LineDialogue dialogue) {
      this.dialogue = dialogue;
    }
  }
}
