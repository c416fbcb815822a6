package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vsftpd's protocol log, recorded from vsftpd 3.0.3 on 127.0.0.1, and real logs by others. */
class VsftpdLogTest {

  private static TranscriptChecker.Result check(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new TranscriptChecker(ServerProfiles.RFC, null).check(file.toString(), in);
    }
  }

  @Test
  void sessionsAreSplitAcrossThePidChangeAtLogin() throws IOException {
    Path file = Path.of("samples/vsftpd/log-ftp-protocol-two-sessions.log");
    List<SessionCheck> sessions = check(file).sessions();
    assertThat(sessions)
        .extracting(SessionCheck::session)
        .containsExactly("127.0.0.1 pid 17062", "127.0.0.1 pid 17107");
    assertThat(sessions).allMatch(s -> s.format().equals("vsftpd") && s.problems().isEmpty());
    assertThat(sessions.get(0).commands()).isEqualTo(13);
    assertThat(sessions.get(0).findings()).isEmpty();
    assertThat(sessions.get(1).findings())
        .extracting(f -> f.rule().name() + "@" + f.source().line())
        .containsExactly(
            "PASS_WITHOUT_USER@37", "RNTO_WITHOUT_RNFR@44", "TRANSFER_WITHOUT_DATA_CHANNEL@46");
  }

  /**
   * A session that said goodbye (221) is forgotten at once, not kept among the 10,000 latest: a new
   * process of the same client whose CONNECT line the log lacks is a session of its own, named by
   * its pid, not more of the one that ended. Kept, the sessions that ended filled the old
   * generation of a large log's heap: a 1 GB log spent 4.5 s in collections, 1 s now.
   */
  @Test
  void aSessionThatSaidGoodbyeIsForgottenAndANewProcessOfItsClientIsAnother() throws IOException {
    String log =
        String.join(
            "\n",
            "Mon Nov 23 06:40:23 2026 [pid 100] CONNECT: Client \"10.0.0.1\"",
            "Mon Nov 23 06:40:23 2026 [pid 100] FTP response: Client \"10.0.0.1\", \"220 Hi\"",
            "Mon Nov 23 06:40:24 2026 [pid 100] FTP command: Client \"10.0.0.1\", \"QUIT\"",
            "Mon Nov 23 06:40:24 2026 [pid 100] FTP response: Client \"10.0.0.1\", \"221 Bye\"",
            "Mon Nov 23 06:40:25 2026 [pid 200] FTP command: Client \"10.0.0.1\", \"USER bob\"",
            "Mon Nov 23 06:40:25 2026 [pid 200] FTP response: Client \"10.0.0.1\", \"331 Pw\"",
            "");
    List<SessionCheck> sessions =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check("t", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))
            .sessions();
    assertThat(sessions)
        .extracting(SessionCheck::session)
        .containsExactly("10.0.0.1 pid 100", "10.0.0.1 pid 200");
    assertThat(sessions.get(1).commands()).isEqualTo(1);
  }

  @Test
  void loginFailuresWithoutProtocolLinesClaimNothing() throws IOException {
    Path corpus = Path.of("../shared/corpus/fail2ban/vsftpd");
    assumeTrue(Files.exists(corpus), "../shared/corpus is not here; the corpus check is skipped");
    TranscriptChecker.Result result = check(corpus);
    assertThat(result.unreadable()).isNull();
    List<SessionCheck> named =
        result.sessions().stream().filter(s -> !s.session().isEmpty()).toList();
    assertThat(named).hasSize(3).allMatch(s -> s.format().equals("vsftpd"));
    assertThat(named).allMatch(s -> s.start() == SessionCheck.Start.MID_SESSION);
    assertThat(result.sessions()).allMatch(s -> s.findings().isEmpty());
  }
}
