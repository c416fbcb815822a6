package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.cli.CliRun;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server and monitoring logs that hold many sessions: FileZilla Server (0.9 and 1.x), IIS FTP,
 * Suricata eve.json and ProFTPD's TraceLog, each on its samples and on short logs built here.
 */
class ServerLogReadersTest {

  private static final String SECRET = "Hunter2-secret";

  @TempDir Path temp;

  /** What a parser gave, in order, as text: one entry per event or problem. */
  static List<String> read(TranscriptFormat format, String log) {
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
            seen.add(
                session + " @" + event.source().line() + " " + event.source().time() + " " + what);
          }

          @Override
          public void problem(String session, Problem problem) {
            seen.add("problem " + problem.source() + " " + problem.message());
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

  private static List<SessionCheck> check(String name, InputStream in) throws IOException {
    TranscriptChecker.Result result =
        new TranscriptChecker(ServerProfiles.RFC, null).check(name, in);
    assertThat(result.unreadable()).isNull();
    return result.sessions();
  }

  private static Set<String> rules(String file) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return check(file, in).stream()
          .flatMap(s -> s.findings().stream())
          .map(Finding::rule)
          .map(Enum::name)
          .collect(Collectors.toSet());
    }
  }

  @ParameterizedTest(name = "{0} is {1} with {2} sessions")
  @CsvSource({
    "samples/filezilla-server/v09-clean-handmade.log, filezilla-server, 2",
    "samples/filezilla-server/v09-out-of-order-handmade.log, filezilla-server, 2",
    "samples/filezilla-server/v1-clean-handmade.log, filezilla-server, 2",
    "samples/filezilla-server/v1-out-of-order-handmade.log, filezilla-server, 2",
    "samples/iis/w3c-clean-handmade.log, iis, 2",
    "samples/iis/w3c-out-of-order-handmade.log, iis, 2",
    "samples/suricata/eve-clean-handmade.json, suricata, 2",
    "samples/suricata/eve-out-of-order-handmade.json, suricata, 2",
    "samples/proftpd/tracelog-two-sessions-interleaved.log, proftpd, 2",
    "samples/proftpd/extendedlog-clean.log, proftpd, 1",
    "samples/proftpd/extendedlog-out-of-order.log, proftpd, 1",
  })
  void sampleIsDetectedAndSplitIntoItsSessions(String file, String format, int sessions)
      throws IOException {
    List<SessionCheck> checks;
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      checks = check(file, in);
    }
    assertThat(checks).hasSize(sessions).allMatch(s -> s.format().equals(format));
    assertThat(checks).allMatch(s -> s.problems().isEmpty());
  }

  /**
   * FileZilla Server refuses a transfer without a data channel with 503, which RETR may not get.
   */
  @ParameterizedTest
  @CsvSource({
    "samples/filezilla-server/v09-out-of-order-handmade.log, REPLY_NOT_ALLOWED",
    "samples/filezilla-server/v1-out-of-order-handmade.log, REPLY_NOT_ALLOWED",
    "samples/iis/w3c-out-of-order-handmade.log, ''",
    "samples/suricata/eve-out-of-order-handmade.json, ''",
    "samples/proftpd/tracelog-two-sessions-interleaved.log, ''",
  })
  void outOfOrderSessionGivesTheSameFindingsInEveryServerFormat(String file, String serverSide)
      throws IOException {
    Set<String> expected =
        new java.util.HashSet<>(
            Set.of("PASS_WITHOUT_USER", "RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL"));
    if (!serverSide.isEmpty()) {
      expected.add(serverSide);
    }
    assertThat(rules(file)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "--format {1}")
  @CsvSource({
    "samples/filezilla-server/v1-out-of-order-handmade.log, filezilla-server",
    "samples/iis/w3c-out-of-order-handmade.log, iis",
    "samples/suricata/eve-out-of-order-handmade.json, suricata",
    "samples/proftpd/tracelog-two-sessions-interleaved.log, proftpd",
  })
  void formatForcedByNameReadsLikeDetectionAndAWrongOneGivesProblemsNotACrash(
      String file, String format) {
    assertThat(CliRun.of("check", "--lang", "en", "--format", format, file).out())
        .isEqualTo(CliRun.of("check", "--lang", "en", file).out());
    String wrong = format.equals("iis") ? "suricata" : "iis";
    CliRun run = CliRun.of("check", "--lang", "en", "--format", wrong, file);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains(file + ":1: problem: ")
        .doesNotContain("Exception")
        .doesNotContain(SECRET);
  }

  @ParameterizedTest
  @CsvSource({
    "samples/filezilla-server/v09-clean-handmade.log",
    "samples/filezilla-server/v1-clean-handmade.log",
    "samples/iis/w3c-clean-handmade.log",
    "samples/suricata/eve-clean-handmade.json",
    "samples/proftpd/extendedlog-clean.log",
  })
  void cleanSessionsHaveNoFindingsAndStartComplete(String file) throws IOException {
    assertThat(rules(file)).isEmpty();
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      assertThat(check(file, in)).allMatch(s -> s.start() == SessionCheck.Start.COMPLETE);
    }
  }

  @Test
  void fileZillaServer09DatesAreReadInTheLocaleOrderTheyShow() {
    String log =
        """
        (000001)2025/11/6 15:58:48 - (not logged in) (127.0.0.1)> 220 FileZilla Server 0.9.60 beta
        (000002)1/5/2022 7:04:11 PM - (not logged in) (10.0.0.9)> 220 FileZilla Server 0.9.60 beta
        (000002)1/5/2022 12:04:12 AM - (not logged in) (10.0.0.9)> USER bob
        (000003)20/07/2014 11:12:43 - (not logged in) (10.0.0.7)> 220 FileZilla Server
        (000003)1/8/2014 11:12:44 - (not logged in) (10.0.0.7)> USER eve
        """;
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            "connection 000001 127.0.0.1 @1 2025-11-06T15:58:48 R 220 FileZilla Server 0.9.60 beta",
            "connection 000002 10.0.0.9 @2 2022-01-05T19:04:11 R 220 FileZilla Server 0.9.60 beta",
            "connection 000002 10.0.0.9 @3 2022-01-05T00:04:12 C USER bob",
            "connection 000003 10.0.0.7 @4 2014-07-20T11:12:43 R 220 FileZilla Server",
            "connection 000003 10.0.0.7 @5 2014-08-01T11:12:44 C USER eve");
  }

  @Test
  void fileZillaServer09ReadsStatusesMultiLineRepliesAndLowerCaseCommands() {
    String log =
        """
        (000004) 2/2/2025 12:00:00 PM - (not logged in) (1.2.3.4)> Connected on port 21, sending welcome message...
        (000004) 2/2/2025 12:00:00 PM - (not logged in) (1.2.3.4)> 220-FileZilla Server 0.9.60 beta
        (000004) 2/2/2025 12:00:00 PM - (not logged in) (1.2.3.4)> 220 Please visit https://filezilla-project.org/
        (000004) 2/2/2025 12:00:01 PM - (not logged in) (1.2.3.4)> pasv
        (000004) 2/2/2025 12:00:01 PM - (not logged in) (1.2.3.4)> TLS connection established
        (000004) 2/2/2025 12:00:02 PM - (not logged in) (1.2.3.4)> disconnected.
        """;
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            "connection 000004 1.2.3.4 @2 2025-02-02T12:00:00 R 220-FileZilla Server 0.9.60 beta"
                + "|220 Please visit https://filezilla-project.org/",
            "connection 000004 1.2.3.4 @4 2025-02-02T12:00:01 C PASV");
  }

  /**
   * 0.9's "TLS connection established" before any command is the end of the handshake of a port of
   * implicit FTPS: the session is TLS from its start. After an AUTH answered 234 it is the
   * handshake AUTH began, and adds nothing. Its other TLS statuses (a warning, a data connection's
   * handshake) are skipped like the rest, not read as a command of the verb TLS.
   */
  @Test
  void fileZillaServer09TlsHandshakeBeforeAnyCommandIsImplicitFtps() {
    String seven = "(000007)11/23/2026 9:50:00 AM - (not logged in) (10.0.0.5)> ";
    String eight = "(000008)11/23/2026 9:50:00 AM - (not logged in) (10.0.0.6)> ";
    String log =
        String.join(
            "\n",
            seven + "Connected on port 990, sending welcome message...",
            seven + "220 FileZilla Server 0.9.60 beta",
            seven + "TLS connection established",
            seven + "USER alice",
            eight + "220 FileZilla Server 0.9.60 beta",
            eight + "AUTH TLS",
            eight + "234 Using authentication type TLS",
            eight + "SSL connection established",
            eight + "TLS warning: peer did not send close_notify",
            eight + "TLS connection for data connection established",
            eight + "USER bob");
    String s7 = "connection 000007 10.0.0.5 @";
    String s8 = "connection 000008 10.0.0.6 @";
    String at = " 2026-11-23T09:50:00 ";
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            s7 + 2 + at + "R 220 FileZilla Server 0.9.60 beta",
            s7 + 3 + at + "N TLS_FROM_CONNECT",
            s7 + 4 + at + "C USER alice",
            s8 + 5 + at + "R 220 FileZilla Server 0.9.60 beta",
            s8 + 6 + at + "C AUTH TLS",
            s8 + 7 + at + "R 234 Using authentication type TLS",
            s8 + 11 + at + "C USER bob");
  }

  /**
   * 0.9.54 writes only the statuses its source has ({@code CServerThread}, {@code CControlSocket}):
   * those are skipped. A line that starts with a word no status of it starts with ({@code Login},
   * {@code Error}, {@code Requested}, once skipped as statuses it never writes) is a problem that
   * names its line, not a line dropped unseen.
   */
  @Test
  void fileZillaServer09SkipsOnlyTheStatusesItsSourceWrites() {
    String at = "(000005)2025/11/6 15:58:4%d - (not logged in) (127.0.0.1)> ";
    String log =
        String.join(
            "\n",
            at.formatted(8) + "Connected on port 21, sending welcome message...",
            at.formatted(8) + "220 FileZilla Server 0.9.54 beta",
            at.formatted(8) + "Failed to convert reply to UTF-8",
            at.formatted(8) + "Could not get peer name",
            at.formatted(8) + "Refusing connection. Reason: Max. connection count reached.",
            at.formatted(9) + "Login successful",
            at.formatted(9) + "Error: no such thing",
            at.formatted(9) + "Requested action done",
            at.formatted(9) + "USER alice",
            at.formatted(9) + "could not send reply, disconnected.",
            at.formatted(9) + "Can't get remote IP, disconnected");
    String session = "connection 000005 127.0.0.1 @";
    String fault =
        " cannot read this FileZilla Server log line: it is no command, no reply and no"
            + " status message the server writes: \"";
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            session + "2 2025-11-06T15:58:48 R 220 FileZilla Server 0.9.54 beta",
            "problem log:6" + fault + at.formatted(9) + "Login successful\"",
            "problem log:7" + fault + at.formatted(9) + "Error: no such thing\"",
            "problem log:8" + fault + at.formatted(9) + "Requested action done\"",
            session + "9 2025-11-06T15:58:49 C USER alice");
  }

  @Test
  void fileZillaServer1SessionSeenAfterItsGreetingStartsMidSessionAndOtherModulesAreSkipped() {
    String log =
        """
        2024-04-17T20:50:00.069Z DI [Throttled Authenticator, FTP Session: 3636] Authenticating user root from IP 1.2.3.4.
        2024-04-17T20:50:00.069Z << [FTP Session 3636 1.2.3.4] 331 Please, specify the password.
        2024-04-17T20:50:00.086Z >> [FTP Session 3636 1.2.3.4] PASS ****
        Reply: [FTP Session 3637 1.2.3.5] 220 FileZilla Server 1.9.1
        not a line of this log
        """;
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            "session 3636 1.2.3.4 @2 2024-04-17T20:50:00.069Z N START_MISSING",
            "session 3636 1.2.3.4 @2 2024-04-17T20:50:00.069Z R 331 Please, specify the password.",
            "session 3636 1.2.3.4 @3 2024-04-17T20:50:00.086Z C PASS ****",
            "session 3637 1.2.3.5 @4  R 220 FileZilla Server 1.9.1",
            "problem log:5 not a line of the FileZilla Server log: \"not a line of this log\"");
  }

  @Test
  void iisRowsFollowTheirFieldsHeaderAndShowOnlyFinalCodes() {
    String log =
        """
        #Fields: date time c-ip cs-method cs-uri-stem sc-status x-session
        2026-01-02 03:04:05 10.0.0.1 ControlChannelOpened - - s1
        2026-01-02 03:04:06 10.0.0.1 USER anonymous 331 s1
        2026-01-02 03:04:07 10.0.0.1 PASS IEUser@ 230 s1
        2026-01-02 03:04:08 10.0.0.2 RETR a+b.txt 226 s2
        #Fields: time c-ip cs-method cs-uri-stem sc-status x-session
        03:04:09 10.0.0.1 opts utf8+on 200 s1
        03:04:10 10.0.0.1 QUIT 221
        03:04:11 10.0.0.1 NOOP - 2x0 s1
        """;
    assertThat(read(new IisFtpLog(), log))
        .containsExactly(
            "s1 10.0.0.1 @2 2026-01-02T03:04:05Z N CONNECTED",
            "s1 10.0.0.1 @3 2026-01-02T03:04:06Z C USER anonymous",
            "s1 10.0.0.1 @3 2026-01-02T03:04:06Z R 331",
            "s1 10.0.0.1 @4 2026-01-02T03:04:07Z C PASS ****",
            "s1 10.0.0.1 @4 2026-01-02T03:04:07Z R 230",
            "s2 10.0.0.2 @5 2026-01-02T03:04:08Z N START_MISSING",
            "s2 10.0.0.2 @5 2026-01-02T03:04:08Z C RETR a b.txt",
            "s2 10.0.0.2 @5 2026-01-02T03:04:08Z R 226",
            "s1 10.0.0.1 @7  C OPTS utf8 on",
            "s1 10.0.0.1 @7  R 200",
            "problem log:8 row has 4 fields, the #Fields: header 6",
            "s1 10.0.0.1 @9  C NOOP",
            "problem log:9 sc-status is not a reply code: \"2x0\"",
            "s1 10.0.0.1 @9  N UNREADABLE_REPLY");
  }

  @Test
  void suricataPairsCodesWithReplyLinesAndMarksTransactionsItDidNotLog() {
    String head =
        "{\"timestamp\":\"2026-01-02T03:04:05.123456+0100\",\"flow_id\":7,\"event_type\":\"ftp\","
            + "\"src_ip\":\"10.0.0.1\",\"src_port\":4000,\"dest_ip\":\"10.0.0.2\",\"dest_port\":21,";
    String log =
        String.join(
            "\n",
            head
                + "\"tx_id\":3,\"ftp\":{\"command\":\"FEAT\",\"completion_code\":[\"211\",\"211\"],"
                + "\"reply\":[\"Features:\",\" MDTM\",\"End\"]}}",
            head
                + "\"tx_id\":4,\"ftp\":{\"command\":\"RETR\",\"command_data\":\"a\","
                + "\"completion_code\":[\"150\",\"226\"],\"reply\":[\"Opening.\",\"Done.\"]}}",
            head + "\"tx_id\":6,\"ftp\":{\"command\":\"NOOP\",\"reply_received\":\"no\"}}",
            "{\"event_type\":\"flow\",\"flow_id\":8}", // a data connection's flow
            "{\"event_type\":\"ftp\",\"ftp\":{\"command\":\"PASS\",\"command_data\":\"x\"",
            head
                + "\"tx_id\":7,\"ftp\":{\"command\":\"NOOP\",\"completion_code\":[\"2x0\"],"
                + "\"reply\":[\"OK\"]}}");
    String flow = "flow 7 10.0.0.1:4000 -> 10.0.0.2:21 ";
    String at = " 2026-01-02T03:04:05.123456+01:00 ";
    assertThat(read(new SuricataEve(), log))
        .containsExactly(
            flow + "@1" + at + "N START_MISSING",
            flow + "@1" + at + "C FEAT",
            flow + "@1" + at + "R 211-Features:| MDTM|211 End",
            flow + "@2" + at + "C RETR a",
            flow + "@2" + at + "R 150 Opening.",
            flow + "@2" + at + "R 226 Done.",
            flow + "@3" + at + "N LINES_MISSING",
            flow + "@3" + at + "C NOOP",
            "problem log:5 not a JSON object",
            flow + "@6" + at + "C NOOP",
            "problem log:6 completion code is not a reply code: \"2x0\"");
  }

  /** ProFTPD's default ExtendedLog has no pid or connect line: a session opening with PASS. */
  @Test
  void proftpdExtendedLogStartingWithPassClaimsNothingAboutTheLogin() throws IOException {
    String file = "samples/proftpd/extendedlog-out-of-order.log";
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      assertThat(check(file, in).get(0).start()).isEqualTo(SessionCheck.Start.MID_SESSION);
    }
    assertThat(rules(file)).contains("RNTO_WITHOUT_RNFR").doesNotContain("PASS_WITHOUT_USER");
  }

  @Test
  void proftpdTraceTakesEachCommandOnceAndItsRepliesByPid() {
    String log =
        """
        2026-11-23 08:45:53,426 [21308] <response:1>: 220 ProFTPD Server [127.0.0.1]\r
        2026-11-23 08:45:53,430 [21308] <command:7>: dispatching PRE_CMD command 'TYPE I' to mod_core.c
        2026-11-23 08:45:53,430 [21308] <command:7>: dispatching CMD command 'TYPE I' to mod_xfer.c
        2026-11-23 08:45:53,431 [21309] <command:7>: dispatching CMD command 'PASS (hidden)' to mod_auth.c
        2026-11-23 08:45:53,431 [21308] <command:7>: dispatching LOG_CMD command 'TYPE I' to mod_log.c
        2026-11-23 08:45:53,431 [21308] <response:1>: 200 Type set to I\r
        2026-11-23 08:45:53,432 [21308] <command:7>: dispatching PRE_CMD command 'TYPE I' to mod_core.c
        2026-11-23 08:45:53,432 [21308] <response:1>: 211-Features:\r
        2026-11-23 08:45:53,432 [21308] <response:1>:  MDTM\r
        2026-11-23 08:45:53,432 [21308] <response:1>: 211 End\r
        2026-11-23 08:45:53,433 [21308] <delay:8>: delay table entry\r
        """;
    assertThat(read(new ProftpdLog(), log))
        .containsExactly(
            "pid 21308 @1 2026-11-23T08:45:53.426 R 220 ProFTPD Server [127.0.0.1]",
            "pid 21308 @2 2026-11-23T08:45:53.430 C TYPE I",
            "pid 21309 @4 2026-11-23T08:45:53.431 C PASS ****",
            "pid 21308 @6 2026-11-23T08:45:53.431 R 200 Type set to I",
            "pid 21308 @7 2026-11-23T08:45:53.432 C TYPE I",
            "pid 21308 @8 2026-11-23T08:45:53.432 R 211-Features:| MDTM|211 End");
  }

  @Test
  void suricataLogWithoutFtpEventsSaysHowManyOtherEventsItSkipped() {
    assertThat(read(new SuricataEve(), "{\"event_type\":\"flow\"}\n{\"event_type\":\"dns\"}"))
        .containsExactly("problem log no ftp events among 2 eve.json events of other types");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "filezilla-server 0.9|(000001)1/2/2016 10:00:00 AM - (not logged in) (127.0.0.1)> PASS "
            + SECRET,
        "filezilla-server 1.x|2025-08-25T00:15:13.045Z >> [FTP Session 6 10.0.0.1] PASS " + SECRET,
        "iis|#Fields: cs-method cs-uri-stem sc-status x-session~PASS " + SECRET + " 230 s1",
        "suricata|{\"event_type\":\"ftp\",\"flow_id\":1,\"ftp\":{\"command\":\"PASS\",\"command_data\":\""
            + SECRET
            + "\",\"completion_code\":[\"230\"],\"reply\":[\"OK\"]}}",
        "proftpd trace|2026-11-23 08:45:53,431 [21309] <command:7>: dispatching CMD command 'PASS "
            + SECRET
            + "' to mod_auth.c",
        "a stray line|PASS " + SECRET,
      })
  void clearTextPasswordReachesNoReport(String format, String line) throws IOException {
    Path log = temp.resolve("server.log");
    String greeting = "(000001)1/2/2016 10:00:00 AM - (not logged in) (127.0.0.1)> 220 Hello";
    // "~" separates the lines of a log that brings its own header
    boolean ownHeader = line.startsWith("#") || line.startsWith("{") || line.startsWith("2026");
    String text = ownHeader ? line.replace("~", "\n") : greeting + "\n" + line;
    Files.writeString(log, text + "\n");
    for (String report : List.of("text", "json", "junit", "sarif", "markdown", "github")) {
      CliRun run = CliRun.of("check", "--explain-all", "--report", report, log.toString());
      assertThat(run.out() + run.err()).as(format + " " + report).doesNotContain(SECRET);
    }
  }

  @Test
  void clearTextPasswordsOfTheSuricataSamplesReachNoReport() {
    for (String sample :
        List.of(
            "samples/suricata/eve-clean-handmade.json",
            "samples/suricata/eve-out-of-order-handmade.json")) {
      for (String report : List.of("text", "json", "junit", "sarif", "markdown", "github")) {
        assertThat(CliRun.of("check", "--explain-all", "--report", report, sample).out())
            .as(sample + " " + report)
            .doesNotContain("Hunter2-secret")
            .doesNotContain("Alice-pw1")
            .doesNotContain("Carol-pw2");
      }
    }
  }

  @Test
  void noFormatForcedOnALogWithClearTextPasswordsQuotesThemInItsProblems() {
    String sample = "samples/suricata/eve-out-of-order-handmade.json";
    for (String format : TranscriptFormats.names()) {
      CliRun run = CliRun.of("check", "--format", format, "--report", "json", sample);
      assertThat(run.out() + run.err()).as(format).doesNotContain("Hunter2-secret");
    }
  }

  @Test
  void passwordsInQuotedInputAreMaskedInEveryShapeMet() {
    assertThat(
            Stream.of(
                    "bad: PASS s1",
                    "pass: s2",
                    "\"PASS\",\"command_data\":\"s3\"}",
                    "\"password\":\"s4\"}",
                    "bad: \"PASS s 5\"")
                .map(Problem::quote))
        .containsExactly(
            "\"bad: PASS ****\"",
            "\"pass: ****\"",
            "\"\"\"PASS\"\",\"\"command_data\"\":\"\"****\"\"}\"",
            "\"\"\"password\"\":\"\"****\"\"}\"",
            "\"bad: \"\"PASS ****\"\"\"");
  }

  @Test
  void serverLogReadFromStandardInputKeepsItsSessionsApart() throws IOException {
    String log =
        "2025-08-25T00:15:13.045Z << [FTP Session 1 10.0.0.1] 220 Hi\n"
            + "2025-08-25T00:15:13.046Z << [FTP Session 2 10.0.0.2] 220 Hi\n"
            + "2025-08-25T00:15:13.047Z >> [FTP Session 2 10.0.0.2] RNTO b\n"
            + "2025-08-25T00:15:13.048Z << [FTP Session 2 10.0.0.2] 503 Bad sequence of commands.\n";
    List<SessionCheck> sessions =
        check("-", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    assertThat(sessions)
        .extracting(SessionCheck::session)
        .containsExactly("session 1 10.0.0.1", "session 2 10.0.0.2");
    assertThat(sessions.get(0).findings()).isEmpty();
    assertThat(sessions.get(1).findings())
        .extracting(f -> f.rule().name())
        .containsExactlyInAnyOrder("RNTO_WITHOUT_RNFR", "LOGIN_REQUIRED");
  }
}
