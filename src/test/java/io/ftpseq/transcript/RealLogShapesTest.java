package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shapes real server logs take that the readers lost or misread: a server restarted mid-file, an
 * ExtendedLog sent to syslog, and the lines the syslog daemon writes among a server's own (its
 * marks, its messages when the file is rotated, the line that stands for repeats of the one before
 * it).
 */
class RealLogShapesTest {

  /** What a parser gave, in order, with the ends of sessions the record shows. */
  private static List<String> read(TranscriptFormat format, String log) {
    List<String> seen = new ArrayList<>();
    TranscriptSink sink =
        new TranscriptSink() {
          @Override
          public void event(String session, SessionEvent event) {
            String what =
                event instanceof CommandSent c
                    ? "C " + c.command().text()
                    : event instanceof ReplyReceived r
                        ? "R " + String.join("|", r.reply().lines())
                        : "N " + ((Note) event).kind();
            seen.add(session + " @" + event.source().line() + " " + what);
          }

          @Override
          public void problem(String session, Problem problem) {
            seen.add("problem " + problem.source() + " " + problem.message());
          }

          @Override
          public void end(String session) {
            seen.add("end " + session);
          }
        };
    TranscriptParser parser = format.parser("log", sink);
    List<String> lines = log.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      parser.line(i + 1, lines.get(i));
    }
    parser.end(lines.size());
    return seen;
  }

  /**
   * FileZilla Server 0.9 numbers its connections from 1 again after a restart: the first connection
   * after it is a session of its own, and the one open under the same id before it is over. Read as
   * one, the second's PASS looked like the answer to the first's USER.
   */
  @Test
  void fileZillaServer09ConnectionIdsStartingOverAfterARestartAreNewSessions() {
    String before = "(000001)2025/11/6 15:58:48 - (not logged in) (127.0.0.1)> ";
    String after = "(000001)2025/11/6 16:10:02 - (not logged in) (127.0.0.1)> ";
    String log =
        String.join(
            "\n",
            before + "Connected on port 21, sending welcome message...",
            before + "220 FileZilla Server 0.9.60 beta",
            before + "USER alice",
            before + "331 Password required for alice",
            "Server offline.",
            "FileZilla Server version 0.9.60 beta started",
            "Initializing Server.",
            "Server online",
            after + "Connected on port 21, sending welcome message...",
            after + "220 FileZilla Server 0.9.60 beta",
            after + "PASS ****");
    String session = "connection 000001 127.0.0.1";
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            session + " @2 R 220 FileZilla Server 0.9.60 beta",
            session + " @3 C USER alice",
            session + " @4 R 331 Password required for alice",
            "end " + session,
            session + " @10 R 220 FileZilla Server 0.9.60 beta",
            session + " @11 C PASS ****");
  }

  /**
   * FileZilla Server 1.x numbers its sessions from 1 again after a restart, which its log shows by
   * the line its file logger writes when it opens the file (with or without the time, in the short
   * or the long tags): every session open before it ends there, and one under the same id and
   * address after it is a session of its own. Read as one, the second's PASS answered the first's
   * USER.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-11-06T15:58:48.000Z | >> | << | ==",
        "'' | >> | << | ==",
        "2025-11-06T15:58:48.000Z | Command: | Reply: | Status:"
      })
  void fileZillaServer1xSessionIdsStartingOverAfterARestartAreNewSessions(
      String time, String command, String reply, String status) {
    String at = time.isEmpty() ? "" : time + " ";
    String one = "[FTP Session 1 127.0.0.1] ";
    String two = "[FTP Session 2 10.0.0.2] ";
    String log =
        String.join(
            "\n",
            at + reply + " " + one + "220 FileZilla Server 1.9.4",
            at + command + " " + one + "USER alice",
            at + reply + " " + one + "331 Please, specify the password.",
            at + reply + " " + two + "220 FileZilla Server 1.9.4",
            at + status + " ===== FileZilla Server 1.9.4 new logging started =====",
            at + status + " [FTP Server] Listening on 0.0.0.0:21.",
            at + reply + " " + one + "220 FileZilla Server 1.9.4",
            at + command + " " + one + "PASS ****");
    String first = "session 1 127.0.0.1";
    String second = "session 2 10.0.0.2";
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            first + " @1 R 220 FileZilla Server 1.9.4",
            first + " @2 C USER alice",
            first + " @3 R 331 Please, specify the password.",
            second + " @4 R 220 FileZilla Server 1.9.4",
            "end " + first,
            "end " + second,
            first + " @7 R 220 FileZilla Server 1.9.4",
            first + " @8 C PASS ****");
  }

  /** A 0.9 session open when the server starts again ends there, whatever its id. */
  @Test
  void fileZillaServer09SessionsOpenAtARestartEndThere() {
    String log =
        String.join(
            "\n",
            "(000007)2025/11/6 15:58:48 - (not logged in) (127.0.0.1)> 220 FileZilla Server",
            "FileZilla Server version 0.9.60 beta started",
            "(000001)2025/11/6 16:10:02 - (not logged in) (127.0.0.1)> 220 FileZilla Server");
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            "connection 000007 127.0.0.1 @1 R 220 FileZilla Server",
            "end connection 000007 127.0.0.1",
            "connection 000001 127.0.0.1 @3 R 220 FileZilla Server");
  }

  /** {@code ExtendedLog syslog:info}: each line after syslog's head, found and read as written. */
  @Test
  void proftpdExtendedLogSentToSyslogIsRecognisedAndRead() {
    String head = "Nov 22 10:00:0%d host proftpd[4321]: ";
    String log =
        String.join(
            "\n",
            head.formatted(0)
                + "::1 UNKNOWN - [22/Nov/2026:10:00:00 +0000] \"USER anonymous\" 331 -",
            head.formatted(1)
                + "::1 UNKNOWN ftp [22/Nov/2026:10:00:01 +0000] \"STOR tab#011name\" 226 12");
    assertThat(new ProftpdLog().recognise(log.lines().toList())).isPositive();
    assertThat(read(new ProftpdLog(), log))
        .containsExactly(
            "::1 @1 C USER anonymous",
            "::1 @1 R 331",
            "::1 @2 C STOR tab#011name", // no line of the log shows syslog's escaping
            "::1 @2 R 226");
  }

  @Test
  void pureFtpdReadsRepeatsAndSkipsTheSyslogDaemonsLines() {
    String at = "Nov 22 10:00:00 host pure-ftpd: (?@2001:db8::1) [DEBUG] ";
    String log =
        String.join(
            "\n",
            "Nov 22 10:00:00 host pure-ftpd: (?@2001:db8::1) [INFO] New connection from 2001:db8::1",
            at + "220-Welcome",
            at + "220-",
            "Nov 22 10:00:00 host pure-ftpd: last message repeated 2 times",
            at + "220 Bye for now",
            "Nov 22 10:00:01 host -- MARK --",
            "Nov 22 10:00:02 host rsyslogd: [origin software=\"rsyslogd\"] rsyslogd was HUPed",
            at + "Command [noop] []",
            at + "200 Zzz...",
            "Nov 22 10:00:03 host pure-ftpd: message repeated 1 times: [ (?@2001:db8::1) [DEBUG] 200"
                + " Zzz...]",
            at + "Command [quit] []",
            at + "221 Logout.");
    String session = "2001:db8::1 @";
    assertThat(read(new PureFtpdLog(), log))
        .containsExactly(
            session + "2 R 220-Welcome|220-|220-|220-|220 Bye for now",
            session + "8 C NOOP",
            session + "9 R 200 Zzz...",
            session + "10 R 200 Zzz...",
            session + "11 C QUIT",
            session + "12 R 221 Logout.",
            "end 2001:db8::1");
  }

  @Test
  void vsftpdThroughSyslogReadsRepeatsAndSkipsTheSyslogDaemonsLines() {
    String at = "Nov 23 06:40:20 host vsftpd[101]: ";
    String log =
        String.join(
            "\n",
            at + "CONNECT: Client \"2001:db8::1\"",
            at + "FTP response: Client \"2001:db8::1\", \"220 ready\"",
            at + "FTP command: Client \"2001:db8::1\", \"NOOP\"",
            at + "FTP response: Client \"2001:db8::1\", \"200 NOOP ok.\"",
            "Nov 23 06:40:21 host syslogd 1.5.1: restart.",
            at + "FTP command: Client \"2001:db8::1\", \"NOOP\"",
            "Nov 23 06:40:22 host last message repeated 1 time",
            at + "FTP response: Client \"2001:db8::1\", \"200 NOOP ok.\"");
    String session = "2001:db8::1 pid 101 @";
    assertThat(read(new VsftpdLog(), log))
        .containsExactly(
            session + "2 R 220 ready",
            session + "3 C NOOP",
            session + "4 R 200 NOOP ok.",
            session + "6 C NOOP",
            session + "7 C NOOP",
            session + "8 R 200 NOOP ok.");
  }

  /**
   * Red Hat's vsftpd writes each byte it finds unprintable in its own file as {@code \xHH}: the CR
   * LF of a raw reply line, each byte of a UTF-8 or Latin-1 file name. They are read back; a
   * printable byte in that form is what the client sent.
   */
  @Test
  void vsftpdBytesWrittenInHexAreReadBack() {
    String at = "Mon Nov 23 06:40:20 2026 [pid 101] ";
    String client = "Client \"1.2.3.4\", ";
    String log =
        String.join(
            "\n",
            at + "CONNECT: Client \"1.2.3.4\"",
            at + "FTP command: " + client + "\"FEAT\"",
            at + "FTP response: " + client + "\"211-Features:\"",
            at + "FTP response: " + client + "\" UTF8\\x0D\\x0A\"",
            at + "FTP response: " + client + "\"211 End\"",
            at + "FTP command: " + client + "\"STOR caf\\xC3\\xA9.txt\"",
            at + "FTP command: " + client + "\"DELE na\\xEFve \\x41.txt\"");
    String session = "1.2.3.4 pid 101 @";
    assertThat(read(new VsftpdLog(), log))
        .containsExactly(
            session + "2 C FEAT",
            session + "3 R 211-Features:| UTF8|211 End",
            session + "6 C STOR caf\u00e9.txt",
            session + "7 C DELE na\u00efve \\x41.txt");
  }

  /**
   * Pure-FTPd built in another language writes the word before a command in it ({@code Befehl},
   * {@code Commande}; Russian in KOI8-R, read as Latin-1 as a line that is not UTF-8 is): its
   * commands are commands, where they were problems.
   */
  @Test
  void pureFtpdBuiltInAnotherLanguageHasItsCommandsRead() {
    String at = "Nov 22 10:00:00 host pure-ftpd: (?@10.0.0.1) [DEBUG] ";
    String log =
        String.join(
            "\n",
            "Nov 22 10:00:00 host pure-ftpd: (?@10.0.0.1) [INFO] New connection from 10.0.0.1",
            at + "220 Willkommen",
            at + "Befehl [user] [alice]",
            at + "331 Benutzer alice OK",
            at + "Commande [noop] []",
            at + "200 Zzz...",
            at + "\u00eb\u00cf\u00cd\u00c1\u00ce\u00c4\u00c1 [syst] []",
            at + "215 UNIX Type: L8",
            at + "Comand [pwd] []");
    String session = "10.0.0.1 @";
    List<String> read = read(new PureFtpdLog(), log);
    assertThat(read)
        .startsWith(
            session + "2 R 220 Willkommen",
            session + "3 C USER alice",
            session + "4 R 331 Benutzer alice OK",
            session + "5 C NOOP",
            session + "6 R 200 Zzz...",
            session + "7 C SYST",
            session + "8 R 215 UNIX Type: L8");
    // a word Pure-FTPd writes in no language is still a line it cannot have written
    assertThat(read).last().asString().startsWith("problem log:9 cannot read this Pure-FTPd log");
  }
}
