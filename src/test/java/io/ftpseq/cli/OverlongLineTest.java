package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line too long to be FTP is measured once, in the bytes it was read as. */
class OverlongLineTest {

  @TempDir Path dir;

  @Test
  void anOverlongLineIsMeasuredInBytesOnly() throws Exception {
    Path transcript = dir.resolve("long.txt");
    String password = "x".repeat(2_000_000);
    Files.writeString(
        transcript,
        "S: 220 Ready\r\nC: USER alice\r\nS: 331 Password?\r\nC: PASS "
            + password
            + "\r\nS: 230 In\r\n",
        UTF_8);

    CliRun run = CliRun.of("check", transcript.toString());

    assertThat(run.out())
        .contains(
            transcript
                + ":4: problem: line of 2,000,008 bytes is longer than any FTP line (at most"
                + " 1,048,576): \"C: PASS ****...\""
                + System.lineSeparator())
        .doesNotContain("characters")
        .doesNotContain("xxxx");
  }
}
