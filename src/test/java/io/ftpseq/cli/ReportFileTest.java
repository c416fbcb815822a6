package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.benchmark.LogGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are whole or absent: written beside their name and moved into place. */
class ReportFileTest {

  @TempDir Path temp;

  private List<String> namesIn(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void reportWrittenAgainReplacesTheOldOneAndLeavesNothingElse() throws Exception {
    Path report = temp.resolve("report.json");
    Files.writeString(report, "an older report, longer than nothing");

    CliRun run =
        CliRun.of(
            "check", "--report", "json", "-o", report.toString(), "samples/dialogue/bad-order.txt");

    assertThat(run.err()).isEmpty();
    assertThat(new ObjectMapper().readTree(report.toFile()).get("summary").get("sessions").asInt())
        .isEqualTo(1);
    assertThat(namesIn(temp)).containsExactly("report.json");
  }

  @Test
  void reportNamedByALinkIsWrittenThroughTheLink() throws Exception {
    Path real = Files.writeString(temp.resolve("real.json"), "old");
    Path link = Files.createSymbolicLink(temp.resolve("link.json"), real);

    CliRun.of("check", "--report", "json", "-o", link.toString(), "samples/dialogue/bad-order.txt");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("\"summary\"");
    assertThat(namesIn(temp)).containsExactly("link.json", "real.json");
  }

  /**
   * A run interrupted while it writes its report (Ctrl-C, a CI job's time limit) leaves no report
   * that looks whole to a CI system and cannot be read: before, the file stopped mid-session.
   */
  @Test
  void runStoppedWhileWritingItsReportLeavesNoHalfReport() throws Exception {
    Path log = temp.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 16L * 1024 * 1024);
    Path out = Files.createDirectory(temp.resolve("out"));
    Path report = out.resolve("report.json");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "check",
                "--explain-all",
                "--report",
                "json",
                "-o",
                report.toString(),
                log.toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("console.txt").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (namesIn(out).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(namesIn(out)).as("the report being written").hasSize(1);
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue())
          .as(Files.readString(temp.resolve("console.txt"), UTF_8))
          .isEqualTo(130);
      assertThat(namesIn(out)).isEmpty();
    } finally {
      process.destroyForcibly();
    }
  }
}
