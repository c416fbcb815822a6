package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.ftpseq.protocol.Command;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ProtocolCommandListener;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;

/** {@link FtpSeq#watch} on a plain {@link FTPClient} against a real Apache FtpServer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FtpSessionWatchTest {

  @TempDir Path temp;
  private EmbeddedFtpServer server;
  private final FTPClient client = new FTPClient();

  @BeforeEach
  void startServer() throws Exception {
    server = EmbeddedFtpServer.start(temp.resolve("home"));
    Files.writeString(temp.resolve("home/report.csv"), ServerFixture.REPORT);
  }

  @AfterEach
  void stop() throws IOException {
    if (client.isConnected()) {
      client.disconnect();
    }
    server.close();
  }

  @Test
  void cleanHighLevelSessionHasNoFindings() throws IOException {
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    ServerFixture.cleanSession(client);
    SessionCheck check = watch.check();
    assertThat(check.start()).isEqualTo(SessionCheck.Start.COMPLETE);
    assertThat(watch.findings()).isEmpty();
    assertThat(watch.transcript())
        .contains("S: 220 ", "C: USER alice", "C: PASS ****", "C: REST 3", "C: MLSD", "C: DELE");
  }

  @Test
  void passwordIsMaskedEverywhere() throws IOException {
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    assertThat(watch.transcript()).doesNotContain(EmbeddedFtpServer.PASSWORD);
    assertThat(watch.events().toString()).doesNotContain(EmbeddedFtpServer.PASSWORD);
  }

  /**
   * A password the session sent, sent again in another command (typed into the wrong field, or a
   * file named after it): masked there too, in every output of every way of watching, as {@code
   * ftpseq check} masks it in a transcript.
   */
  @ParameterizedTest
  @EnumSource(CheckMode.class)
  @NullSource
  void passwordSentAgainInAnotherCommandIsMaskedThereToo(CheckMode mode) throws IOException {
    FTPClient watched = mode == null ? client : new CheckedFtpClient(mode);
    FtpSessionWatch watch = FtpSeq.watch(watched);
    ServerFixture.connect(watched, server);
    try {
      watched.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
      String said;
      try {
        watched.sendCommand("RNTO", EmbeddedFtpServer.PASSWORD);
        said = "";
      } catch (FtpSequenceException refused) {
        said = refused.getMessage();
      }
      assertThat(watch.findings()).extracting(f -> f.rule()).contains(Rule.RNTO_WITHOUT_RNFR);
      assertThat(said + watch.describe(watch.findings()) + watch.report() + watch.transcript())
          .contains("RNTO ****")
          .doesNotContain(EmbeddedFtpServer.PASSWORD);
      assertThat(watch.events().toString()).doesNotContain(EmbeddedFtpServer.PASSWORD);
    } finally {
      watched.disconnect();
    }
  }

  @Test
  void outOfOrderCommandsAreFlaggedAndNumbered() throws IOException {
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    client.pass(EmbeddedFtpServer.PASSWORD);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.rnto("renamed.csv");
    client.retr("report.csv");
    List<Finding> findings = watch.findings();
    assertThat(findings)
        .extracting(f -> f.rule().name())
        .contains("PASS_WITHOUT_USER", "RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL");
    assertThat(watch.describe(findings))
        .contains("PASS_WITHOUT_USER at command 1 \"PASS ****\": PASS was sent")
        .contains("RNTO_WITHOUT_RNFR at command 4 \"RNTO renamed.csv\"")
        .contains("TRANSFER_WITHOUT_DATA_CHANNEL at command 5 \"RETR report.csv\"")
        .contains("  why: RFC 959 §4.1.1", "  fix: Send USER first");
  }

  @Test
  void transcriptReadsBackWithTheSameFindingsAtTheSameLines() throws IOException {
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    client.pass(EmbeddedFtpServer.PASSWORD);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.features();
    client.rnto("renamed.csv");
    client.logout();
    TranscriptChecker checker = new TranscriptChecker(ServerProfiles.RFC, null);
    TranscriptChecker.Result result =
        checker.check(
            watch.name(),
            new ByteArrayInputStream(watch.transcript().getBytes(StandardCharsets.UTF_8)));
    SessionCheck readBack = result.sessions().get(0);
    assertThat(readBack.format()).isEqualTo("dialogue");
    assertThat(readBack.problems()).isEmpty();
    assertThat(readBack.findings()).isEqualTo(watch.check().findings());
    assertThat(readBack.commands()).isEqualTo(watch.check().commands());
    assertThat(readBack.replies()).isEqualTo(watch.check().replies());
  }

  @Test
  void multiLineReplyIsOneReplyWithAllItsLines() throws IOException {
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.features();
    List<SessionEvent> events = watch.events();
    ReplyReceived feat = (ReplyReceived) events.get(events.size() - 1);
    assertThat(feat.reply().code().value()).isEqualTo(211);
    assertThat(feat.reply().lines()).hasSizeGreaterThan(2).contains(" UTF8", "211 End");
    assertThat(watch.transcript()).contains("S: 211-Extensions supported\nS:  SIZE\n");
  }

  @Test
  void watchAttachedAfterConnectKnowsItMissedTheStart() throws IOException {
    ServerFixture.connect(client, server);
    FtpSessionWatch watch = FtpSeq.watch(client);
    client.sendCommand("PASS", "x");
    assertThat(watch.check().start()).isEqualTo(SessionCheck.Start.MID_SESSION);
    // Only the server's 503 is known; whether PASS was out of order is not.
    assertThat(watch.findings())
        .extracting(f -> f.rule().name())
        .containsExactly("SEQUENCE_REPLY_UNEXPLAINED");
    assertThat(watch.transcript()).contains("# start missing: watch attached after the session");
    SessionCheck readBack =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check(
                watch.name(),
                new ByteArrayInputStream(watch.transcript().getBytes(StandardCharsets.UTF_8)))
            .sessions()
            .get(0);
    assertThat(readBack.start()).isEqualTo(SessionCheck.Start.MID_SESSION);
    assertThat(readBack.findings()).isEqualTo(watch.check().findings());
  }

  @Test
  void detachedWatchStopsRecording() throws IOException {
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    watch.detach();
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    assertThat(watch.events()).hasSize(1);
  }

  @Test
  void listenerThatThrowsBeforeTheWatchCostsTheReplyButInventsNoFinding() throws IOException {
    ProtocolCommandListener broken = mock(ProtocolCommandListener.class);
    doThrow(new IllegalStateException("listener bug")).when(broken).protocolReplyReceived(any());
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    client.addProtocolCommandListener(broken);
    // The watch is first in line, so it still gets every reply; the broken listener then throws.
    assertThatThrownBy(() -> client.user(EmbeddedFtpServer.USER))
        .isInstanceOf(IllegalStateException.class);
    client.removeProtocolCommandListener(broken);
    client.pass(EmbeddedFtpServer.PASSWORD);
    assertThat(watch.findings()).isEmpty();
    assertThat(watch.events())
        .filteredOn(e -> e instanceof CommandSent)
        .extracting(e -> ((CommandSent) e).command())
        .containsExactly(Command.parse("USER alice"), Command.parse("PASS x"));
  }

  @Test
  void connectionDroppedByTheServerLeavesTheCommandWithoutReply() throws IOException {
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    server.close();
    assertThatThrownBy(client::pwd).isInstanceOf(IOException.class);
    assertThat(watch.findings()).isEmpty();
    assertThat(watch.transcript()).contains("C: PASS ****\nS: 230");
  }

  @Test
  void socketThatDropsMidSessionLeavesTheCommandUnansweredAndInventsNoFinding() throws IOException {
    ServerFixture.DroppableConnection connection = new ServerFixture.DroppableConnection();
    client.setSocketFactory(connection.factory());
    FtpSessionWatch watch = FtpSeq.watch(client);
    ServerFixture.connect(client, server);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    connection.drop();
    assertThatThrownBy(client::pwd).isInstanceOf(IOException.class);
    assertThat(watch.transcript())
        .endsWith("C: PASS ****\nS: 230 User logged in, proceed.\nC: PWD\n");
    assertThat(watch.findings()).isEmpty();
    assertThat(watch.check().commands()).isEqualTo(3);
  }
}
