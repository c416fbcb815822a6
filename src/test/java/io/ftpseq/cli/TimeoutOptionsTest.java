package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every timeout option of every command reads a duration the same way ({@code 30s}, {@code 5m}, or
 * seconds alone) and refuses one that no socket can wait for, in one line, before anything runs.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TimeoutOptionsTest {

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--connect-timeout", "--idle-timeout", "--transfer-timeout"})
  void aProxyTimeoutLongerThanASocketTakesIsAUsageError(String option) throws Exception {
    int port = freePort(); // the proxy's own address as upstream: nothing starts either way
    CliRun run =
        CliRun.of(
            "proxy",
            "--lang",
            "en",
            "--upstream",
            "127.0.0.1:" + port,
            "--listen",
            "127.0.0.1:" + port,
            option,
            "600h");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().findFirst().orElse(""))
        .isEqualTo(
            "ftpseq: Invalid value for option '"
                + option
                + "': a duration is at most 596h (a socket timeout cannot be longer), not '600h'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--timeout", "--reply-timeout"})
  void aProbeTimeoutIsADurationLikeTheProxys(String option) {
    for (String good : new String[] {"30", "30s", "1500ms", "5m", "596h"}) {
      CliRun run = CliRun.of("probe", "--dry-run", option, good, "ftp://alice@192.0.2.1");
      assertThat(run.exitCode()).as(good).isEqualTo(ExitCodes.OK);
    }
    for (String bad : new String[] {"-1", "0", "99999999999999", "597h", "ten"}) {
      CliRun run =
          CliRun.of("probe", "--lang", "en", "--dry-run", option, bad, "ftp://alice@192.0.2.1");
      assertThat(run.exitCode()).as(bad).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err().lines().findFirst().orElse(""))
          .as(bad)
          .startsWith("ftpseq: Invalid value for option '" + option + "': a duration is ")
          .endsWith("'" + bad + "'");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void aTooLongDurationIsSaidInTheRunsLanguage(String language) {
    CliRun run =
        CliRun.of(
            "probe", "--lang", language, "--dry-run", "--timeout", "999h", "ftp://a@192.0.2.1");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().findFirst().orElse(""))
        .contains("596h", "999h")
        .doesNotContain("at most", "Invalid value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void aServerSilentAfterItsGreetingIsSaidToHaveNotAnsweredInTime(String language)
      throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Thread greeter = new Thread(() -> greetEachAndSayNothingMore(server));
      greeter.setDaemon(true);
      greeter.start();
      String url = "ftp://alice@127.0.0.1:" + server.getLocalPort();
      CliRun run;
      ProbeCommand.environment = name -> "secret";
      try {
        run = CliRun.of("probe", "--lang", language, "--reply-timeout", "500ms", url);
      } finally {
        ProbeCommand.environment = System::getenv;
      }
      assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
      assertThat(run.err().lines().findFirst().orElse(""))
          .contains("--reply-timeout")
          .doesNotContain("timed out");
    }
  }

  /** Greets every connection, then reads what comes and never answers, until closed. */
  private static void greetEachAndSayNothingMore(ServerSocket server) {
    List<Socket> open = new ArrayList<>();
    try {
      while (true) {
        Socket client = server.accept();
        open.add(client);
        client.getOutputStream().write("220 hello\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      // the test closed the server socket: the probe is done
    } finally {
      for (Socket client : open) {
        try {
          client.close();
        } catch (IOException e) {
          // closing what the probe left
        }
      }
    }
  }
}
