package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ftpseq.cli.CliRun;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zeek's ftp.log, from Zeek's own test baselines in ../shared/corpus and built here. */
class ZeekFtpLogTest {

  @TempDir Path temp;

  private static final Path CORPUS = Path.of("../shared/corpus/zeek");

  /** A header with the columns the reader reads, but no user or password. */
  private static final String HEADER =
      "#path\tftp\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p"
          + "\tcommand\targ\treply_code\treply_msg\n";

  private static List<SessionCheck> check(String name, InputStream in) throws IOException {
    TranscriptChecker.Result result =
        new TranscriptChecker(ServerProfiles.RFC, null).check(name, in);
    assertThat(result.unreadable()).isNull();
    return result.sessions();
  }

  @Test
  void corpusLogsAreDetectedSplitByUidAndClaimNothingTheyCannotShow() throws IOException {
    assumeTrue(
        Files.isDirectory(CORPUS), "../shared/corpus is not here; the corpus check is skipped");
    List<Path> logs;
    try (Stream<Path> files = Files.walk(CORPUS)) {
      logs = files.filter(p -> p.getFileName().toString().equals("ftp.log")).sorted().toList();
    }
    assertThat(logs).hasSize(4);
    for (Path log : logs) {
      try (InputStream in = Files.newInputStream(log)) {
        List<SessionCheck> sessions = check(log.toString(), in);
        assertThat(sessions)
            .as(log.toString())
            .isNotEmpty()
            .allMatch(s -> s.format().equals("zeek"));
        // a log of the connection's start (the <init> row, with the greeting) starts complete
        SessionCheck.Start start =
            Files.readString(log).contains("\t<init>\t")
                ? SessionCheck.Start.COMPLETE
                : SessionCheck.Start.MID_SESSION;
        assertThat(sessions).as(log.toString()).allMatch(s -> s.start() == start);
        assertThat(sessions).allMatch(s -> s.problems().isEmpty());
        assertThat(sessions).allMatch(s -> !s.hasFindingsAtLeast(Severity.ERROR));
      }
    }
  }

  @Test
  void bruteforceLogHasOneSessionPerConnection() throws IOException {
    Path log = CORPUS.resolve("scripts.policy.protocols.ftp.bruteforce/ftp.log");
    assumeTrue(Files.exists(log), "../shared/corpus is not here; the corpus check is skipped");
    try (InputStream in = Files.newInputStream(log)) {
      assertThat(check(log.toString(), in)).hasSize(30);
    }
  }

  @Test
  void passwordsInTheLogNeverReachAReport() {
    Path log = CORPUS.resolve("scripts.base.protocols.ftp.ftp-password-pass-command/ftp.log");
    assumeTrue(Files.exists(log), "../shared/corpus is not here; the corpus check is skipped");
    for (String report : List.of("text", "json", "junit", "sarif", "markdown", "github", "html")) {
      assertThat(CliRun.of("check", "--explain-all", "--report", report, log.toString()).out())
          .as(report)
          .doesNotContain("qwerty");
    }
  }

