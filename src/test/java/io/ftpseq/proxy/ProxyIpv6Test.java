package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy on {@code ::1} in front of pyftpdlib on {@code ::1}: an IPv6 address is written as RFC
 * 5952 has it ({@code ::1}), in the EPRT the proxy sends on and in what it says. pyftpdlib compares
 * the EPRT's address as text with its client's and refused Java's {@code 0:0:0:0:0:0:0:1}, so every
 * active transfer over IPv6 failed with 501.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyIpv6Test {

  @TempDir Path dir;

  @Test
  void activeAndPassiveTransfersWorkOverIpv6AndAddressesAreWrittenShort() throws Exception {
    InetAddress loopback6 = InetAddress.getByName("::1");
    CollectedEvents events = new CollectedEvents();
    try (FtpServerUnderTest server =
            RealServer.pyftpdlibOn(loopback6, Files.createDirectories(dir.resolve("server")));
        FtpProxy proxy =
            FtpProxy.start(
                ProxySettings.builder(
                        new InetSocketAddress(loopback6, 0),
                        new InetSocketAddress(loopback6, server.port()))
                    .build(),
                events)) {
      byte[] upload = ProxyRig.randomBytes(300_001, 3);
      for (boolean active : new boolean[] {true, false}) {
        FTPClient client = new FTPClient();
        client.setDefaultTimeout(10_000);
        client.setDataTimeout(Duration.ofSeconds(10));
        client.connect(loopback6, proxy.address().getPort());
        assertThat(client.login(server.user(), server.password()))
            .as(client.getReplyString())
            .isTrue();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        if (active) {
          client.enterLocalActiveMode();
        } else {
          client.enterLocalPassiveMode();
        }
        String name = (active ? "active" : "passive") + ".bin";
        assertThat(client.storeFile(name, new ByteArrayInputStream(upload)))
            .as(client.getReplyString())
            .isTrue();
        assertThat(ProxyCommonsNetTest.download(client, name)).isEqualTo(upload);
        client.logout();
        client.disconnect();
      }
      assertThat(proxy.awaitClosed(2, Duration.ofSeconds(20))).isTrue();
      assertThat(events.opened())
          .allSatisfy(s -> assertThat(SessionInfo.show(s.client())).startsWith("[::1]:"));
      assertThat(SessionInfo.show(proxy.address())).startsWith("[::1]:");
    }
  }
}
