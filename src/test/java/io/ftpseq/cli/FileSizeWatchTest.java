package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that changes size while it is read (written to, truncated by a rotation) is said in one
 * line: a file truncated while read ended with the problem its cut last line made and no word of
 * why.
 */
class FileSizeWatchTest {

  @TempDir Path temp;

  @Test
  void fileTruncatedWhileReadIsSaid() throws IOException {
    Path log = temp.resolve("shrinking.log");
    Files.writeString(log, "S: 220 ready\nC: USER alice\nS: 331 Password required\n");
    FileSizeWatch watch = new FileSizeWatch();
    try (InputStream in = watch.open(log)) {
      byte[] start = in.readNBytes(20);
      assertThat(new String(start, StandardCharsets.US_ASCII)).startsWith("S: 220");
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
        file.setLength(24); // cut inside the second line, as a rotation does
      }
      in.readAllBytes();
    }

    assertThat(watch.change("shrinking.log"))
        .hasValueSatisfying(
            p ->
                assertThat(p.message())
                    .isEqualTo(
                        "the file changed size while it was read (52 bytes when opened, 24 bytes"
                            + " read): it is being written or truncated, so its last line may be"
                            + " cut"));
  }

  @Test
  void fileReadAsItWasSaysNothing() throws IOException {
    Path log = temp.resolve("steady.log");
    Files.writeString(log, "S: 220 ready\n");
    FileSizeWatch watch = new FileSizeWatch();
    try (InputStream in = watch.open(log)) {
      in.readAllBytes();
    }

    assertThat(watch.change("steady.log")).isEmpty();
  }
}
