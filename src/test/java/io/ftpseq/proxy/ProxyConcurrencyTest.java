package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fifty sessions at once, each with its own transfers both ways, keep to themselves. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyConcurrencyTest {

  private static final int SESSIONS = 50;

  @TempDir Path dir;

  @Test
  void fiftySimultaneousSessionsEachMoveTheirOwnBytes() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      byte[] shared = rig.serverFile("shared.bin", 300_000);
      ExecutorService clients = Executors.newFixedThreadPool(SESSIONS);
      CountDownLatch allConnected = new CountDownLatch(SESSIONS);
      List<Future<byte[]>> uploads = new ArrayList<>();
      for (int i = 0; i < SESSIONS; i++) {
        int n = i;
        uploads.add(
            clients.submit(
                () -> {
                  FTPClient client = rig.login();
                  allConnected.countDown();
                  allConnected.await(60, TimeUnit.SECONDS); // every session open at once
                  if (n % 2 == 1) {
                    client.enterLocalActiveMode();
                  }
                  byte[] mine = ProxyRig.randomBytes(100_000 + n, n);
                  assertThat(client.storeFile("up-" + n + ".bin", new ByteArrayInputStream(mine)))
                      .isTrue();
                  assertThat(ProxyCommonsNetTest.download(client, "shared.bin")).isEqualTo(shared);
                  assertThat(ProxyCommonsNetTest.download(client, "up-" + n + ".bin"))
                      .isEqualTo(mine);
                  client.sendCommand("RNTO", "x-" + n);
                  client.logout();
                  client.disconnect();
                  return mine;
                }));
      }
      for (int i = 0; i < SESSIONS; i++) {
        byte[] mine = uploads.get(i).get(90, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(rig.files.resolve("up-" + i + ".bin"))).isEqualTo(mine);
      }
      clients.shutdown();
      rig.awaitClosed(SESSIONS);

      List<SessionSummary> closed = rig.events().closed();
      assertThat(closed).hasSize(SESSIONS);
      assertThat(closed).allSatisfy(s -> assertThat(s.transfers()).isEqualTo(3));
      assertThat(closed.stream().mapToLong(SessionSummary::bytesToClient).sum())
          .isEqualTo(SESSIONS * (300_000L + 100_000L) + (SESSIONS * (SESSIONS - 1L)) / 2);
      assertThat(rig.events().findings())
          .hasSize(SESSIONS)
          .allMatch(f -> f.rule().equals("RNTO_WITHOUT_RNFR"));
      assertThat(rig.events().findings().stream().map(CollectedEvents.Live::session).distinct())
          .hasSize(SESSIONS);
      assertThat(rig.proxy.openSessions()).isZero();
    }
  }
}
