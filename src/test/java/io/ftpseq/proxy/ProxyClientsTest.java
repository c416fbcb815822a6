package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real clients in other languages through the proxy to the embedded Apache FtpServer: curl, lftp
 * and Python's ftplib, as processes. Each downloads and uploads in passive and in active mode
 * (compared byte for byte), and sends one command out of order, which the proxy reports live and
 * records, and with strict checking answers 503 itself.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyClientsTest {

  /** A client, and how it runs one session: download f.bin, upload in.bin, RNTO x. */
  enum Client {
    CURL,
    LFTP,
    FTPLIB
  }

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Client.class)
  void passiveAndActiveTransfersArriveByteForByte(Client client) throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      byte[] file = rig.serverFile("f.bin", 1_500_000);
      byte[] upload = ProxyRig.randomBytes(1_200_000, 5);
      Files.write(dir.resolve("in.bin"), upload);
      for (boolean passive : new boolean[] {true, false}) {
        Files.deleteIfExists(dir.resolve("got.bin"));
        Files.deleteIfExists(rig.files.resolve("up.bin"));
        Clients.Run run = ClientSessions.transfer(client, rig, dir, passive);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("got.bin"))).as("download").isEqualTo(file);
        assertThat(Files.readAllBytes(rig.files.resolve("up.bin"))).as("upload").isEqualTo(upload);
      }
      // curl makes a session per transfer, the others one per run
      rig.awaitClosed(client == Client.CURL ? 4 : 2);
      List<String> transcripts = new ArrayList<>();
      int transfers = 0;
      for (SessionSummary summary : rig.events().closed()) {
        transfers += summary.transfers();
        transcripts.add(rig.transcript(summary.info().id()));
      }
      assertThat(transfers).isEqualTo(4);
      assertThat(String.join("\n", transcripts))
          .containsPattern("C: (PASV|EPSV)")
          .containsPattern("C: (PORT|EPRT) ")
          .contains("C: PASS ****")
          .doesNotContain(rig.password);
      // lftp's FEAT before login gets Apache FtpServer's 530, a reply RFC 2389 does not list:
      // a finding about the server, not the client
      assertThat(clientRules(rig)).as("a clean session breaks no client rule").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void outOfOrderCommandIsReportedLiveAndRecorded(Client client) throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      Clients.Run run = ClientSessions.outOfOrder(client, rig, dir);
      rig.awaitClosed(1);
      assertThat(run.output()).contains("503");
      assertThat(clientRules(rig)).as(run.output()).containsExactly("RNTO_WITHOUT_RNFR");
      assertThat(rig.events().findings()).noneMatch(CollectedEvents.Live::refused);
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void strictCheckingAnswersTheOutOfOrderCommand503WithTheRule(Client client) throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.strict(Severity.ERROR))) {
      Clients.Run run = ClientSessions.outOfOrder(client, rig, dir);
      rig.awaitClosed(1);
      assertThat(run.output()).contains("503").contains("RNTO_WITHOUT_RNFR");
      assertThat(clientRules(rig)).containsExactly("RNTO_WITHOUT_RNFR");
      assertThat(rig.events().findings())
          .filteredOn(f -> f.finding().rule().isClientRule())
          .allMatch(CollectedEvents.Live::refused);
      assertThat(rig.transcript("s1"))
          .contains("# not from the server: not forwarded: answered by ftpseq proxy (--strict)");
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
    }
  }

  private static List<String> clientRules(ProxyRig rig) {
    return rig.events().findings().stream()
        .filter(f -> f.finding().rule().isClientRule())
        .map(CollectedEvents.Live::rule)
        .toList();
  }
}
