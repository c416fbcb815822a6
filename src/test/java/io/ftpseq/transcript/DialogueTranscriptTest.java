package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dialogue format's one meaningful comment: a command the client library sent on its own. */
class DialogueTranscriptTest {

  private static final String FEAT_BEFORE_LOGIN =
      """
      S: 220 Service ready
      %s
      C: FEAT
      S: 250 Done.
      C: USER alice
      S: 331 Password required
      C: PASS wonderland
      S: 230 Logged in
      C: FEAT
      S: 211 No features
      """;

  @Test
  void findingsAboutAnUnmarkedCommandAreReported() throws IOException {
    SessionCheck session = check(FEAT_BEFORE_LOGIN.formatted("# an ordinary comment"));
    assertThat(session.findings())
        .extracting(f -> f.rule().name() + "@" + f.source().line())
        .containsExactly("REPLY_NOT_ALLOWED@4");
  }

  @Test
  void findingsAboutALibrarysOwnCommandAreLeftOut() throws IOException {
    SessionCheck session =
        check(
            FEAT_BEFORE_LOGIN.formatted(
                "# sent by Commons Net itself: setAutodetectUTF8(true) asks FEAT"));
    assertThat(session.problems()).isEmpty();
    assertThat(session.findings()).isEmpty();
    assertThat(session.commands()).isEqualTo(4);
  }

  @Test
  void theMarkCoversOnlyTheNextCommand() throws IOException {
    String text =
        """
        S: 220 Service ready
        # sent by Commons Net itself
        C: NOOP
        S: 200 OK
        C: FEAT
        S: 250 Done.
        """;
    assertThat(check(text).findings())
        .extracting(Finding::rule)
        .extracting(Enum::name)
        .containsExactly("REPLY_NOT_ALLOWED");
  }

  @Test
  void theMarkDoesNotHideWhatTheCommandDoesToTheSession() throws IOException {
    String text =
        """
        S: 220 Service ready
        # sent by a library itself: it logs in on its own
        C: USER alice
        S: 331 Password required
        C: PASS wonderland
        S: 230 Logged in
        C: RNTO b.txt
        S: 503 RNFR first
        """;
    assertThat(check(text).findings())
        .extracting(f -> f.rule().name() + "@" + f.source().line())
        .containsExactly("RNTO_WITHOUT_RNFR@7");
  }

  @Test
  void linesMissingEndsTheOpenExchangeSoLaterRepliesPairRight() throws IOException {
    String text =
        """
        S: 220 Service ready
        C: USER alice
        S: 331 Password required
        C: PASS wonderland
        S: 230 Logged in
        C: PASV
        S: 227 Entering Passive Mode (127,0,0,1,4,1)
        C: RETR big.bin
        S: 150 Opening data connection
        %s
        C: NOOP
        S: 200 OK
        """;
    assertThat(check(text.formatted("# a comment")).findings())
        .extracting(f -> f.rule().name() + "@" + f.source().line())
        .containsExactly("REPLY_NOT_ALLOWED@12");
    SessionCheck marked = check(text.formatted("# lines missing: the 226 was not reported"));
    assertThat(marked.findings()).isEmpty();
    assertThat(marked.start()).isEqualTo(SessionCheck.Start.COMPLETE);
  }

  @Test
  void startMissingMakesTheSessionMidSession() throws IOException {
    String text =
        """
        # start missing: watch attached after the session started
        C: USER alice
        S: 331 Password required
        """;
    assertThat(check(text).start()).isEqualTo(SessionCheck.Start.MID_SESSION);
  }

  private static SessionCheck check(String text) throws IOException {
    TranscriptChecker.Result result =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check("session.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(result.sessions()).hasSize(1);
    SessionCheck session = result.sessions().get(0);
    assertThat(session.format()).isEqualTo("dialogue");
    return session;
  }
}
