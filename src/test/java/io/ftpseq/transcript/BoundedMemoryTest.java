package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a check holds is bounded whatever the input: a session's listed findings, the sessions open
 * at once, a reply that never closes. Past each bound the rest is counted, and the report says so.
 */
class BoundedMemoryTest {

  private static TranscriptChecker.Result check(String text) throws IOException {
    return new TranscriptChecker(ServerProfiles.RFC, null)
        .check("bounded.log", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String vsftpd(int pid, String what, String payload) {
    return "Mon Nov 23 06:40:23 2026 [pid "
        + pid
        + "] "
        + what
        + ": Client \"10.0."
        + (pid / 250)
        + "."
        + (pid % 250)
        + "\""
        + (payload == null ? "" : ", \"" + payload + "\"")
        + "\n";
  }

  @Test
  void blankLinesBeforeAnyDialogueAreNotAllHeldToRecogniseTheFormat() throws IOException {
    // the head of an input is held until its format is known: blank lines do not count towards
    // the lines detection needs, and a file of nothing else once filled the memory
    int blank = TranscriptFormats.MOST_HEAD_LINES + 5;
    String log = "\n".repeat(blank) + vsftpd(1, "CONNECT", null) + vsftpd(1, "FTP command", "NOOP");

    TranscriptChecker.Result result = check(log);

    assertThat(result.summary().format()).isEmpty();
    assertThat(result.summary().inputProblems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo(
                        "no FTP dialogue: the first 10,000 lines are blank, and the format is"
                            + " recognised from the lines at the start; use --format to force one"));
    assertThat(result.summary().read()).isEqualTo(blank + 2L);
  }

  @Test
  void sessionQuietForLongestIsClosedEarlyWhenTooManyAreOpen() throws IOException {
    StringBuilder log = new StringBuilder();
    int sessions = OpenSessions.MAX_OPEN + 1;
    for (int pid = 1; pid <= sessions; pid++) {
      log.append(vsftpd(pid, "CONNECT", null));
      log.append(vsftpd(pid, "FTP response", "220 ready"));
    }
    log.append(vsftpd(1, "FTP command", "RNTO x"));
    log.append(vsftpd(1, "FTP response", "503 RNFR required first."));

    TranscriptChecker.Result result = check(log.toString());

    SessionCheck first = result.sessions().get(0);
    assertThat(first.notes()).anyMatch(n -> n.kind() == NoteKind.CLOSED_EARLY);
    List<SessionCheck> resumed =
        result.sessions().stream()
            .skip(1)
            .filter(s -> s.session().equals(first.session()))
            .toList();
    assertThat(resumed)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.start()).isEqualTo(SessionCheck.Start.MID_SESSION);
              assertThat(s.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
            });
    assertThat(result.sessions()).hasSize(sessions + 1);
    assertThat(result.summary().read()).isEqualTo(2L * sessions + 2);
  }

  @Test
  void sessionEndedByItsGoodbyeIsNotHeldOpen() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int pid = 1; pid <= OpenSessions.MAX_OPEN + 5; pid++) {
      log.append(vsftpd(pid, "CONNECT", null));
      log.append(vsftpd(pid, "FTP command", "QUIT"));
      log.append(vsftpd(pid, "FTP response", "221 Goodbye."));
    }

    TranscriptChecker.Result result = check(log.toString());

    assertThat(result.sessions()).hasSize(OpenSessions.MAX_OPEN + 5);
    assertThat(result.sessions())
        .noneMatch(s -> s.notes().stream().anyMatch(n -> n.kind() == NoteKind.CLOSED_EARLY));
  }

  @Test
  void findingsPastTheBoundAreCountedNotListed() throws IOException {
    StringBuilder dialogue =
        new StringBuilder("S: 220 ready\nC: USER a\nS: 331 ok\nC: PASS p\nS: 230 in\n");
    int extra = 7;
    for (int i = 0; i < Validator.LISTED_FINDINGS + extra; i++) {
      dialogue.append("C: RNTO x\nS: 503 RNFR required first.\n");
    }

    SessionCheck session = check(dialogue.toString()).sessions().get(0);

    assertThat(session.findings()).hasSize(Validator.LISTED_FINDINGS);
    assertThat(session.unlisted().errors()).isEqualTo(extra);
    assertThat(session.count(Severity.ERROR)).isEqualTo(Validator.LISTED_FINDINGS + extra);
    assertThat(session.problemCount()).isZero(); // all of the input was read
  }

  @Test
  void replyThatNeverClosesIsGivenAtItsBound() throws IOException {
    // a bound in bytes: 5,000 lines of a thousand bytes are more than it holds
    StringBuilder dialogue = new StringBuilder("S: 220 ready\nC: FEAT\nS: 211-Features:\n");
    for (int i = 0; i < 5_000; i++) {
      dialogue.append("S:  X").append("x".repeat(1_000)).append('\n');
    }

    TranscriptChecker.Result result = check(dialogue.toString());

    assertThat(result.sessions().get(0).problems())
        .anyMatch(
            p ->
                p.message().contains("holds more than 4 MB (")
                    && p.message()
                        .endsWith(
                            "lines) without its closing line; it is taken as" + " ending here"));
    assertThat(result.summary().read()).isEqualTo(5_003);
  }
}
