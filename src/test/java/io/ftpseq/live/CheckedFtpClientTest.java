package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CheckedFtpClient}: strict mode refuses before sending, observe mode only records. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckedFtpClientTest {

  @TempDir Path temp;
  private EmbeddedFtpServer server;
  private FTPClient open;

  @BeforeEach
  void startServer() throws Exception {
    server = EmbeddedFtpServer.start(temp.resolve("home"));
    Files.writeString(temp.resolve("home/report.csv"), ServerFixture.REPORT);
  }

  @AfterEach
  void stop() throws IOException {
    if (open != null && open.isConnected()) {
      open.disconnect();
    }
    server.close();
  }

  @Test
  void strictRefusesPassBeforeUserWithoutSendingIt() throws IOException {
    CheckedFtpClient client = connected(new CheckedFtpClient(CheckMode.STRICT));
    assertThatThrownBy(() -> client.sendCommand("PASS", EmbeddedFtpServer.PASSWORD))
        .isInstanceOf(FtpSequenceException.class)
        .hasMessageStartingWith(
            "ftpseq refused to send this command:\nPASS_WITHOUT_USER at command 1 \"PASS ****\":"
                + " PASS was refused before sending: no USER was accepted before it")
        .hasMessageNotContaining("was sent")
        .hasMessageContaining("fix: Send USER first")
        .hasMessageNotContaining(EmbeddedFtpServer.PASSWORD)
        .satisfies(
            e ->
                assertThat(((FtpSequenceException) e).findings())
                    .extracting(f -> f.rule())
                    .containsExactly(Rule.PASS_WITHOUT_USER));
    assertThat(client.watch().transcript())
        .doesNotContain("C: PASS")
        .contains("# refused by ftpseq before sending: PASS ****");
    // Nothing went on the wire, so the session goes on as if the call had not been made.
    assertThat(client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD)).isTrue();
    assertThat(client.watch().check().findings()).isEmpty();
    assertThat(client.watch().refused()).hasSize(1);
  }

  @Test
  void reportCountsEachRefusedCommandAndSaysItWasRefusedAtItsTranscriptLine() throws IOException {
    CheckedFtpClient client = connected(new CheckedFtpClient(CheckMode.STRICT));
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    assertThatThrownBy(() -> client.rnto("renamed.csv")).isInstanceOf(FtpSequenceException.class);
    client.logout();
    List<String> transcript = client.watch().transcript().lines().toList();
    int refused = transcript.indexOf("# refused by ftpseq before sending: RNTO renamed.csv") + 1;
    assertThat(refused).isPositive();
    assertThat(client.watch().report())
        .contains(
            "ftp-session:"
                + refused
                + ": error RNTO_WITHOUT_RNFR: RNTO was refused before sending: the command just"
                + " before it was PASS ****")
        .contains("  fix: Send RNFR with the old name")
        .doesNotContain("was sent")
        .contains("1 session(s) in 1 input(s): 1 error(s), 0 warning(s)");
    assertThat(client.watch().report("target/ftpseq/upload-1.txt"))
        .as("the report the JUnit extension writes names the transcript file")
        .contains(
            "target/ftpseq/upload-1.txt:"
                + refused
                + ": error RNTO_WITHOUT_RNFR: RNTO was refused before sending:")
        .doesNotContain("ftp-session:", "was sent");
  }

  /**
   * The transcript of a test that failed on a refused command, checked again as the failure says
   * ({@code ftpseq check TRANSCRIPT}), finds what the test failed on, at the refusal's line: it
   * found nothing, as the refused command is no command of the dialogue.
   */
  @Test
  void transcriptCheckedAgainFindsTheRefusedCommandAtItsLine() throws IOException {
    CheckedFtpClient client = connected(new CheckedFtpClient(CheckMode.STRICT));
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    assertThatThrownBy(() -> client.rnto("renamed.csv")).isInstanceOf(FtpSequenceException.class);
    client.logout();
    String transcript = client.watch().transcript();
    int refused =
        transcript.lines().toList().indexOf("# refused by ftpseq before sending: RNTO renamed.csv")
            + 1;
    SessionCheck again =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check(
                "transcript.txt",
                new ByteArrayInputStream(transcript.getBytes(StandardCharsets.UTF_8)))
            .sessions()
            .get(0);
    assertThat(again.findings())
        .extracting(f -> f.rule() + "@" + f.source().line())
        .containsExactly("RNTO_WITHOUT_RNFR@" + refused);
    assertThat(again.notes())
        .extracting(note -> note.kind() + "@" + note.source().line())
        .contains("REFUSED_BEFORE_SENDING@" + refused);
  }

  /**
   * A command sent on a client that is not connected (before connect, or after disconnect) fails as
   * Commons Net fails it, "Connection is not open": there is no session for it to break the order
   * of, so a strict client neither judges nor refuses it, and the test reports no finding.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void strictClientThatIsNotConnectedFailsAsCommonsNetDoesAndRefusesNothing(boolean secure)
      throws IOException {
    FTPClient client =
        secure ? new CheckedFtpsClient(CheckMode.STRICT) : new CheckedFtpClient(CheckMode.STRICT);
    FtpSessionWatch watch = FtpSeq.watch(client);
    assertThatThrownBy(() -> client.sendCommand("PASS", EmbeddedFtpServer.PASSWORD))
        .isNotInstanceOf(FtpSequenceException.class)
        .hasMessage("Connection is not open");
    if (!secure) {
      connected(client);
      client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
      client.logout();
      client.disconnect();
      assertThatThrownBy(() -> client.sendCommand("RNTO", "x"))
          .isNotInstanceOf(FtpSequenceException.class)
          .hasMessage("Connection is not open");
    }
    assertThat(watch.refused()).isEmpty();
    assertThat(watch.findings()).isEmpty();
    assertThat(watch.transcript()).doesNotContain("refused");
  }

  @Test
  void strictRefusesRntoWithoutRnfrFromTheLowLevelApi() throws IOException {
    CheckedFtpClient client = connected(new CheckedFtpClient(CheckMode.STRICT));
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    assertThatThrownBy(() -> client.rnto("renamed.csv"))
        .isInstanceOf(FtpSequenceException.class)
        .hasMessageContaining("RNTO_WITHOUT_RNFR at command 3 \"RNTO renamed.csv\"");
    assertThat(client.rename("report.csv", "renamed.csv")).isTrue();
  }

  @Test
  void strictAtWarningRefusesATransferWithoutADataChannel() throws IOException {
    CheckedFtpClient client =
        connected(new CheckedFtpClient(CheckMode.STRICT, Severity.WARNING, "strict"));
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    assertThatThrownBy(() -> client.retr("report.csv"))
        .isInstanceOf(FtpSequenceException.class)
        .hasMessageContaining("TRANSFER_WITHOUT_DATA_CHANNEL at command 3 \"RETR report.csv\"");
  }

  @Test
  void strictLetsACorrectHighLevelSessionThrough() throws IOException {
    CheckedFtpClient client =
        connected(new CheckedFtpClient(CheckMode.STRICT, Severity.INFO, "strict"));
    ServerFixture.cleanSession(client);
    assertThat(client.watch().findings()).isEmpty();
    assertThat(client.watch().refused()).isEmpty();
  }

  @Test
  void observeSendsTheCommandAndRecordsTheServersAnswer() throws IOException {
    CheckedFtpClient client = connected(new CheckedFtpClient(CheckMode.OBSERVE));
    assertThat(client.sendCommand("PASS", EmbeddedFtpServer.PASSWORD))
        .isEqualTo(FTPReply.BAD_COMMAND_SEQUENCE);
    assertThat(client.watch().findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.PASS_WITHOUT_USER);
              assertThat(f.reply().code().value()).isEqualTo(503);
            });
  }

  @Test
  void watchingACheckedClientGivesItsOwnWatch() {
    CheckedFtpClient client = new CheckedFtpClient(CheckMode.OBSERVE);
    assertThat(FtpSeq.watch(client)).isSameAs(client.watch());
  }

  @Test
  void strictClientWhoseSocketDropsReportsTheFailureAndKeepsItsRecord() throws IOException {
    ServerFixture.DroppableConnection connection = new ServerFixture.DroppableConnection();
    CheckedFtpClient client = new CheckedFtpClient(CheckMode.STRICT);
    client.setSocketFactory(connection.factory());
    connected(client).login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    connection.drop();
    // The failure is the socket's, not an ordering one: Commons Net's own IOException comes out.
    assertThatThrownBy(() -> client.rename("report.csv", "renamed.csv"))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(FtpSequenceException.class);
    // the read that failed is where the connection was lost: RNFR waited for its reply there
    assertThat(client.watch().transcript())
        .endsWith("C: RNFR report.csv\n# closed by the server: Connection reset\n");
    assertThat(client.watch().findings())
        .extracting(Finding::rule, f -> f.command().text())
        .containsExactly(tuple(Rule.CONNECTION_CLOSED_DURING_COMMAND, "RNFR report.csv"));
  }

  private <C extends FTPClient> C connected(C client) throws IOException {
    open = client;
    ServerFixture.connect(client, server);
    return client;
  }
}
