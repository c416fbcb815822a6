package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ProFTPD's logs. The ExtendedLog in its default format has one line per command with its final
 * reply code, written after the reply:
 *
 * <pre>
 * 127.0.0.1 UNKNOWN - [22/Nov/2026:10:00:00 +0000] "USER anonymous" 331 -
 * 127.0.0.1 UNKNOWN ftp [22/Nov/2026:10:00:00 +0000] "PASS (hidden)" 230 -
 * </pre>
 *
 * <p>Sessions are told apart by client address (the default format has no pid). Only the final
 * reply code is logged, without its text. An ExtendedLog in another {@code LogFormat} is read
 * through that format ({@link ProftpdLogFormat}): the one given with {@code --log-format}, or the
 * first of the {@linkplain ProftpdLogFormat#COMMON common ones} that its lines match; a line the
 * format does not match is a problem. The SystemLog ({@code proftpd[pid] host (client[ip]): USER x:
 * Login successful.}) shows logins, not commands: each of its sessions is reported as showing no
 * dialogue, so nothing is claimed about it. A session ends at a 221 or 421, or at the line of the
 * {@code EXIT} class that an ExtendedLog with that class writes when the session's process exits
 * (its command {@code EXIT}, with no reply: {@link ProftpdExtendedLines#isExit}).
 *
 * <p>The TraceLog with the {@code command} channel at level 7 and {@code response} at level 1 shows
 * every command (once per module and phase it is dispatched to) and every reply line as sent:
 *
 * <pre>
 * 2026-11-23 08:45:53,430 [21308] &lt;command:7&gt;: dispatching PRE_CMD command 'USER proftest' to mod_core.c
 * 2026-11-23 08:45:53,430 [21308] &lt;response:1&gt;: 331 Password required for proftest
 * </pre>
 *
 * <p>Its sessions are told apart by pid (ProFTPD forks one process per session). A command is taken
 * from its first {@code PRE_CMD} or {@code CMD} dispatch; its later dispatches, to other modules or
 * in later phases, are repeats until a reply has been sent. The response channel's other messages
 * (a reply added to the list to send, at level 7) and the other trace channels say nothing the
 * lines read do not, and are skipped. A session ends at a 221 or 421 sent, or where its process
 * exits: mod_log then dispatches the {@code EXIT} command at the {@code LOG_CMD} phase alone
 * ({@code dispatching LOG_CMD command 'EXIT' to mod_log.c}), which a command sent never is.
 */
public final class ProftpdLog implements TranscriptFormat {

  private static final Pattern TRACE =
      LinePatterns.compile(
          "^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d),(\\d{3}) \\[(\\d+)\\]"
              + " (?:\\(([^)]*)\\) )?<(\\w+):(\\d+)>: (.*?)\\r?$");

  /**
   * The level at which the response channel traces each reply line as it is sent ({@code
   * src/response.c}); its other levels say what is added to the list of replies to send, or not
   * sent, and the lines sent follow at this level.
   */
  private static final String SENT_LEVEL = "1";

  /** What the response channel traces at {@link #SENT_LEVEL} before a line sent asynchronously. */
  private static final String ASYNC = "async: ";

  /** What the response channel traces at {@link #SENT_LEVEL} about a reply it did not send. */
  private static final String NOT_SENT = "no response pool set, ignoring added ";

  private static final Pattern DISPATCH =
      LinePatterns.compile("^dispatching (PRE_CMD|CMD) command '(.*)' to \\S+$");

  /** A dispatch of any phase, as {@code src/main.c} traces it. */
  private static final Pattern ANY_DISPATCH =
      LinePatterns.compile("^dispatching (\\S+) command '.*' to \\S+$");

  /** mod_log's dispatch, when the session's process exits, of the command it logs the exit as. */
  private static final String EXIT_DISPATCH = "dispatching LOG_CMD command 'EXIT' to ";

  private static final Set<String> PHASES =
      Set.of("PRE_CMD", "CMD", "POST_CMD", "POST_CMD_ERR", "LOG_CMD", "LOG_CMD_ERR");

  /** A syslog line of ProFTPD's from its name on, as {@link ProgramLines#match} finds it. */
  private static final Pattern SYSTEM =
      LinePatterns.compile("\\bproftpd\\[(\\d+)\\]:? \\S+ \\(([^)\\[]*)\\[([^\\]]*)\\]\\).*$");

  /**
   * How the SystemLog's last line of a session ends, written when the session's process exits:
   * {@code proftpd[4321] host (client[10.0.0.5]): FTP session closed.}, or with {@code -} for
   * {@code :} in syslog.
   */
  private static final String SESSION_CLOSED = " FTP session closed.";

  private static final Phrase TRACE_FORMAT = FormatName.of("proftpd.trace");

  private final ProftpdLogFormat given;

  /** Whether the line has a TraceLog line's separators where {@link #TRACE} needs them. */
  private static boolean mayBeTrace(String line) {
    return line.length() > 24
        && line.charAt(10) == ' '
        && line.charAt(19) == ','
        && line.charAt(23) == ' '
        && line.charAt(24) == '[';
  }

  /** Reads the default ExtendedLog format and the common LogFormats, found by their lines. */
  public ProftpdLog() {
    this(null);
  }

  /**
   * Reads ExtendedLog lines in the given LogFormat (TraceLog and SystemLog lines as usual).
   *
   * @param given the LogFormat, or null to find it from the lines
   */
  public ProftpdLog(ProftpdLogFormat given) {
    this.given = given;
  }

  @Override
  public String name() {
    return "proftpd";
  }

  @Override
  public int recognise(List<String> head) {
    boolean any =
        head.stream()
            .anyMatch(
                l ->
                    ProftpdLine.ExtendedFields.read(l) != null
                        || ProgramLines.match(SYSTEM, "proftpd", l) != null
                        || extendedThroughSyslog(l)
                        || TRACE.matcher(l).matches()
                        || ProftpdLine.Reader.formatOf(given, l) != null);
    return any ? 90 : 0;
  }

  /** Whether the line is one of an ExtendedLog in the default format sent to syslog. */
  private static boolean extendedThroughSyslog(String line) {
    String message = ProftpdLine.Reader.throughSyslog(line);
    return message != null && ProftpdLine.ExtendedFields.read(message) != null;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    ProftpdExtendedLines formatted = new ProftpdExtendedLines(source, sink);
    ProftpdLine.Reader reader = new ProftpdLine.Reader(given);
    return new TranscriptParser.ReadAhead<ProftpdLine>() {
      private final Map<String, Boolean> started = new RecentSessions<>();
      private final Map<String, LineDialogue> traced = new RecentSessions<>();
      private final Map<String, Boolean> replied = new RecentSessions<>();
      private final Map<String, String> lastCommand = new RecentSessions<>();
      // the last line of the log read, which syslog may say was logged again
      private String previousText;
      private ProftpdLine previous;

      @Override
      public ProftpdLine ahead(String text) {
        return reader.read(text);
      }

      @Override
      public LineUse line(long number, String text, ProftpdLine read) {
        int repeats = read instanceof ProftpdLine.Other ? SyslogDaemonLines.repeats(text) : 0;
        if (repeats > 0 && previous != null) {
          LineUse use = LineUse.SKIPPED;
          for (int i = 0; i < repeats; i++) {
            use = line(number, previousText, previous);
          }
          return use;
        } else if (read != ProftpdLine.SKIPPED) {
          previousText = text;
          previous = read;
        }
        if (read instanceof ProftpdLine.Formatted line) {
          return formatted.line(number, line.row(), text);
        } else if (read instanceof ProftpdLine.Extended line) {
          String time = line.time();
          if (time == null) {
            time =
                sink.unreadableTime(
                    new Source(source, number), FormatName.of("proftpd"), line.writtenTime());
          }
          return extended(new Source(source, number).at(time), line, text);
        } else if (read instanceof ProftpdLine.Other other) {
          return other(number, text, other.format());
        }
        return LineUse.SKIPPED;
      }

      /** A TraceLog or SystemLog line, or a stray one. */
      private LineUse other(long number, String text, ProftpdLogFormat format) {
        if (mayBeTrace(text)) {
          Matcher trace = TRACE.matcher(text);
          if (trace.matches()) {
            return trace(number, trace);
          }
        }
        if (text.contains("proftpd[")) {
          Matcher system = ProgramLines.match(SYSTEM, "proftpd", text);
          if (system != null) {
            String session = system.group(3) + " pid " + system.group(1);
            if (text.endsWith(SESSION_CLOSED)) {
              // the session's process ends: a later line of its pid is another session's
              if (started.remove(session) != null) {
                sink.end(session);
              }
              return LineUse.SKIPPED;
            }
            if (started.putIfAbsent(session, true) == null) {
              String time = LogTime.syslog(text);
              if (time == null) {
                time =
                    sink.unreadableTime(
                        new Source(source, number),
                        FormatName.of("proftpd.system"),
                        LogTime.syslogStamp(text));
              }
              sink.event(
                  session,
                  new Note(
                      new Source(source, number).at(time),
                      NoteKind.START_MISSING,
                      Phrase.of("note.detail.systemLog")));
              return LineUse.DIALOGUE;
            }
            return LineUse.SKIPPED;
          }
        }
        if (SyslogDaemonLines.isDaemons(text)) {
          return LineUse.SKIPPED; // the syslog daemon's own lines in the file ProFTPD logs to
        }
        String program = SyslogDaemonLines.otherProgram(text, "proftpd");
        if (program != null) {
          return sink.otherProgram(program);
        }
        return format == null
            ? sink.strayLine(source, number, FormatName.of("proftpd"), text)
            : sink.strayLine(
                source,
                number,
                Phrase.of("problem.strayLine.logFormat", format.format(), Problem.quote(text)));
      }

      private LineUse extended(Source at, ProftpdLine.Extended line, String text) {
        String session = line.client();
        String command = line.command();
        if (ProftpdExtendedLines.isExit(command, line.code())) {
          if (started.remove(session) != null) {
            sink.end(session);
          }
          return LineUse.SKIPPED; // the session's end, not a command
        }
        if (started.putIfAbsent(session, true) == null
            && !command.toUpperCase(Locale.ROOT).startsWith("USER")) {
          sink.event(
              session, new Note(at, NoteKind.START_MISSING, Phrase.of("note.detail.midSession")));
        }
        if (command.isBlank()) {
          sink.problem(
              session, new Problem(at, Phrase.of("problem.emptyCommandIn", Problem.quote(text))));
          return LineUse.PROBLEM;
        }
        sink.command(session, at, command);
        ReplyCode code = ReplyCode.parse(line.code());
        if (code == null && !line.code().equals("-")) { // "-": no reply was sent
          sink.unreadableReply(session, at, Phrase.of("problem.notACode"), line.code());
          sink.event(session, new Note(at, NoteKind.UNREADABLE_REPLY, ""));
          return LineUse.PROBLEM;
        }
        if (code != null) {
          sink.event(session, new ReplyReceived(at, new Reply(code, List.of(code.toString()))));
          if (code.closesConnection()) {
            started.remove(session);
            sink.end(session);
          }
        }
        return LineUse.DIALOGUE;
      }

      private LineUse trace(long number, Matcher m) {
        String session = "pid " + m.group(4) + (m.group(5) == null ? "" : " (" + m.group(5) + ")");
        String time = m.group(1) + "T" + m.group(2) + "." + m.group(3);
        String message = m.group(8);
        if (m.group(6).equals("command") && message.startsWith(EXIT_DISPATCH)) {
          LineDialogue exited = traced.remove(session);
          if (exited != null && !exited.ended()) {
            exited.close(number); // the process exits: nothing more comes of this session
          }
          lastCommand.remove(session);
          replied.remove(session);
          return LineUse.SKIPPED;
        }
        LineDialogue dialogue =
            traced.computeIfAbsent(
                session, s -> new LineDialogue(source, s, sink).endingAtGoodbye());
        if (m.group(6).equals("response")) {
          if (!m.group(7).equals(SENT_LEVEL) || message.startsWith(NOT_SENT)) {
            return LineUse.SKIPPED; // not a line sent: the lines sent are traced at their level
          }
          replied.put(session, true);
          String line = message.startsWith(ASYNC) ? message.substring(ASYNC.length()) : message;
          LineUse use = dialogue.replyLine(number, time, line);
          if (dialogue.ended()) {
            traced.remove(session, dialogue); // said goodbye: forgotten at once
          }
          return use;
        }
        Matcher dispatch = DISPATCH.matcher(message);
        if (m.group(6).equals("command") && message.startsWith("dispatching ")) {
          // a command's dispatch cut short or of no phase ProFTPD has: the command may be lost
          Matcher any = ANY_DISPATCH.matcher(message);
          if (!any.matches()) {
            return dialogue.unreadableLine(
                number, time, TRACE_FORMAT, LineFault.cutShort(), m.group());
          } else if (!PHASES.contains(any.group(1))) {
            return dialogue.unreadableLine(
                number, time, TRACE_FORMAT, LineFault.unknownKind(any.group(1)), m.group());
          }
        }
        if (m.group(6).equals("command") && dispatch.matches()) {
          String command = dispatch.group(2);
          boolean again = command.equals(lastCommand.get(session)) && !replied.containsKey(session);
          if (!again) {
            replied.remove(session);
            lastCommand.put(session, command);
            return dialogue.command(number, time, command);
          }
        }
        return LineUse.SKIPPED; // repeated dispatches and other trace channels
      }

      @Override
      public void end(long lastLine) {
        traced.values().forEach(d -> d.end(lastLine));
      }
    };
  }
}
