package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ftpseq.profile.ProfileChoice;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Severity;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Live checking against every real server: the embedded Apache FtpServer and the Debian servers
 * (vsftpd, ProFTPD, Pure-FTPd, pyftpdlib) where they are installed. Each server starts once for the
 * class, when its first test needs it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveRealServersTest {

  @TempDir static Path home;

  private static final Map<RealServer, FtpServerUnderTest> STARTED =
      new EnumMap<>(RealServer.class);

  @AfterAll
  static void stopServers() {
    STARTED.values().forEach(FtpServerUnderTest::close);
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void autoPicksTheServersProfileFromItsGreeting(RealServer kind) throws Exception {
    FtpServerUnderTest server = server(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    connect(client, server);
    client.login(server.user(), server.password());
    client.logout();
    client.disconnect();

    assertThat(watch.check().profile().name()).isEqualTo(kind.label());
    assertThat(watch.findingsAtLeast(Severity.WARNING)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void carelessCodeIsCaughtWithWhatTheServerAnswers(RealServer kind) throws Exception {
    FtpServerUnderTest server = server(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    connect(client, server);
    ReportUploader uploader = ReportUploader.careless(client);
    uploader.login(server.user(), server.password());
    uploader.publish("careless-" + kind.label() + ".csv", ServerFixture.bytes("a,b\n"));
    downloadWithoutWaiting(uploader, client);
    client.disconnect();

    assertThat(watch.findingsAtLeast(Severity.WARNING))
        .extracting(f -> f.rule().name())
        .containsExactly("PASS_WITHOUT_USER", "RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL");
    assertThat(watch.describe(watch.findings()))
        .contains("RNTO_WITHOUT_RNFR at command 6 \"RNTO careless-" + kind.label() + ".csv\"")
        .doesNotContain(server.password());
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void correctCodeWithKeepAliveAndRestartPasses(RealServer kind) throws Exception {
    FtpServerUnderTest server = server(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    connect(client, server);
    ReportUploader uploader = new ReportUploader(client);
    uploader.login(server.user(), server.password());
    String name = "daily-" + kind.label() + ".csv";
    uploader.publish(name, ServerFixture.bytes(ServerFixture.REPORT));
    assertThat(uploader.download(name)).hasSize(ServerFixture.REPORT.length());
    assertThat(uploader.resume(name, 3)).hasSize(ServerFixture.REPORT.length() - 3);
    client.logout();
    client.disconnect();

    assertThat(watch.transcript()).contains("C: REST 3", "C: RNFR " + name + ".part");
    assertThat(watch.findingsAtLeast(Severity.WARNING)).extracting(Finding::rule).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void strictRefusalSaysWhatTheDetectedServerAnswers(RealServer kind) throws Exception {
    FtpServerUnderTest server = server(kind);
    CheckedFtpClient client =
        new CheckedFtpClient(CheckMode.STRICT, Severity.ERROR, "strict", ProfileChoice.AUTO);
    connect(client, server);
    client.login(server.user(), server.password());
    try {
      assertThatThrownBy(() -> client.rnto("nowhere.csv"))
          .isInstanceOf(FtpSequenceException.class)
          .hasMessageContaining("RNTO_WITHOUT_RNFR at command")
          .hasMessageContaining(client.watch().check().profile().title() + " answers this with ");
    } finally {
      client.disconnect();
    }
  }

  /**
   * The careless download: RETR without PASV. pyftpdlib answers 150 and then waits for a data
   * connection, Pure-FTPd tries the default data port before it answers at all; a short data and
   * reply timeout ends the wait, and the command was recorded before it went out.
   */
  private static void downloadWithoutWaiting(ReportUploader uploader, FTPClient client)
      throws IOException {
    client.setDataTimeout(Duration.ofSeconds(2));
    client.setSoTimeout(2_000);
    try {
      uploader.download("report.csv");
    } catch (SocketTimeoutException e) {
      // the server is still waiting for the data connection the client never prepared
    }
  }

  private static synchronized FtpServerUnderTest server(RealServer kind) throws Exception {
    FtpServerUnderTest server = STARTED.get(kind);
    if (server == null) {
      server = kind.startOrSkip(Files.createDirectories(home.resolve(kind.label())));
      Files.writeString(server.dataDirectory().resolve("report.csv"), ServerFixture.REPORT);
      STARTED.put(kind, server);
    }
    return server;
  }

  private static void connect(FTPClient client, FtpServerUnderTest server) throws IOException {
    client.setDefaultTimeout(10_000);
    client.setConnectTimeout(10_000);
    client.connect(server.host(), server.port());
  }
}
