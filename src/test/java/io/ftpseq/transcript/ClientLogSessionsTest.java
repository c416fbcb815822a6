package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.SessionCheck.Start;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the ftp, FileZilla, WinSCP and FluentFTP readers split a log into sessions, where they take
 * each event's time, and what they make of lines that are not theirs.
 */
class ClientLogSessionsTest {

  private static TranscriptChecker.Result check(String name, String log) throws IOException {
    return new TranscriptChecker(ServerProfiles.RFC, null)
        .check(name, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<SessionCheck> sample(String file) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return new TranscriptChecker(ServerProfiles.RFC, null).check(file, in).sessions();
    }
  }

  @Test
  void fileZillaLogFileIsSplitByPidAndEngine() throws IOException {
    List<SessionCheck> sessions = sample("samples/filezilla/logfile-two-connections-handmade.log");
    assertThat(sessions)
        .extracting(SessionCheck::session)
        .containsExactly("pid 4711 engine 1", "pid 4711 engine 2");
    assertThat(sessions).allMatch(s -> s.format().equals("filezilla"));
    assertThat(sessions).allMatch(s -> s.start() == Start.COMPLETE && s.problems().isEmpty());
    assertThat(sessions).extracting(SessionCheck::commands).containsExactly(8, 5);
    assertThat(sessions).allMatch(s -> s.findings().isEmpty());
  }

  @Test
  void winScpBackgroundTransferIsASessionOfItsOwn() throws IOException {
    List<SessionCheck> sessions = sample("samples/winscp/session-clean-handmade.log");
    assertThat(sessions).extracting(SessionCheck::session).containsExactly("", "Background 1");
    assertThat(sessions).allMatch(s -> s.format().equals("winscp") && s.problems().isEmpty());
    assertThat(sessions).allMatch(s -> s.start() == Start.COMPLETE && s.findings().isEmpty());
    // the FEAT reply's four continuation lines are one reply
    assertThat(sessions.get(0).replies()).isEqualTo(11);
  }

  @Test
  void tnftpPassiveReplyPrintedTwiceIsOneReply() throws IOException {
    SessionCheck session = sample("samples/ftp/tnftp-apache-ftpserver-clean.log").get(0);
    // 17 commands, the greeting, and a 150 before each of the three transfers' final replies
    assertThat(session.commands()).isEqualTo(17);
    assertThat(session.replies()).isEqualTo(21);
    assertThat(session.problems()).isEmpty();
    assertThat(session.findings()).isEmpty();
  }

  @Test
  void everyConnectedToLineOfFtpStartsASession() throws IOException {
    String log =
        "Connected to a.\n220 hi\n---> USER u\n331 pw\n---> PASS XXXX\n230 ok\n---> QUIT\n221 bye\n"
            + "Connected to b.\n220 hi\n---> RNTO x\n503 no\n";
    List<SessionCheck> sessions = check("ftp.log", log).sessions();
    assertThat(sessions)
        .extracting(SessionCheck::session)
        .containsExactly("connection 1", "connection 2");
    assertThat(sessions).allMatch(s -> s.format().equals("ftp"));
    assertThat(sessions.get(1).findings())
        .extracting(f -> f.rule().name())
        .contains("RNTO_WITHOUT_RNFR");
  }

  @Test
  void fileZillaWindowCopyStartingMidSessionIsMarkedSo() throws IOException {
    String log =
        "Command:\tRNTO x\nResponse:\t503 Can't find the file which has to be renamed.\n"
            + "Command:\tTYPE I\nResponse:\t200 Command TYPE okay.\n"
            + "Status:\tConnecting to 127.0.0.1:21...\nResponse:\t220 ready\n"
            + "Command:\tUSER u\nResponse:\t331 pw\n";
    List<SessionCheck> sessions = check("copy.log", log).sessions();
    assertThat(sessions).hasSize(2);
    assertThat(sessions.get(0).start()).isEqualTo(Start.MID_SESSION);
    assertThat(sessions.get(0).findings())
        .as("no confident finding about a state the copy does not show")
        .noneMatch(f -> f.rule().isClientRule());
    assertThat(sessions.get(1).session()).isEqualTo("connection 2");
    assertThat(sessions.get(1).start()).isEqualTo(Start.COMPLETE);
  }

  @Test
  void timesComeFromEachFormatsOwnStamp() throws IOException {
    String fileZilla =
        "2026-11-22 10:00:00 1 1 Response: 220 hi\n2026-11-22 10:00:01 1 1 Command: RNTO x\n"
            + "2026-11-22 10:00:02 1 1 Response: 503 no\n";
    assertThat(check("fz", fileZilla).sessions().get(0).findings().get(0).source().time())
        .isEqualTo("2026-11-22T10:00:01");
    String winScp =
        "< 2026-11-22 10:00:00.201 220 hi\n> 2026-11-22 10:00:00.305 USER u\n"
            + "< 2026-11-22 10:00:00.306 331 pw\n> 2026-11-22 10:00:00.402 RNTO x\n"
            + "< 2026-11-22 10:00:00.403 503 no\n";
    assertThat(check("w", winScp).sessions().get(0).findings().get(0).source().time())
        .isEqualTo("2026-11-22T10:00:00.402");
    String fluent =
        "# Connect()\nResponse: 220 hi [1ms]\nCommand:  RNTO x\nResponse: 503 no [0ms]\n";
    SessionCheck untimed = check("f", fluent).sessions().get(0);
    assertThat(untimed.findings().get(0).source().hasTime()).isFalse();
    assertThat(untimed.findings().get(0).reply().text()).isEqualTo("no");
  }

  @Test
  void strayLinesAreOneLineProblemsAndReadingGoesOn() throws IOException {
    String log =
        "< 2026-11-22 10:00:00.201 220 hi\nsomething else entirely\n"
            + "> 2026-11-22 10:00:00.305 RNTO x\n< 2026-11-22 10:00:00.306 503 no\n";
    TranscriptChecker.Result result = check("w.log", log);
    List<String> problems =
        result.sessions().stream()
            .flatMap(s -> s.problems().stream())
            .map(p -> p.source() + ": " + p.message())
            .toList();
    assertThat(problems)
        .containsExactly("w.log:2: not a line of the WinSCP log: \"something else entirely\"");
    assertThat(result.sessions().get(0).findings())
        .extracting(f -> f.rule().name())
        .contains("RNTO_WITHOUT_RNFR");
  }

  @Test
  void textThatIsNoFtpTranscriptIsReportedAsNone() throws IOException {
    TranscriptChecker.Result result =
        check("notes.txt", "Shopping list\n- milk\n- bread\n\nCall Anna at 5 pm.\n");
    assertThat(result.sessions()).isEmpty();
    assertThat(result.unreadable().source() + ": " + result.unreadable().message())
        .startsWith("notes.txt: not an FTP transcript in any known format (")
        .contains("filezilla", "winscp", "fluentftp", "ftp,");
  }
}
