package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.HashSet;
import java.util.List;
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
 * reply code is logged, without its text. The SystemLog ({@code proftpd[pid] host (client[ip]):
 * USER x: Login successful.}) shows logins, not commands: each of its sessions is reported as
 * showing no dialogue, so nothing is claimed about it.
 */
public final class ProftpdLog implements TranscriptFormat {

  private static final Pattern EXTENDED =
      Pattern.compile(
          "^(\\S+) \\S+ \\S+ \\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\] "
              + "\"([^\"]*)\" (\\d{3}|-) \\S+.*$");
  private static final Pattern SYSTEM =
      Pattern.compile("^.*?\\bproftpd\\[(\\d+)\\]:? \\S+ \\(([^)\\[]*)\\[([^\\]]*)\\]\\).*$");

  @Override
  public String name() {
    return "proftpd";
  }

  @Override
  public int recognise(List<String> head) {
    boolean any =
        head.stream().anyMatch(l -> EXTENDED.matcher(l).matches() || SYSTEM.matcher(l).matches());
    return any ? 90 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private final Set<String> started = new HashSet<>();

      @Override
      public void line(long number, String text) {
        if (text.isBlank() || text.startsWith("#")) {
          return;
        }
        Source at = new Source(source, number);
        Matcher extended = EXTENDED.matcher(text);
        Matcher system = SYSTEM.matcher(text);
        if (extended.matches()) {
          extended(at.at(LogTime.commonLog(extended.group(2))), extended);
        } else if (system.matches()) {
          String session = system.group(3) + " pid " + system.group(1);
          if (started.add(session)) {
            sink.event(
                session,
                new Note(
                    at.at(LogTime.syslog(text)),
                    NoteKind.START_MISSING,
                    "the SystemLog shows no commands"));
          }
        } else {
          sink.strayLine(source, at.line(), "ProFTPD log", text);
        }
      }

      private void extended(Source at, Matcher m) {
        String session = m.group(1);
        if (started.add(session)
            && !m.group(3).toUpperCase(java.util.Locale.ROOT).startsWith("USER")) {
          sink.event(session, new Note(at, NoteKind.START_MISSING, "log starts mid-session"));
        }
        if (m.group(3).isBlank()) {
          sink.problem(session, new Problem(at, "empty command in \"" + m.group(0) + "\""));
          return;
        }
        sink.event(session, new CommandSent(at, Command.parse(m.group(3))));
        ReplyCode code = ReplyCode.parse(m.group(4));
        if (code != null) {
          sink.event(session, new ReplyReceived(at, new Reply(code, List.of(code.toString()))));
        }
      }

      @Override
      public void end(long lastLine) {
        // every line is complete in itself
      }
    };
  }
}