  @Test
  void jsonVariantIsReadAndA503IsReportedAsSeen() throws IOException {
    String log =
        "{\"ts\":1.0,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":40000,"
            + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":21,\"user\":\"bob\",\"password\":\"s3cret\","
            + "\"command\":\"RNTO\",\"arg\":\"b.txt\",\"reply_code\":503,"
            + "\"reply_msg\":\"Bad sequence of commands.\"}\n";
    List<SessionCheck> sessions =
        check("eve", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    assertThat(sessions).hasSize(1);
    assertThat(sessions.get(0).session()).isEqualTo("C1 10.0.0.1:40000 -> 10.0.0.2:21");
    assertThat(sessions.get(0).findings())
        .extracting(f -> f.rule().name())
        .containsExactly("SEQUENCE_REPLY_UNEXPLAINED");
  }

  /**
   * JSON rows Zeek would not write are problems at their line, not rows read as something else: a
   * list where a value belongs (it used to become an empty value, so the reply was lost without a
   * word), text after the object (it was ignored). A record nested as some shippers write it is
   * read under Zeek's dotted names, and a number in exponent form as its plain digits.
   */
  @Test
  void jsonRowsZeekWouldNotWriteAreProblemsAtTheirLine() throws IOException {
    String row =
        "{\"ts\":1.7e9,\"uid\":\"C1\",\"id\":{\"orig_h\":\"10.0.0.1\",\"orig_p\":40000,"
            + "\"resp_h\":\"10.0.0.2\",\"resp_p\":21},\"password\":%s,"
            + "\"command\":\"RNTO\",\"arg\":\"b.txt\",\"reply_code\":%s,"
            + "\"reply_msg\":\"Bad sequence of commands.\"}%s\n";
    String log =
        String.format(row, "\"s3cret\"", "503", "")
            + String.format(row, "\"s3cret\"", "[503]", "")
            + String.format(row, "\"s3cret\"", "503", " trailing")
            + String.format(row, "\"s3cret\"", "503", " {}")
            + String.format(row, "\"s3cret\"", "{\"code\":503}", "")
            + String.format(row, "[\"s3cret\"]", "503", "");
    Path file = temp.resolve("ftp.json");
    Files.writeString(file, log);
    CliRun run = CliRun.of("check", "--format", "zeek", "--report", "json", file.toString());

    assertThat(run.out())
        .contains("\"session\" : \"C1 10.0.0.1:40000 -> 10.0.0.2:21\"")
        .contains("\"time\" : \"2023-11-14T22:13:20Z\"")
        .contains("SEQUENCE_REPLY_UNEXPLAINED")
        .containsSubsequence(
            "\"line\" : 2",
            "a list, not a single value, in the field reply_code",
            "\"line\" : 3",
            "not one JSON object: text follows it",
            "\"line\" : 4",
            "not one JSON object: text follows it",
            "\"line\" : 5",
            "a record, not a single value, in the field reply_code",
            "\"line\" : 6",
            "a list, not a single value, in the field password")
        .doesNotContain("s3cret");
  }

  @Test
  void aConnectionOfManyRowsListsThePartialRecordOnceYetKnowsNothingBeforeEachRow()
      throws IOException {
    StringBuilder log = new StringBuilder(HEADER);
    for (int row = 0; row < 200; row++) {
      log.append(row)
          .append(".5\tC1\t10.0.0.1\t40000\t10.0.0.2\t21\tPASV\t-\t227\tEntering Passive Mode")
          .append(" (10,0,0,2,195,80).\n");
    }
    // an RNFR row then an RNTO refused: commands Zeek did not log may have come between them
    log.append("201.0\tC1\t10.0.0.1\t40000\t10.0.0.2\t21\tRNFR\ta\t350\tReady.\n")
        .append("202.0\tC1\t10.0.0.1\t40000\t10.0.0.2\t21\tRNTO\tb\t503\tRNFR first.\n");

    List<SessionCheck> sessions =
        check("ftp.log", new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)));

