package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Proxy options that cannot work are refused at start, in one line, before any client comes. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProxyOptionsTest {

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anUpstreamThatIsTheProxyItselfIsAUsageError() throws Exception {
    int port = freePort();
    CliRun run =
        CliRun.of("proxy", "--upstream", "127.0.0.1:" + port, "--listen", "127.0.0.1:" + port);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().findFirst().orElse(""))
        .startsWith("ftpseq: --upstream 127.0.0.1:" + port + " is the proxy's own --listen address")
        .contains("relay to itself");
  }

  @Test
  void listeningOnEveryAddressCoversEveryLocalUpstream() {
    InetSocketAddress any = new InetSocketAddress("0.0.0.0", 2121);
    assertThat(SelfRelay.isSelf(any, new InetSocketAddress("127.0.0.1", 2121))).isTrue();
    assertThat(SelfRelay.isSelf(any, new InetSocketAddress("127.0.0.1", 21))).isFalse();
    assertThat(
            SelfRelay.isSelf(
                new InetSocketAddress("127.0.0.1", 2121), new InetSocketAddress("0.0.0.0", 2121)))
        .isTrue();
  }

  @Test
  void anUpstreamOnPortZeroIsAUsageError() {
    CliRun run = CliRun.of("proxy", "--upstream", "127.0.0.1:0", "--listen", "127.0.0.1:0");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("port 0");
  }

  @Test
  void implicitTlsWithoutAKeystoreIsAUsageError() {
    CliRun run =
        CliRun.of(
            "proxy", "--upstream", "127.0.0.1:21", "--listen", "127.0.0.1:0", "--tls", "implicit");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--tls implicit needs --tls-keystore");
  }

  @Test
  void aRecordPathThatIsNoDirectoryIsSaidInASentence() {
    CliRun run =
        CliRun.of(
            "proxy",
            "--upstream",
            "127.0.0.1:21",
            "--listen",
            "127.0.0.1:0",
            "--record",
            "/dev/null");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip())
        .isEqualTo(
            "ftpseq: cannot record in /dev/null: it exists and is not a directory (--record DIR)");
  }
}
