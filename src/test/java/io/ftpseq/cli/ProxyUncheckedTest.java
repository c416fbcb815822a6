package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A session the proxy had to end because of the server is a session it could not check in full: the
 * run fails with exit 3 and one line that says why, as for a server it cannot reach.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyUncheckedTest {

  @ParameterizedTest
  @CsvSource({
    "closes, closed the connection before its greeting",
    "long-line, the server sent a line longer than",
    "endless-reply, holds more than 4 MB"
  })
  void aSessionTheServerCutShortFailsTheRunWithItsReason(String behaviour, String why)
      throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread thread = new Thread(() -> serve(server, behaviour), "bad-server");
      thread.setDaemon(true);
      thread.start();
      ProxyRun proxy =
          ProxyRun.start(
              "--upstream",
              "127.0.0.1:" + server.getLocalPort(),
              "--sessions",
              "1",
              "--max-line",
              "1024",
              "--lang",
              "en");
      try (Socket client = new Socket("127.0.0.1", proxy.port())) {
        client.setSoTimeout(20_000);
        client.getOutputStream().write("USER alice\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = client.getInputStream();
        while (in.read(new byte[8192]) >= 0) {
          // read until the proxy closes the session
        }
      }
      CliRun run = proxy.end();
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
      assertThat(run.err()).contains("s1: not checked in full: ").contains(why);
    }
  }

  private static void serve(ServerSocket server, String behaviour) {
    try (Socket socket = server.accept()) {
      OutputStream out = socket.getOutputStream();
      switch (behaviour) {
        case "closes" -> {
          // hangs up before the greeting
        }
        case "long-line" ->
            out.write(("220 " + "x".repeat(4000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        default -> {
          // a greeting that never ends, in lines well within --max-line, until the proxy hangs up
          byte[] line = ("220-" + "x".repeat(896) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < 20_000; i++) {
            out.write(line);
          }
        }
      }
      out.flush();
      socket.getInputStream().read(new byte[1024]); // until the proxy hangs up
    } catch (IOException e) {
      // the proxy went away
    }
  }
}
