package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.testing.TestKeystore;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FTPS clients, watched and strict, against a real Apache FtpServer speaking TLS with a key made at
 * test time: explicit ({@code AUTH TLS}) and implicit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckedFtpsClientTest {

  @TempDir static Path keys;
  private static TestKeystore keystore;

  @TempDir Path temp;
  private EmbeddedFtpServer server;
  private FTPSClient open;

  @BeforeAll
  static void makeKey() throws IOException {
    keystore = TestKeystore.create(keys);
  }

  @AfterEach
  void stop() throws IOException {
    if (open != null && open.isConnected()) {
      open.disconnect();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void watchedExplicitSessionSeesTheWholeTlsDialogueAndHasNoFindings() throws Exception {
    startServer(false);
    FTPSClient client = new FTPSClient(false);
    FtpSessionWatch watch = FtpSeq.watch(client);
    connect(client);
    secureSession(client);
    assertThat(watch.findings()).isEmpty();
    assertThat(watch.transcript())
        .startsWith("# ftpseq live transcript: ftp-session\nS: 220 ")
        .contains(
            "C: AUTH TLS\nS: 234 ",
            "C: USER alice\nS: 331 ",
            "C: PASS ****\nS: 230 ",
            "C: PBSZ 0\nS: 200 ",
            "C: PROT P\nS: 200 ",
            "C: RETR report.csv\nS: 150 ",
            "C: STOR upload.txt\nS: 150 ",
            "C: QUIT\nS: 221 ")
        .doesNotContain(EmbeddedFtpServer.PASSWORD)
        .doesNotContain("TLS from connect");
    assertThat(readBack(watch).findings()).isEmpty();
  }

  @Test
  void strictExplicitSessionLetsACorrectSessionThrough() throws Exception {
    startServer(false);
    CheckedFtpsClient client =
        new CheckedFtpsClient(CheckMode.STRICT, Severity.INFO, "strict-ftps");
    connect(client);
    secureSession(client);
    assertThat(client.watch().findings()).isEmpty();
    assertThat(client.watch().refused()).isEmpty();
    // AUTH TLS went out from connect(), Commons Net's own; it is recorded all the same.
    assertThat(client.watch().transcript()).contains("C: AUTH TLS\nS: 234 ");
  }

  @Test
  void strictRefusesProtBeforePbszWithoutSendingIt() throws Exception {
    startServer(false);
    CheckedFtpsClient client = new CheckedFtpsClient(CheckMode.STRICT);
    connect(client);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    assertThatThrownBy(() -> client.sendCommand("PROT", "P"))
        .isInstanceOf(FtpSequenceException.class)
        .hasMessageContaining("PROT_WITHOUT_PBSZ at command 4 \"PROT P\"")
        .hasMessageContaining("fix: ");
    assertThat(client.watch().transcript())
        .doesNotContain("C: PROT")
        .contains("# refused by ftpseq before sending: PROT P");
    // Nothing was sent: the right order still works on the same connection.
    client.execPBSZ(0);
    client.execPROT("P");
    client.enterLocalPassiveMode();
    assertThat(client.retrieveFile("report.csv", new ByteArrayOutputStream())).isTrue();
    assertThat(client.watch().check().findings()).isEmpty();
    assertThat(client.watch().refused())
        .extracting(f -> f.rule())
        .containsExactly(Rule.PROT_WITHOUT_PBSZ);
  }

  @Test
  void observeRecordsProtBeforePbszAndWhatTheServerSaid() throws Exception {
    startServer(false);
    CheckedFtpsClient client = new CheckedFtpsClient(CheckMode.OBSERVE);
    connect(client);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    int code = client.sendCommand("PROT", "P");
    assertThat(client.watch().transcript()).contains("C: PROT P\nS: " + code + " ");
    assertThat(client.watch().findings())
        .extracting(f -> f.rule())
        .contains(Rule.PROT_WITHOUT_PBSZ);
    assertThat(readBack(client.watch()).findings()).isEqualTo(client.watch().check().findings());
  }

  @Test
  void implicitSessionSeesTheGreetingSentOverTls() throws Exception {
    startServer(true);
    FTPSClient client = new FTPSClient(true);
    FtpSessionWatch watch = FtpSeq.watch(client);
    connect(client);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.enterLocalPassiveMode();
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.listFiles();
    client.logout();
    assertThat(watch.transcript())
        .startsWith("# ftpseq live transcript: ftp-session\n# TLS from connect: ")
        .contains("TLS\nS: 220 ")
        .doesNotContain("AUTH")
        .contains("C: USER alice\nS: 331 ", "C: LIST\nS: 150 ", "C: QUIT\nS: 221 ");
    assertThat(watch.findings()).isEmpty();
  }

  @Test
  void watchedImplicitSessionTakesPbszAndProtAsInOrder() throws Exception {
    startServer(true);
    FTPSClient client = new FTPSClient(true);
    FtpSessionWatch watch = FtpSeq.watch(client);
    connect(client);
    secureSession(client);
    assertThat(watch.transcript())
        .startsWith(
            "# ftpseq live transcript: ftp-session\n"
                + "# TLS from connect: implicit FTPS, the greeting came over TLS\nS: 220 ")
        .contains("C: PBSZ 0\nS: 200 ", "C: PROT P\nS: 200 ");
    assertThat(watch.findings()).isEmpty();
    assertThat(readBack(watch).findings()).isEmpty();
  }

  @Test
  void withoutTheTlsFromConnectLinePbszLooksUnauthenticated() throws Exception {
    startServer(true);
    FTPSClient client = new FTPSClient(true);
    FtpSessionWatch watch = FtpSeq.watch(client);
    connect(client);
    secureSession(client);
    String stripped = watch.transcript().replaceAll("(?m)^# TLS from connect.*\n", "");
    SessionCheck check =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check(
                watch.name(), new ByteArrayInputStream(stripped.getBytes(StandardCharsets.UTF_8)))
            .sessions()
            .get(0);
    assertThat(check.findings()).extracting(f -> f.rule()).contains(Rule.PBSZ_WITHOUT_AUTH);
  }

  @Test
  void strictImplicitClientLetsACorrectSessionThrough() throws Exception {
    startServer(true);
    CheckedFtpsClient client =
        new CheckedFtpsClient(
            true,
            CheckMode.STRICT,
            Severity.INFO,
            "strict-implicit",
            ProfileChoice.of(ServerProfiles.RFC));
    connect(client);
    secureSession(client);
    assertThat(client.watch().refused()).isEmpty();
    assertThat(client.watch().findings()).isEmpty();
    assertThat(client.watch().transcript()).contains("# TLS from connect: ").doesNotContain("AUTH");
  }

  @Test
  void strictImplicitClientStillRefusesProtBeforePbsz() throws Exception {
    startServer(true);
    CheckedFtpsClient client =
        new CheckedFtpsClient(
            true, CheckMode.STRICT, Severity.ERROR, "implicit", ProfileChoice.AUTO);
    connect(client);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    assertThatThrownBy(() -> client.sendCommand("PROT", "P"))
        .isInstanceOf(FtpSequenceException.class)
        .hasMessageContaining("PROT_WITHOUT_PBSZ at command 3 \"PROT P\"");
  }

  @Test
  void bothCheckedClientsHookTheSameCommonsNetMethods() {
    // Java cannot mix overrides into FTPClient and FTPSClient alike; CheckedSession holds the
    // logic and each client forwards the same hooks to it. This keeps the two in step.
    assertThat(hooks(CheckedFtpsClient.class)).isEqualTo(hooks(CheckedFtpClient.class));
  }

  private static Set<String> hooks(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> !m.isSynthetic())
        .map(m -> m.getName() + Arrays.toString(m.getParameterTypes()))
        .collect(Collectors.toSet());
  }

  /** Login, PBSZ 0, PROT P, a download and an upload over the protected data channel. */
  private static void secureSession(FTPSClient client) throws IOException {
    assertThat(client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD)).isTrue();
    client.execPBSZ(0);
    client.execPROT("P");
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    assertThat(client.retrieveFile("report.csv", report)).isTrue();
    assertThat(report.toString(StandardCharsets.UTF_8)).isEqualTo(ServerFixture.REPORT);
    assertThat(
            client.storeFile(
                "upload.txt", new ByteArrayInputStream(ServerFixture.bytes("hello\n"))))
        .isTrue();
    client.logout();
  }

  private void startServer(boolean implicit) throws Exception {
    server = EmbeddedFtpServer.startSecure(temp.resolve("home"), keystore, implicit);
    Files.writeString(temp.resolve("home/report.csv"), ServerFixture.REPORT);
  }

  private void connect(FTPSClient client) throws IOException {
    open = client;
    // The key is self-signed and made for this test run only.
    client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
    ServerFixture.connect(client, server);
  }

  private static SessionCheck readBack(FtpSessionWatch watch) throws IOException {
    byte[] transcript = watch.transcript().getBytes(StandardCharsets.UTF_8);
    return new TranscriptChecker(ServerProfiles.RFC, null)
        .check(watch.name(), new ByteArrayInputStream(transcript))
        .sessions()
        .get(0);
  }
}
