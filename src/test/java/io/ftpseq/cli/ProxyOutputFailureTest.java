package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy runs for long: when its standard output cannot be written (a full disk, a closed pipe),
 * it stops at the first failed write, with one line that says so and exit code 2, instead of
 * relaying sessions whose findings are lost until it is stopped.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProxyOutputFailureTest {

  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dir;

  @Test
  void aFullStandardOutputStopsTheProxyAtTheFirstFinding() throws Exception {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "no /dev/full here");
    try (EmbeddedFtpServer server =
        EmbeddedFtpServer.start(Files.createDirectories(dir.resolve("files")))) {
      Path err = dir.resolve("err.txt");
      Process process =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      System.getProperty("java.class.path"),
                      Main.class.getName(),
                      "proxy",
                      "--upstream",
                      "127.0.0.1:" + server.port(),
                      "--listen",
                      "127.0.0.1:0",
                      "--lang",
                      "en"))
              .redirectOutput(full.toFile())
              .redirectError(err.toFile())
              .start();
      try {
        int port = listeningPort(err, process);
        try (Socket client = new Socket("127.0.0.1", port)) {
          client.setSoTimeout(20_000);
          OutputStream out = client.getOutputStream();
          // RNTO without RNFR: a finding, written to standard output at once
          out.write("RNTO x\r\n".getBytes(UTF_8));
          out.flush();
          InputStream in = client.getInputStream();
          while (in.read(new byte[8192]) >= 0) {
            // until the proxy, stopping, closes the session
          }
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("ended by itself").isTrue();
      } finally {
        process.destroyForcibly();
      }

      assertThat(process.exitValue()).isEqualTo(ExitCodes.USAGE);
      assertThat(Files.readAllLines(err, UTF_8))
          .filteredOn(l -> !l.startsWith("ftpseq proxy: "))
          .containsExactly(
              "ftpseq: cannot write to standard output: no space is left on the device");
    }
  }

  private static int listeningPort(Path err, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(read(err));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(process.isAlive()).as(read(err)).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("the proxy did not start listening: " + read(err));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, UTF_8) : "";
  }
}
