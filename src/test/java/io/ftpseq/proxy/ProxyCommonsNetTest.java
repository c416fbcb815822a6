package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commons Net's {@code FTPClient} through the proxy to the embedded Apache FtpServer: transfers in
 * both modes arrive byte for byte, REST and ABOR work, and an out-of-order command is reported
 * live, recorded, and refused with strict checking.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyCommonsNetTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void downloadsAndUploadsArriveByteForByte(boolean passive) throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      byte[] big = rig.serverFile("big.bin", 3_000_001);
      byte[] empty = rig.serverFile("empty.bin", 0);
      byte[] one = rig.serverFile("one.bin", 1);
      FTPClient client = rig.login();
      if (!passive) {
        client.enterLocalActiveMode();
      }
      assertThat(download(client, "big.bin")).isEqualTo(big);
      assertThat(download(client, "empty.bin")).isEqualTo(empty);
      assertThat(download(client, "one.bin")).isEqualTo(one);
      byte[] upload = ProxyRig.randomBytes(2_000_003, 7);
      assertThat(client.storeFile("up.bin", new ByteArrayInputStream(upload))).isTrue();
      assertThat(client.listNames()).contains("big.bin", "up.bin");
      client.logout();
      client.disconnect();
      rig.awaitClosed(1);

      assertThat(Files.readAllBytes(rig.files.resolve("up.bin"))).isEqualTo(upload);
      SessionSummary summary = rig.events().closed().get(0);
      assertThat(summary.transfers()).isEqualTo(5);
      assertThat(summary.bytesToServer()).isEqualTo(upload.length);
      assertThat(summary.check().findings()).isEmpty();
      assertThat(rig.transcript("s1"))
          .contains(passive ? "C: PASV" : "C: PORT 127,0,0,1,")
          .contains("C: PASS ****")
          .doesNotContain(rig.password);
    }
  }

  @Test
  void manyTransfersInOneSessionEachArriveWhole() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      byte[] file = rig.serverFile("f.bin", 65_537);
      FTPClient client = rig.login();
      for (int i = 0; i < 40; i++) {
        if (i % 2 == 1) {
          client.enterLocalActiveMode();
        } else {
          client.enterLocalPassiveMode();
        }
        assertThat(download(client, "f.bin")).as("transfer %d", i).isEqualTo(file);
      }
      client.disconnect();
      rig.awaitClosed(1);
      assertThat(rig.events().closed().get(0).transfers()).isEqualTo(40);
    }
  }

  @Test
  void restartResumesAtTheOffset() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      byte[] file = rig.serverFile("f.bin", 100_000);
      FTPClient client = rig.login();
      client.setRestartOffset(40_000);
      byte[] tail = download(client, "f.bin");
      assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(file, 40_000, file.length));
      client.disconnect();
      rig.awaitClosed(1);
      assertThat(rig.transcript("s1")).contains("C: REST 40000\nS: 350");
      assertThat(rig.events().findings()).isEmpty();
    }
  }

  @Test
  void abortEndsTheTransferAndTheSessionGoesOn() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      rig.serverFile("huge.bin", 16 << 20);
      byte[] small = rig.serverFile("small.bin", 1000);
      FTPClient client = rig.login();
      InputStream stream = client.retrieveFileStream("huge.bin");
      assertThat(stream.readNBytes(100_000)).hasSize(100_000);
      // the transfer's 426 comes first, then ABOR's own 226
      client.abort();
      assertThat(client.getReplyCode()).isIn(225, 226, 426);
      stream.close();
      client.completePendingCommand();
      assertThat(client.getReplyCode()).isIn(225, 226, 426);
      assertThat(FTPReply.isPositiveCompletion(client.noop())).isTrue();
      assertThat(download(client, "small.bin")).isEqualTo(small);
      client.disconnect();
      rig.awaitClosed(1);
      SessionSummary summary = rig.events().closed().get(0);
      assertThat(summary.bytesToClient()).isLessThan(16 << 20);
      assertThat(rig.transcript("s1")).contains("C: ABOR");
    }
  }

  @Test
  void outOfOrderCommandIsReportedLiveAndTheRecordGivesTheSameFindings() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      FTPClient client = rig.login();
      client.sendCommand("RNTO", "nowhere.txt");
      client.sendCommand("PASS", "again");
      client.logout();
      client.disconnect();
      rig.awaitClosed(1);

      // Apache FtpServer answers the second PASS 202, accepting an order it must refuse
      assertThat(rig.events().rules())
          .containsExactly("RNTO_WITHOUT_RNFR", "PASS_WITHOUT_USER", "BAD_ORDER_ACCEPTED");
      assertThat(rig.events().findings()).allMatch(f -> f.session().equals("s1") && !f.refused());
      assertThat(rig.events().findings().get(0).finding().reply().firstLine())
          .startsWith("503 Can't find the file");
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1")).hasSize(3);
      assertThat(rig.transcript("s1")).contains("C: PASS ****").doesNotContain("again");
    }
  }

  @Test
  void strictCheckingAnswersOutOfOrderCommandsItselfWithTheRule() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.strict(Severity.ERROR))) {
      FTPClient client = rig.login();
      int code = client.sendCommand("RNTO", "nowhere.txt");
      String reply = client.getReplyString().stripTrailing(); // Commons Net 3.12 drops the CRLF
      assertThat(FTPReply.isPositiveCompletion(client.noop())).isTrue();
      client.logout();
      client.disconnect();
      rig.awaitClosed(1);

      assertThat(code).isEqualTo(503);
      assertThat(reply)
          .startsWith(
              "503-ftpseq proxy did not forward \"RNTO nowhere.txt\": it breaks RNTO_WITHOUT_RNFR.")
          .contains("503-RNTO_WITHOUT_RNFR: RNTO was sent")
          .contains("503-why: RFC 959 §4.1.3")
          .contains("503-fix: Send RNFR")
          .endsWith("\r\n503 Bad sequence of commands.");
      assertThat(rig.events().findings())
          .singleElement()
          .satisfies(f -> assertThat(f.refused()).isTrue())
          .satisfies(f -> assertThat(f.rule()).isEqualTo("RNTO_WITHOUT_RNFR"));
      assertThat(rig.transcript("s1"))
          .contains(
              "# not from the server: not forwarded: answered by ftpseq proxy (--strict)\nS: 503-ftpseq proxy did not");
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
    }
  }

  @Test
  void strictCheckingNeverForwardsTheRefusedCommand() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.strict(Severity.WARNING))) {
      FTPClient client = rig.login();
      // a transfer with no PASV or PORT: refused at warning level, so the file is never made
      int code = client.sendCommand("STOR", "never.txt");
      String reply = client.getReplyString();
      client.disconnect();
      rig.awaitClosed(1);

      assertThat(code).isEqualTo(425);
      assertThat(reply).contains("425-TRANSFER_WITHOUT_DATA_CHANNEL");
      assertThat(rig.files.resolve("never.txt")).doesNotExist();
    }
  }

  @Test
  void aCleanSessionPassesStrictCheckingUntouched() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.strict(Severity.WARNING))) {
      byte[] file = rig.serverFile("f.bin", 10_000);
      FTPClient client = rig.login();
      assertThat(download(client, "f.bin")).isEqualTo(file);
      assertThat(client.rename("f.bin", "g.bin")).isTrue();
      client.setRestartOffset(10);
      assertThat(download(client, "g.bin")).hasSize(9_990);
      client.logout();
      client.disconnect();
      rig.awaitClosed(1);
      assertThat(rig.events().findings()).isEmpty();
      assertThat(rig.transcript("s1")).doesNotContain("not forwarded");
    }
  }

  static byte[] download(FTPClient client, String name) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(client.retrieveFile(name, out)).as(client.getReplyString()).isTrue();
    return out.toByteArray();
  }
}
