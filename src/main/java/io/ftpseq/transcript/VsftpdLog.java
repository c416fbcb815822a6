package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.Source;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vsftpd's own log ({@code vsftpd_log_file}) with {@code log_ftp_protocol=YES}: one line per
 * command and per reply line, after a date and the process id, and the client's address.
 *
 * <pre>
 * Mon Nov 23 06:40:23 2026 [pid 17062] FTP command: Client "127.0.0.1", "USER ftpuser"
 * Mon Nov 23 06:40:23 2026 [pid 17062] [ftpuser] FTP response: Client "127.0.0.1", "331 Please specify the password."
 * Mon Nov 23 06:40:23 2026 [pid 17061] [ftpuser] OK LOGIN: Client "127.0.0.1"
 * Mon Nov 23 06:40:23 2026 [pid 17063] [ftpuser] FTP response: Client "127.0.0.1", "230 Login successful."
 * </pre>
 *
 * <p>A {@code CONNECT} line starts a session, named by client address and pid. vsftpd changes
 * process at login (the privileged parent logs {@code OK LOGIN}, a new child logs the rest), so a
 * pid not seen before belongs to the latest session of the same client address; two sessions of one
 * address logging in at the same moment cannot be told apart. A pid of a client with no session
 * open (the log began after its CONNECT, or its session ended) starts one marked as starting
 * mid-session. Without {@code log_ftp_protocol} the log has no commands: such a session is marked
 * as not showing its dialogue. Lines starting with {@code #} are comments.
 */
public final class VsftpdLog implements TranscriptFormat {

  private static final Phrase FORMAT = FormatName.of("vsftpd");

  /**
   * What vsftpd's lines record ({@code logging.c}): a line of its shape recording anything else was
   * not written by vsftpd as it stands, so it is reported, not skipped.
   */
  private static final Set<String> KINDS =
      Set.of(
          "CONNECT",
          "FTP command",
          "FTP response",
          "LOGIN",
          "DOWNLOAD",
          "UPLOAD",
          "MKDIR",
          "DELETE",
          "RENAME",
          "RMDIR",
          "CHMOD",
          "DEBUG");

  /** The kinds whose line ends with the command or reply line in double quotes. */
  private static final Set<String> DIALOGUE = Set.of("FTP command", "FTP response");

  /** A syslog line vsftpd wrote that is not about the dialogue. */
  /** What every line of the log's kinds holds, and none of vsftpd's other syslog messages. */
  private static final String CLIENT_FIELD = ": Client \"";

  private static final Pattern HEX_BYTE = LinePatterns.compile("\\\\x([0-9A-F]{2})");

  private static final Pattern OWN_MESSAGE =
      LinePatterns.compile("\\bvsftpd(?:\\(pam_unix\\))?(?:\\[\\d+\\])?: ");

  /**
   * The text of a line of vsftpd's own file with the bytes Red Hat's vsftpd writes as {@code \xHH}
   * (every byte it finds unprintable: CR, LF, each byte of a UTF-8 or Latin-1 file name) read back,
   * as UTF-8 where they are UTF-8 and as Latin-1 where not; a printable one ({@code \x41}) is four
   * characters the client sent. Upstream vsftpd writes {@code ?} instead, which cannot be read
   * back.
   */
  private static String unhexed(String text) {
    if (!text.contains("\\x")) {
      return text;
    }
    Matcher m = HEX_BYTE.matcher(text);
    StringBuilder read = new StringBuilder(text.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int from = 0;
    while (m.find()) {
      int written = Integer.parseInt(m.group(1), 16);
      if (written >= 0x20 && written < 0x7f) {
        continue; // a byte vsftpd prints as it is: the client sent these four characters
      }
      if (m.start() != from) {
        read.append(decoded(bytes.toByteArray()));
        bytes.reset();
        read.append(text, from, m.start());
      }
      bytes.write(written);
      from = m.end();
    }
    read.append(decoded(bytes.toByteArray()));
    return read.append(text, from, text.length()).toString();
  }

  /** The bytes as UTF-8 text when they are that, else as Latin-1, as input lines are read. */
  private static String decoded(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public String name() {
    return "vsftpd";
  }

  @Override
  public int recognise(List<String> head) {
    for (String line : head) {
      if (VsftpdLine.of(line) != null) {
        return 95;
      }
    }
    return 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser.ReadAhead<Read>() {
      private final Map<String, Session> byPid = new RecentSessions<>();
      private final Map<String, Session> latestByClient = new RecentSessions<>();
      private final Map<String, Session> byName = new RecentSessions<>();
      // the escapes of the syslog daemon, read back once the input has shown them
      private final SyslogEscapes escapes = new SyslogEscapes();
      // read ahead: the time of the last date read, which the lines of one second share
      private final LastTime ctimes = new LastTime(LogTime::ctime);
      private final LogTime.LastSyslogTime syslogTimes = new LogTime.LastSyslogTime();
      // the last line of the log read, which syslog may say was logged again
      private String previousText;
      private Parsed previous;

      @Override
      public Read ahead(String text) {
        if (text.isBlank() || text.startsWith("#")) {
          return SKIPPED;
        }
        VsftpdLine parts = VsftpdLine.of(text);
        if (parts == null) {
          // vsftpd's other syslog messages (PAM's authentication failures) are its own; a line
          // naming a client is one of the log's kinds it could not read, said as any stray line
          return OWN_MESSAGE.matcher(text).find() && !text.contains(CLIENT_FIELD) ? SKIPPED : STRAY;
        }
        String time = parts.ctime() != null ? ctimes.of(parts.ctime()) : syslogTimes.of(text);
        return new Parsed(parts, time, quoted(parts.rest()), fault(parts));
      }

      @Override
      public LineUse line(long number, String text, Read read) {
        if (read == STRAY) {
          return syslogs(number, text);
        }
        if (!(read instanceof Parsed line)) {
          return LineUse.SKIPPED;
        }
        previousText = text;
        previous = line;
        VsftpdLine parts = line.parts();
        String pid = parts.pid();
        String time = line.time();
        if (time == null) {
          time =
              sink.unreadableTime(
                  new Source(source, number),
                  FORMAT,
                  parts.ctime() != null ? parts.ctime() : LogTime.syslogStamp(text));
        }
        String what = parts.what();
        String client = parts.client();
        if (what.equals("CONNECT")) {
          open(pid, client);
          return LineUse.DIALOGUE;
        }
        LineFault fault = line.fault();
        if (fault != null) {
          Session known = byPid.get(pid); // a broken line opens no session
          return sink.unreadableLine(
              known == null ? TranscriptSink.SINGLE : known.dialogue.session(),
              new Source(source, number).at(time),
              FORMAT,
              fault,
              text);
        }
        Session session = sessionOf(pid, client, number, time);
        // through syslog, vsftpd writes the control characters as they are and syslog escapes them
        String payload =
            parts.ctime() == null ? escapes.read(line.payload()) : unhexed(line.payload());
        switch (what) {
          case "FTP command" -> {
            session.withDialogue = true;
            return session.dialogue.command(number, time, payload);
          }
          case "FTP response" -> {
            session.withDialogue = true;
            // vsftpd logs a raw continuation line with its CR LF turned into "??" in its own file
            // (as "\x0D\x0A" in Red Hat's), as they are through syslog, where one write may hold
            // several lines of a reply
            LineUse use;
            if (payload.endsWith("??")) {
              use =
                  session.dialogue.replyLine(
                      number, time, payload.substring(0, payload.length() - 2));
            } else if (payload.indexOf('\n') < 0) {
              use = session.dialogue.replyLine(number, time, payload); // nearly every line
            } else {
              use = LineUse.SKIPPED;
              for (String reply : payload.split("\r?\n", -1)) {
                if (!reply.isEmpty() || use == LineUse.SKIPPED) {
                  use = session.dialogue.replyLine(number, time, reply);
                }
              }
            }
            if (session.dialogue.ended()) {
              forget(session); // its 221 or 421: released now, not when 10,000 sessions later
            }
            return use;
          }
          case "LOGIN" -> {
            if (!session.withDialogue) {
              session.withDialogue = true;
              sink.event(
                  session.dialogue.session(),
                  new Note(
                      new Source(source, number).at(time),
                      NoteKind.START_MISSING,
                      Phrase.of("note.detail.vsftpdNoCommands")));
              return LineUse.DIALOGUE;
            }
            return LineUse.SKIPPED;
          }
          default -> {
            // transfers, renames and other results repeat what the replies say; KINDS lists them
            return LineUse.SKIPPED;
          }
        }
      }

      /** A line of the syslog daemon's, or a stray one. */
      private LineUse syslogs(long number, String text) {
        int repeats = SyslogDaemonLines.repeats(text);
        if (repeats > 0 && previous != null) {
          LineUse use = LineUse.SKIPPED;
          for (int i = 0; i < repeats; i++) {
            use = line(number, previousText, previous);
          }
          return use;
        }
        if (SyslogDaemonLines.isDaemons(text)) {
          return LineUse.SKIPPED;
        }
        String other = SyslogDaemonLines.otherProgram(text, "vsftpd");
        return other != null
            ? sink.otherProgram(other)
            : sink.strayLine(source, number, FORMAT, text);
      }

      /** Starts the session of a pid's connection; one of the same name still open is closed. */
      private Session open(String pid, String client) {
        String name = client + " pid " + pid;
        Session session =
            new Session(new LineDialogue(source, name, sink).endingAtGoodbye(), name, client);
        Session old = byName.put(name, session);
        if (old != null) {
          old.dialogue.close(0);
          forget(old);
        }
        latestByClient.put(client, session);
        byPid.put(pid, session);
        session.pids.add(pid);
        return session;
      }

      /** Forgets a session that ended: a line of its pid or client after it starts another. */
      private void forget(Session session) {
        byName.remove(session.name, session);
        latestByClient.remove(session.client, session);
        session.pids.forEach(pid -> byPid.remove(pid, session));
      }

      /**
       * The session of a pid; a new pid continues the latest session of its client, and one of a
       * client with none is a session whose start the log does not show.
       */
      private Session sessionOf(String pid, String client, long number, String time) {
        Session known = byPid.get(pid);
        if (known != null) {
          return known;
        }
        Session latest = latestByClient.get(client);
        if (latest == null) {
          // no CONNECT line: the log began after it, or the pid's session ended before this line
          Session session = open(pid, client);
          session.dialogue.note(
              number, time, NoteKind.START_MISSING, Phrase.of("note.detail.noConnect"));
          return session;
        }
        byPid.put(pid, latest);
        latest.pids.add(pid);
        return latest;
      }

      @Override
      public void end(long lastLine) {
        byName.values().forEach(s -> s.dialogue.end(lastLine));
      }
    };
  }

  /**
   * What one line of the log shows by itself, read ahead of the sessions: {@link #SKIPPED}, {@link
   * #STRAY} or a line {@link Parsed}.
   */
  private sealed interface Read permits Marker, Parsed {}

  /** A line with nothing to read. */
  private record Marker(String what) implements Read {}

  /** A blank line, a comment or a message of vsftpd's own. */
  private static final Read SKIPPED = new Marker("skipped");

  /** A line that is not vsftpd's. */
  private static final Read STRAY = new Marker("stray");

  /**
   * A line of vsftpd's log.
   *
   * @param time its time as ISO 8601, empty when it gives none, {@code null} when it cannot be read
   * @param payload the text between its first and last double quote
   * @param fault why the line cannot be read, or {@code null} when it can
   */
  private record Parsed(VsftpdLine parts, String time, String payload, LineFault fault)
      implements Read {}

  /**
   * Why a line of vsftpd's shape cannot be read, or {@code null}: it records a kind vsftpd does not
   * write, or it is a command or reply line without its text in double quotes, whole.
   */
  private static LineFault fault(VsftpdLine parts) {
    if (!KINDS.contains(parts.what())) {
      return LineFault.unknownKind(parts.what());
    } else if (!DIALOGUE.contains(parts.what())) {
      return null;
    }
    // a line that stops after the client's address, or inside the quoted text, was cut
    String rest = parts.rest();
    return rest != null && rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")
        ? null
        : LineFault.cutShort();
  }

  /**
   * One session: its dialogue, and whether the log showed any of it (commands and replies, or the
   * note that it shows none).
   */
  private static final class Session {
    final LineDialogue dialogue;
    final String name;
    final String client;
    final List<String> pids = new ArrayList<>(2); // before login and after
    boolean withDialogue;

    Session(LineDialogue dialogue, String name, String client) {
      this.dialogue = dialogue;
      this.name = name;
      this.client = client;
    }
  }

  /** The text between the first and the last double quote. */
  private static String quoted(String rest) {
    if (rest == null) {
      return "";
    }
    int first = rest.indexOf('"');
    int last = rest.lastIndexOf('"');
    return first >= 0 && last > first ? rest.substring(first + 1, last) : rest;
  }
}
