package io.ftpseq.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store counts what a session it holds costs as the heap does: never less, so that its budget
 * bounds the heap it takes, and not much more, so that it does not write to disk sessions that fit.
 * Counting 800 bytes a step and 600 a session, it took the two steps of each vsftpd session the
 * HTML report keeps for its table for 2,250 bytes where the heap held 1,070, and wrote a 20 MB
 * log's sessions to disk, which doubled the run's time.
 */
class SessionFootprintTest {

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"table", "none", "every"})
  void estimateIsWhatTheHeapHoldsForTheSessions(String kind) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                SessionFootprints.class.getName(),
                kind,
                temp.toString())
            .redirectErrorStream(true)
            .start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
    } finally {
      process.destroyForcibly();
    }
    String[] figures = output.split(" ");
    long held = Long.parseLong(figures[0]);
    long estimated = Long.parseLong(figures[1]);
    assertThat(Long.parseLong(figures[2])).as(output).isGreaterThan(1_000);
    assertThat(estimated)
        .as("estimated, of %d bytes held (%s)", held, output)
        .isBetween(held, held * 5 / 4);
  }
}
