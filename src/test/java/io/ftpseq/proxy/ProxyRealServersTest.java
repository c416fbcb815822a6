package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Severity;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proxy in front of the Debian servers (vsftpd, ProFTPD, Pure-FTPd, pyftpdlib as processes,
 * where installed): Commons Net and curl transfer through it in both modes byte for byte, and an
 * out-of-order command is reported with what that server answers, as {@code --profile auto} picks
 * it from the greeting.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyRealServersTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = RealServer.class,
      names = {"VSFTPD", "PROFTPD", "PURE_FTPD", "PYFTPDLIB"})
  void clientsTransferThroughTheProxyAndFindingsNameTheServer(RealServer kind) throws Exception {
    try (FtpServerUnderTest server =
            kind.startOrSkip(Files.createDirectories(dir.resolve("server")));
        ProxyRig rig = ProxyRig.over(server, dir, s -> s.profile(ProfileChoice.AUTO))) {
      String name = "proxy-" + UUID.randomUUID();
      Path served = server.dataDirectory().resolve(name + ".bin");
      Path uploaded = server.dataDirectory().resolve(name + ".up");
      try {
        byte[] file = ProxyRig.randomBytes(700_001, 1);
        Files.write(served, file);
        byte[] upload = ProxyRig.randomBytes(600_007, 2);
        for (boolean passive : new boolean[] {true, false}) {
          FTPClient client = rig.login();
          if (!passive) {
            client.enterLocalActiveMode();
          }
          assertThat(ProxyCommonsNetTest.download(client, name + ".bin")).isEqualTo(file);
          assertThat(client.storeFile(name + ".up", new ByteArrayInputStream(upload)))
              .as(client.getReplyString())
              .isTrue();
          assertThat(Files.readAllBytes(uploaded)).isEqualTo(upload);
          client.sendCommand("RNTO", name + ".renamed");
          client.logout();
          client.disconnect();
        }
        Files.write(dir.resolve("in.bin"), upload);
        Clients.Run curl =
            Clients.run(
                dir,
                List.of(
                    "curl",
                    "-sS",
                    // the whole exchange in a failure's message: curl 7.88 ends an active-mode
                    // failure with a bogus "sa_addr inet_ntop() failed" line (curl issue 10622)
                    "-v",
                    "--ftp-port",
                    "127.0.0.1",
                    "-u",
                    rig.user + ":" + rig.password,
                    "-o",
                    "got.bin",
                    "ftp://127.0.0.1:" + rig.port() + "/" + name + ".bin"));
        assertThat(curl.exit()).as(curl.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("got.bin"))).isEqualTo(file);
        rig.awaitClosed(3);

        assertThat(rig.events().findings())
            .filteredOn(f -> f.finding().rule().isClientRule())
            .extracting(CollectedEvents.Live::rule)
            .containsExactly("RNTO_WITHOUT_RNFR", "RNTO_WITHOUT_RNFR");
        assertThat(rig.events().closed())
            .allSatisfy(s -> assertThat(s.check().profile().name()).isEqualTo(kind.label()));
        for (String id : List.of("s1", "s2", "s3")) {
          assertThat(rig.recordedFindings(id)).as(id).isEqualTo(rig.liveFindings(id));
        }
      } finally {
        Files.deleteIfExists(served);
        Files.deleteIfExists(uploaded);
      }
    }
  }

  @Test
  void lftpOutOfOrderCommandIsAnswered503ByTheProxyInFrontOfVsftpd() throws Exception {
    try (FtpServerUnderTest server =
            RealServer.VSFTPD.startOrSkip(Files.createDirectories(dir.resolve("server")));
        ProxyRig rig =
            ProxyRig.over(server, dir, s -> s.profile(ProfileChoice.AUTO).strict(Severity.ERROR))) {
      Clients.Run run = ClientSessions.outOfOrder(ProxyClientsTest.Client.LFTP, rig, dir);
      rig.awaitClosed(1);
      assertThat(run.output()).contains("503").contains("RNTO_WITHOUT_RNFR");
      assertThat(rig.events().findings())
          .filteredOn(f -> f.finding().rule().isClientRule())
          .singleElement()
          .satisfies(f -> assertThat(f.refused()).isTrue());
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
    }
  }
}