    assertThat(sessions).hasSize(1);
    assertThat(sessions.get(0).notes())
        .extracting(n -> n.kind().name() + " " + n.source().line())
        .containsExactly("UNLOGGED_COMMANDS 3");
    assertThat(sessions.get(0).start()).isEqualTo(SessionCheck.Start.MID_SESSION);
    assertThat(sessions.get(0).findings())
        .extracting(f -> f.rule().name())
        .containsExactly("SEQUENCE_REPLY_UNEXPLAINED");
  }

  @Test
  void aConnectionWhoseStartIsLoggedStartsCompleteAndKnowsNothingAfterIt() throws IOException {
    String row = "\tC1\t10.0.0.1\t40000\t10.0.0.2\t21\t";
    String log =
        HEADER
            + "1.0"
            + row
            + "<init>\t-\t220\tFTP server ready.\n"
            + "2.0"
            + row
            + "RNFR\ta\t350\tReady.\n"
            + "3.0"
            + row
            + "RNTO\tb\t503\tRNFR first.\n";

    List<SessionCheck> sessions =
        check("ftp.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(sessions)
        .singleElement()
        .extracting(SessionCheck::start)
        .isEqualTo(SessionCheck.Start.COMPLETE);
    // the rows after the start still follow commands Zeek may not have logged
    assertThat(sessions.get(0).notes())
        .extracting(n -> n.kind().name() + " " + n.source().line())
        .containsExactly("UNLOGGED_COMMANDS 4");
    assertThat(sessions.get(0).findings())
        .extracting(f -> f.rule().name())
        .containsExactly("SEQUENCE_REPLY_UNEXPLAINED");
  }

  /**
   * A 221 on the row of a command that cannot be answered 221 is the reply that closed the
   * connection only when no later row of the same connection follows: with more rows after it, the
   * connection was still open, and the 221 is that command's own reply. Rows of other connections
   * between them change nothing.
   */
  @Test
  void a221IsTheClosingReplyOnlyOnTheConnectionsLastRow() throws IOException {
    String first = "\tC1\t10.0.0.1\t40000\t10.0.0.2\t21\t";
    String second = "\tC2\t10.0.0.3\t40001\t10.0.0.2\t21\t";
    String log =
        HEADER
            + "1.0"
            + first
            + "RETR\ta.txt\t221\tOdd.\n" // line 3: more rows of C1 follow
            + "1.5"
            + second
            + "RETR\tb.txt\t221\tYou could at least say goodbye.\n" // line 4: C2's last row
            + "2.0"
            + first
            + "PASV\t-\t227\tEntering Passive Mode (10,0,0,2,4,1).\n"
            + "3.0"
            + first
            + "RETR\tc.txt\t221\tYou could at least say goodbye.\n"; // line 6: C1's last row

    List<SessionCheck> sessions =
        check("ftp.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(sessions)
        .extracting(SessionCheck::session)
        .containsExactly("C1 10.0.0.1:40000 -> 10.0.0.2:21", "C2 10.0.0.3:40001 -> 10.0.0.2:21");
    assertThat(sessions.get(0).notes())
        .filteredOn(n -> n.kind() == NoteKind.LINES_MISSING)
        .extracting(n -> n.source().line())
        .containsExactly(6L);
    assertThat(sessions.get(1).notes())
        .filteredOn(n -> n.kind() == NoteKind.LINES_MISSING)
        .extracting(n -> n.source().line())
        .containsExactly(4L);
    // the 221 of line 3 answers RETR, which RFC 959 does not allow; the closing ones answer nothing
    assertThat(sessions.get(0).findings())
        .extracting(f -> f.rule().name() + " " + f.source().line())
        .containsExactly("REPLY_NOT_ALLOWED 3");
    assertThat(sessions.get(1).findings()).isEmpty();
  }

  /**
   * A connection whose last row, a 221, is followed only by rows of other connections is closed by
   * it: the 221 waits for the connection's next row, and at the end of the log it is the close.
   */
  @Test
  void aConnectionEndingOnA221InTheMiddleOfTheLogIsClosedThere() throws IOException {
    String first = "\tC1\t10.0.0.1\t40000\t10.0.0.2\t21\t";
    String second = "\tC2\t10.0.0.3\t40001\t10.0.0.2\t21\t";
    String log =
        HEADER
            + "1.0"
            + first
            + "RETR\ta.txt\t221\tYou could at least say goodbye.\n"
            + "2.0"
            + second
            + "PASV\t-\t227\tEntering Passive Mode (10,0,0,2,4,1).\n";

    List<SessionCheck> sessions =
        check("ftp.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(sessions.get(0).session()).startsWith("C1 ");
    assertThat(sessions.get(0).replies()).isEqualTo(1);
    assertThat(sessions.get(0).notes())
        .extracting(n -> n.kind().name() + " " + n.source().line())
        .containsExactly("UNLOGGED_COMMANDS 3", "LINES_MISSING 3");
    assertThat(sessions.get(0).findings()).isEmpty();
  }

  @Test
  void rowsAreCutAtEveryTabAsSplitCutsThem() {
    for (String row :
        List.of("", "\t", "a", "a\tb", "\ta\t\tb\t", "\t\t\t", "x\ty\tz\t-\t(empty)")) {
      String[] split = row.split("\t", -1);
      int[] starts = new int[split.length];
      int[] ends = new int[split.length];
      assertThat(ZeekFtpLog.tabSeparated(row, starts, ends)).as(row).isEqualTo(split.length);
      for (int i = 0; i < split.length; i++) {
        assertThat(row.substring(starts[i], ends[i])).as(row + " value " + i).isEqualTo(split[i]);
      }
    }
  }

  @Test
  void aRowWithMoreValuesThanTheHeaderIsCountedWithoutOverrunning() {
    int[] starts = new int[2];
    int[] ends = new int[2];
    assertThat(ZeekFtpLog.tabSeparated("a\tbb\tc\td", starts, ends)).isEqualTo(4);
    assertThat(starts).containsExactly(0, 2);
    assertThat(ends).containsExactly(1, 4);
  }

  @Test
  void aStartRowWithoutAGreetingStillStartsTheSession() throws IOException {
    String log = HEADER + "1.0\tC1\t10.0.0.1\t5000\t10.0.0.2\t21\t<init>\t-\t-\t-\n";

    List<SessionCheck> sessions =
        check("ftp.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    // before, the row was counted as dialogue yet gave the session nothing: it was not reported
    assertThat(sessions)
        .singleElement()
        .extracting(SessionCheck::session, SessionCheck::start)
        .containsExactly("C1 10.0.0.1:5000 -> 10.0.0.2:21", SessionCheck.Start.COMPLETE);
  }

  @Test
  void aReplyCodeOutOfRangeIsSaidToBeOneAsEveryReaderSaysIt() throws IOException {
    String log = HEADER + "1.0\tC1\t10.0.0.1\t5000\t10.0.0.2\t21\tRETR\tf\t700\tOdd.\n";

    List<SessionCheck> sessions =
        check("ftp.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    // "700" has three digits: what is wrong with it is the range
    assertThat(sessions.get(0).problems())
        .extracting(p -> p.message())
        .containsExactly("reply code is not three digits from 100 to 699: \"700\"");
  }

  /**
   * A reply_code that is no code is the server's text, quoted as every reader quotes a reply it
   * cannot read: its words are not read as a password.
   */
  @Test
  void aReplyCodeThatIsNoCodeIsQuotedAsTheServersText() throws IOException {
    String log =
        HEADER + "1.0\tC1\t10.0.0.1\t5000\t10.0.0.2\t21\tPASS\tx\tPassword-required\tOdd.\n";

    List<SessionCheck> sessions =
        check("ftp.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(sessions.get(0).problems())
        .extracting(p -> p.message())
        .containsExactly("reply code is not three digits from 100 to 699: \"Password-required\"");
  }

  @Test
  void thePasswordOfARowCutShortIsMaskedInTheRawLines() throws IOException {
    Path log = temp.resolve("ftp.log");
    Files.writeString(
        log,
        "#path\tftp\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tuser"
            + "\tpassword\tcommand\targ\treply_code\treply_msg\n"
            + "1.0\tC1\t10.0.0.1\t5000\t10.0.0.2\t21\tbob\t-\tRETR\tf\t550\tNo\n"
            + "2.0\tC1\t10.0.0.1\t5000\t10.0.0.2\t21\tbob\tTopSecret9\tRETR\tf\t550\n");

    CliRun run = CliRun.of("check", "--report", "html", log.toString());

    assertThat(run.out()).contains("row has 11 fields, the header 12").doesNotContain("TopSecret9");
  }

  @Test
  void passwordColumnIsMaskedWhereAReplyEchoesIt() throws IOException {
    List<String> lines =
        new ArrayList<>(
            Files.readAllLines(Path.of("samples/zeek/ftp-two-connections-handmade.log")));
    lines.add(
        8,
        "1795336823.1\tC1\t10.0.0.1\t5000\t10.0.0.2\t21\tanonymous\tZq9-pw\tRETR"
            + "\tftp://10.0.0.2/a\t-\t-\t425\tNo data channel for Zq9-pw\t-\t-\t-\t-\t-");
    Path log = temp.resolve("ftp.log");
    Files.write(log, lines);

    CliRun run = CliRun.of("check", "--explain-all", "--report", "json", log.toString());

    assertThat(run.out()).contains("No data channel for ****").doesNotContain("Zq9");
    // a session drawn in full shows the raw lines too (a clean one is drawn when every step is
    // explained, else it is one line of the session table): the password is masked there as well
    assertThat(CliRun.of("check", "--explain-all", "--report", "html", log.toString()).out())
        .contains("No data channel for ****")
        .doesNotContain("Zq9");
  }
}
