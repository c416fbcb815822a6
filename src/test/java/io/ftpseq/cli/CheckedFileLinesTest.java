package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ftpseq.benchmark.LogGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report reads the raw lines of a checked file once, not once per session: it used to read
 * the file from its start for every session, so a 20 MB log of 17,000 sessions took more than 25
 * minutes to report. Measured by the bytes this process reads (Linux counts them in {@code
 * /proc/self/io}), so the test does not depend on the machine's speed.
 */
class CheckedFileLinesTest {

  @TempDir Path temp;

  @Test
  void anHtmlReportReadsACheckedLogOnceNotOncePerSession() throws IOException {
    Path io = Path.of("/proc/self/io");
    assumeTrue(Files.isReadable(io), "Linux counts the bytes a process reads");
    Path log = temp.resolve("vsftpd.log");
    long[] written = LogGenerator.vsftpd(log, 1 << 20);
    long size = Files.size(log);
    Path html = temp.resolve("report.html");
    CliRun.of("check", log.toString()); // loads the classes, whose reading would count

    long before = bytesRead(io);
    CliRun run = CliRun.of("check", "--report", "html", "-o", html.toString(), log.toString());
    long read = bytesRead(io) - before;

    assertThat(run.err()).isEmpty();
    assertThat(written[1]).as("sessions").isGreaterThan(500);
    assertThat(Files.readString(html)).contains("<details class=\"raw\">");
    // checking reads the log once and the report once more; 500 sessions each reading it from
    // the start read it hundreds of times
    assertThat(read).as("bytes read for a log of %d bytes", size).isLessThan(10 * size);
  }

  private static long bytesRead(Path io) throws IOException {
    List<String> lines = Files.readAllLines(io);
    for (String line : lines) {
      if (line.startsWith("rchar:")) {
        return Long.parseLong(line.substring("rchar:".length()).strip());
      }
    }
    throw new IllegalStateException("no rchar in " + lines);
  }
}
