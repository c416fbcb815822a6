package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A live log read through a pipe ({@code tail -f vsftpd.log | ftpseq check -}): a session that
 * ended is in the report on standard output while the log is still being written, whatever the
 * report and however many threads. The pipe here is a named one (a fifo) that the test writes as a
 * server would, one session, a pause, another.
 */
class LiveInputTest {

  private static final String FIRST = session(100);
  private static final String SECOND = session(200);

  /** A vsftpd session of ten lines (fewer than format detection looks at) with one finding. */
  private static String session(int pid) {
    String at = "Mon Nov 23 06:40:23 2026 [pid " + pid + "] ";
    String client = "Client \"127.0.0.1\", ";
    return String.join(
        "\n",
        at + "CONNECT: Client \"127.0.0.1\"",
        at + "FTP response: " + client + "\"220 (vsFTPd 3.0.3)\"",
        at + "FTP command: " + client + "\"USER alice\"",
        at + "[alice] FTP response: " + client + "\"331 Please specify the password.\"",
        at + "[alice] FTP command: " + client + "\"PASS <password>\"",
        at + "[alice] FTP response: " + client + "\"230 Login successful.\"",
        at + "[alice] FTP command: " + client + "\"RNTO x.csv\"",
        at + "[alice] FTP response: " + client + "\"503 RNFR required first.\"",
        at + "[alice] FTP command: " + client + "\"QUIT\"",
        at + "[alice] FTP response: " + client + "\"221 Goodbye.\"",
        "");
  }

  @ParameterizedTest(name = "{0} report, {1} thread(s)")
  @CsvSource({"text, 1", "text, 2", "json, 1", "json, 3"})
  void aSessionThatEndedIsReportedWhileTheLogIsStillWritten(
      String report, String threads, @TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("vsftpd.log");
    assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS)
            && Files.exists(fifo),
        "mkfifo makes a named pipe");
    ByteArrayOutputStream out = new ByteArrayOutputStream(); // its methods are synchronized
    StringWriter err = new StringWriter();
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          CompletableFuture<Integer> run =
              CompletableFuture.supplyAsync(
                  () ->
                      Main.run(
                          new String[] {
                            "check", "--report", report, "--threads", threads, fifo.toString()
                          },
                          out,
                          new PrintWriter(err, true)));
          try (OutputStream log = Files.newOutputStream(fifo)) {
            log.write(FIRST.getBytes(StandardCharsets.UTF_8));
            log.flush();
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (findings(out) == 0 && System.nanoTime() < waitUntil) {
              Thread.sleep(50);
            }
            // the first session is in the report while the log is still open
            assertThat(findings(out)).isEqualTo(1);
            log.write(SECOND.getBytes(StandardCharsets.UTF_8));
          }
          assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.FINDINGS);
        });
    assertThat(err.toString()).isEmpty();
    assertThat(findings(out)).isEqualTo(2);
    assertThat(said(out))
        .contains(report.equals("json") ? "\"sessions\" : 2" : "2 session(s) in 1 input(s)");
  }

  /** How many findings the report shows so far: each names its rule once. */
  private static long findings(ByteArrayOutputStream out) throws IOException {
    return said(out).lines().filter(line -> line.contains("RNTO_WITHOUT_RNFR")).count();
  }

  private static String said(ByteArrayOutputStream out) throws IOException {
    return out.toString(StandardCharsets.UTF_8);
  }
}
