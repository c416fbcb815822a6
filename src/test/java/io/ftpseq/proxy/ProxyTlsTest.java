package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.testing.TestKeystore;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FTPS clients are checked too: the proxy ends TLS with a given key, explicit (AUTH TLS) and
 * implicit, protects data connections on PROT P, and records the dialogue in clear.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyTlsTest {

  /** The record's note before each TLS answer of the proxy's. */
  private static final String NOT_FROM_SERVER =
      "# not from the server: not forwarded: TLS ends at ftpseq proxy\n";

  @TempDir static Path keys;
  private static TestKeystore keystore;

  @TempDir Path dir;

  @BeforeAll
  static void keystore() throws Exception {
    keystore = TestKeystore.create(keys);
  }

  private static TlsTermination tls(boolean implicit) throws Exception {
    return TlsTermination.load(keystore.file(), keystore.password().toCharArray(), implicit);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void ftpsClientTransfersThroughTheProxyAndItsSessionIsRecordedInClear(boolean implicit)
      throws Exception {
    TlsTermination tls = tls(implicit);
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.tls(tls))) {
      byte[] file = rig.serverFile("f.bin", 200_000);
      FTPSClient client = new FTPSClient(implicit);
      client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
      client.setDefaultTimeout(10_000);
      client.connect("127.0.0.1", rig.port());
      assertThat(client.login(rig.user, rig.password)).isTrue();
      client.execPBSZ(0);
      client.execPROT("P");
      client.setFileType(FTP.BINARY_FILE_TYPE);
      client.enterLocalPassiveMode();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      assertThat(client.retrieveFile("f.bin", got)).as(client.getReplyString()).isTrue();
      byte[] upload = ProxyRig.randomBytes(150_000, 3);
      client.enterLocalActiveMode();
      assertThat(client.storeFile("up.bin", new ByteArrayInputStream(upload))).isTrue();
      client.sendCommand("RNTO", "x");
      client.logout();
      client.disconnect();
      rig.awaitClosed(1);

      assertThat(got.toByteArray()).isEqualTo(file);
      assertThat(Files.readAllBytes(rig.files.resolve("up.bin"))).isEqualTo(upload);
      assertThat(rig.events().rules()).containsExactly("RNTO_WITHOUT_RNFR");
      String transcript = rig.transcript("s1");
      assertThat(transcript)
          .contains("C: PBSZ 0", "C: PROT P", "C: PASS ****", "C: RETR f.bin")
          .doesNotContain(rig.password);
      if (implicit) {
        assertThat(transcript).contains("# TLS from connect: ");
      } else {
        assertThat(transcript).contains("C: AUTH TLS\n" + NOT_FROM_SERVER + "S: 234");
      }
      assertThat(transcript)
          .contains("C: PBSZ 0\n" + NOT_FROM_SERVER + "S: 200 ")
          .contains("C: PROT P\n" + NOT_FROM_SERVER + "S: 200 ");
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
    }
  }

  @Test
  void theProxysTlsAnswersAreNotJudgedAsTheServersInFrontOfVsftpd() throws Exception {
    // vsftpd without TLS answers AUTH TLS before login 530: its profile must not judge the 234
    TlsTermination tls = tls(false);
    try (FtpServerUnderTest server =
            RealServer.VSFTPD.startOrSkip(Files.createDirectories(dir.resolve("server")));
        ProxyRig rig = ProxyRig.over(server, dir, s -> s.tls(tls).profile(ProfileChoice.AUTO))) {
      FTPSClient client = new FTPSClient(false);
      client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
      client.setDefaultTimeout(10_000);
      client.connect("127.0.0.1", rig.port());
      assertThat(client.login(rig.user, rig.password)).as(client.getReplyString()).isTrue();
      client.execPBSZ(0);
      client.execPROT("P");
      assertThat(client.printWorkingDirectory()).isNotNull();
      client.sendCommand("PROT", "P");
      client.logout();
      client.disconnect();
      rig.awaitClosed(1);

      assertThat(rig.events().findings()).isEmpty();
      assertThat(rig.transcript("s1"))
          .contains("C: AUTH TLS\n" + NOT_FROM_SERVER + "S: 234 ")
          .contains("C: PBSZ 0\n" + NOT_FROM_SERVER + "S: 200 ")
          .contains("C: PROT P\n" + NOT_FROM_SERVER + "S: 200 ");
      assertThat(rig.recordedCheck("s1").findings()).isEmpty();
      assertThat(rig.recordedCheck("s1").profile().name()).isEqualTo("vsftpd");
      assertThat(rig.events().ownReplies())
          .extracting(r -> r.substring(0, 7))
          .containsExactly("s1: 234", "s1: 200", "s1: 200", "s1: 200");
    }
  }

  @Test
  void protWithoutPbszIsAnsweredAsTheRfcSays() throws Exception {
    TlsTermination tls = tls(false);
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.tls(tls))) {
      FTPSClient client = new FTPSClient(false);
      client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
      client.connect("127.0.0.1", rig.port());
      client.login(rig.user, rig.password);
      client.sendCommand("PROT", "P");
      String reply = client.getReplyString();
      client.disconnect();
      rig.awaitClosed(1);
      assertThat(reply).startsWith("503");
      assertThat(rig.events().rules()).containsExactly("PROT_WITHOUT_PBSZ");
    }
  }

  @Test
  void curlExplicitFtpsDownloadsByteForByte() throws Exception {
    TlsTermination tls = tls(false);
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.tls(tls))) {
      byte[] file = rig.serverFile("f.bin", 100_000);
      Path out = dir.resolve("got.bin");
      Clients.Run run =
          Clients.run(
              dir,
              List.of(
                  "curl",
                  "-sS",
                  "--ssl-reqd",
                  "-k",
                  "-u",
                  rig.user + ":" + rig.password,
                  "-o",
                  out.toString(),
                  "ftp://127.0.0.1:" + rig.port() + "/f.bin"));
      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(Files.readAllBytes(out)).isEqualTo(file);
      rig.awaitClosed(1);
      assertThat(rig.transcript("s1")).contains("C: AUTH ").contains("C: PROT P");
      assertThat(rig.events().findings()).isEmpty();
    }
  }
}
