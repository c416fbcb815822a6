package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A report read through a real pipe whose reader ends early ({@code ftpseq check big.log | head})
 * stops the run at its next write, as SIGPIPE stops any Unix tool: no line on standard error, exit
 * code 141, even while its input has more to come, and from the second VM of a long check too.
 */
class ClosedPipeTest {

  /** A vsftpd log of two sessions with findings; its copies make a log of many sessions. */
  private static final Path LOG = Path.of("samples/vsftpd/log-ftp-protocol-two-sessions.log");

  /** Copies of {@link #LOG} written: every report of them is far more than a pipe holds. */
  private static final int COPIES = 200;

  @TempDir Path dir;

  @ParameterizedTest(name = "--report {0}, input left open: {1}, second VM: {2}")
  @CsvSource({
    // written as the run goes: the input stays open, as a live log's would, and the run still ends
    "text, true, false",
    "json, true, false",
    "text, true, true",
    // written once the input has ended: the run ends without writing the rest of the report
    "junit, false, false",
    "sarif, false, false",
    "markdown, false, false",
    "html, false, false",
    "github, false, false",
    "json, false, true",
  })
  void aReportStopsOnceTheReaderOfItsPipeHasGone(
      String report, boolean inputLeftOpen, boolean secondVm) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dftpseq.jvm=" + (secondVm ? "tuned" : "here"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of("check", "--report", report, "-"));
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    try {
      byte[] log = Files.readAllBytes(LOG);
      Thread feeder =
          new Thread(
              () -> {
                OutputStream in = process.getOutputStream();
                try {
                  for (int i = 0; i < COPIES; i++) {
                    in.write(log);
                  }
                  in.flush();
                  if (!inputLeftOpen) {
                    in.close();
                  }
                } catch (IOException e) {
                  // the run ended before it read everything: what the test waits for
                }
              },
              "closed-pipe-test-input");
      feeder.setDaemon(true);
      feeder.start();

      InputStream out = process.getInputStream();
      byte[] head = out.readNBytes(1000);
      out.close(); // the reader has gone, as head's after its lines

      assertThat(head).as("the start of the report").hasSize(1000);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ended by itself").isTrue();
      assertThat(process.exitValue()).isEqualTo(ExitCodes.OUTPUT_CLOSED);
      assertThat(Files.readString(err, UTF_8)).isEmpty();
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
