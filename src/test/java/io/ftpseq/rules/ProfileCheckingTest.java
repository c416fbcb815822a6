package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.transcript.DialogueTranscript;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The validator with a server profile: which profile a session gets, and when it predicts. */
class ProfileCheckingTest {

  private static final String LOGIN = "C: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n";

  @Test
  void autoPicksFromTheSystReplyWhenTheGreetingNamesNoServer() throws IOException {
    SessionCheck session =
        check(ProfileChoice.AUTO, "S: 220 Welcome\n" + LOGIN + "C: SYST\nS: 215 Windows_NT\n");

    assertThat(session.profile().name()).isEqualTo("iis");
    assertThat(session.profileBasis())
        .isEqualTo(new ProfileBasis(ProfileBasis.Kind.SYST, "215 Windows_NT"));
  }

  @Test
  void theGreetingWinsOverTheSystReply() throws IOException {
    SessionCheck session =
        check(
            ProfileChoice.AUTO,
            "S: 220 ProFTPD Server (Debian) [127.0.0.1]\n"
                + LOGIN
                + "C: SYST\nS: 215 Windows_NT\n");

    assertThat(session.profile().name()).isEqualTo("proftpd");
    assertThat(session.profileBasis().kind()).isEqualTo(ProfileBasis.Kind.GREETING);
  }

  @Test
  void autoFallsBackToRfcAndSaysSo() throws IOException {
    SessionCheck session = check(ProfileChoice.AUTO, "S: 220 Welcome\n" + LOGIN);

    assertThat(session.profile().isRfc()).isTrue();
    assertThat(session.profileBasis()).isEqualTo(ProfileBasis.UNRECOGNISED);
  }

  @Test
  void aRecordThatStartsMidSessionGetsNoPredictions() throws IOException {
    SessionCheck session =
        check(
            ProfileChoice.of(ServerProfiles.builtIn("vsftpd").orElseThrow()),
            "C: RETR a\nS: 150 go\nS: 226 done\nC: RNTO b\nS: 250 ok\n");

    assertThat(session.findings())
        .extracting(f -> f.rule().name())
        .doesNotContain("REPLY_DIFFERS_FROM_PROFILE");
  }

  @Test
  void predictionsFollowTheRealSession() throws IOException {
    SessionCheck session =
        check(
            ProfileChoice.of(ServerProfiles.builtIn("apache-ftpserver").orElseThrow()),
            "S: 220 Service ready for new user.\n"
                + LOGIN
                + "C: RNFR a\nS: 350 pending\nC: NOOP\nS: 200 ok\nC: RNTO b\nS: 250 renamed\n");

    assertThat(session.findings())
        .filteredOn(f -> f.rule() == Rule.REPLY_DIFFERS_FROM_PROFILE)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.command().text()).isEqualTo("RNTO b");
              assertThat(f.prediction().code()).isEqualTo(503);
              assertThat(f.prediction().situation()).hasToString("RNTO_AFTER_INTERVENING_COMMAND");
            });
  }

  private static SessionCheck check(ProfileChoice choice, String dialogue) throws IOException {
    TranscriptChecker checker = new TranscriptChecker(choice, new DialogueTranscript(), null);
    return checker
        .check("test", new ByteArrayInputStream(dialogue.getBytes(StandardCharsets.UTF_8)))
        .sessions()
        .get(0);
  }
}
