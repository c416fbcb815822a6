package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.benchmark.LogGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that runs out of memory ends at once with exit 5 and one line, whichever thread memory
 * ran out on: the reading thread, a session worker between two pieces of work, or the report's. It
 * used to hang for good when a worker ran out (four runs in four on this log at 32 MB), after
 * printing the worker's stack trace.
 */
class OutOfMemoryTest {

  @TempDir Path dir;

  @Test
  void runningOutOfMemoryEndsTheRunWithOneLine() throws Exception {
    Path log = dir.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 20 << 20); // 17,000 interleaved sessions
    int outOfMemory = 0;
    // at 4 MB memory runs out while the command line is being set up, before the check starts
    for (String heap : List.of("-Xmx4m", "-Xmx24m", "-Xmx32m", "-Xmx40m")) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(heap, "-Dftpseq.jvm=here", "-cp"));
      command.add(System.getProperty("java.class.path"));
      command.addAll(
          List.of(
              Main.class.getName(),
              "check",
              "--explain-all",
              "--report",
              "json",
              "-o",
              dir.resolve("report.json").toString(),
              log.toString()));
      Process check =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(dir.resolve("err.txt").toFile())
              .start();
      try {
        assertThat(check.waitFor(90, TimeUnit.SECONDS)).as("ended by itself, " + heap).isTrue();
      } finally {
        check.destroyForcibly();
      }
      String err = Files.readString(dir.resolve("err.txt"), UTF_8);
      if (check.exitValue() == ExitCodes.OUT_OF_MEMORY) {
        outOfMemory++;
        assertThat(err.lines())
            .as(heap)
            .singleElement()
            .asString()
            .startsWith("ftpseq: out of memory:");
      } else {
        assertThat(check.exitValue()).as(heap + ": " + err).isEqualTo(ExitCodes.FINDINGS);
        assertThat(err).as(heap).isEmpty();
      }
    }
    assertThat(outOfMemory).as("runs that ran out of memory, of 4").isPositive();
  }
}
