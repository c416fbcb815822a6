package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ftpseq.protocol.Command;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Lines read again a session at a time give what reading them from the start gives, secrets masked
 * the same, while the input is read once.
 */
class ShownLinesTest {

  private static final Path LOG = Path.of("samples/vsftpd/log-ftp-protocol-two-sessions.log");

  @Test
  void windowsAskedInOrderAreTheLinesReadFromTheStartAndTheInputIsReadOnce() throws IOException {
    byte[] log = Files.readAllBytes(LOG);
    Counting counting = new Counting(new ByteArrayInputStream(log));
    ShownLines shown = new ShownLines(counting, "vsftpd");
    for (NavigableSet<Long> window : List.of(lines(1, 12), lines(3, 30), lines(25, 49))) {
      assertThat(shown.read(window))
          .isEqualTo(TranscriptLines.readShown(new ByteArrayInputStream(log), "vsftpd", window));
      shown.forgetBefore(window.first());
    }
    assertThat(counting.bytes).isEqualTo(log.length);
    assertThat(shown.read(lines(40, 49)).get(49L))
        .isEqualTo(new String(log, StandardCharsets.UTF_8).strip().lines().toList().get(48));
  }

  @Test
  void aPasswordSentInOneWindowIsMaskedInTheNext() throws IOException {
    String log =
        "C: USER alice\nS: 331 Password required\nC: PASS s3cret\nS: 230 Logged in\n"
            + "C: SITE ECHO s3cret\n";
    ShownLines shown = new ShownLines(stream(log), "dialogue");
    assertThat(shown.read(lines(1, 3)).get(3L)).doesNotContain("s3cret");
    assertThat(shown.read(lines(5, 5)).get(5L)).startsWith("C: SITE ECHO").doesNotContain("s3cret");
  }

  /**
   * A password typed at the user prompt by mistake stands before the PASS that shows it to be one:
   * the HTML report's excerpt showed it, as each line was masked with the secrets read up to it.
   */
  @Test
  void aPasswordOnALineBeforeItsPassIsMaskedThereToo() throws IOException {
    String log =
        "S: 220 x\nC: USER alice\nS: 331 pw\nC: wonderland\nS: 500 Unknown\n"
            + "C: PASS wonderland\nS: 230 ok\n";
    ShownLines shown = new ShownLines(stream(log), "dialogue");
    Map<Long, String> read = shown.read(lines(1, 7));
    assertThat(read.get(4L)).isEqualTo("C: " + Command.MASK);
    assertThat(read.values()).noneMatch(line -> line.contains("wonderland"));
    assertThat(read.get(2L)).isEqualTo("C: USER alice");
  }

  /**
   * A line read as a reply is the server's text, and so is a reply line that could not be read:
   * only the secrets the input showed are masked in it. A line that could not be read as anything,
   * or a comment, may tell a password in words.
   */
  @Test
  void replyLinesHaveOnlyLearntSecretsMaskedAndOtherLinesPasswordsInWordsToo() throws IOException {
    String log =
        "S: 220 ProFTPD\nC: USER proftest\nS: 331 Password required for proftest\n"
            + "C: PASS s3cret\nS: 530 Login incorrect for s3cret, password required\n"
            + "my password is told\n# password: typed\nC: ADAT a2V5\nC: RETR password.txt\n"
            + "S: 150-Password required\nS:  for the next line too\nS: 150 Password: here\n"
            + "S: 33x Password required for a reply that cannot be read\n";
    ShownLines shown = new ShownLines(stream(log), "dialogue");

    Map<Long, String> read = shown.read(lines(1, 13));

    assertThat(read.get(3L)).isEqualTo("S: 331 Password required for proftest");
    assertThat(read.get(5L)).isEqualTo("S: 530 Login incorrect for ****, password required");
    assertThat(read.get(6L)).isEqualTo("my password is ****");
    assertThat(read.get(7L)).isEqualTo("# password: ****");
    assertThat(read.get(8L)).isEqualTo("C: ADAT ****");
    assertThat(read.get(9L)).isEqualTo("C: RETR password.txt");
    assertThat(read.get(10L)).isEqualTo("S: 150-Password required");
    assertThat(read.get(11L)).isEqualTo("S:  for the next line too");
    assertThat(read.get(12L)).isEqualTo("S: 150 Password: here");
    assertThat(read.get(13L)).isEqualTo("S: 33x Password required for a reply that cannot be read");
  }

  @Test
  void linesLetGoCannotBeAskedForAgain() throws IOException {
    ShownLines shown = new ShownLines(Files.newInputStream(LOG), "vsftpd");
    shown.read(lines(1, 20));
    shown.forgetBefore(10);
    assertThat(shown.reaches(9)).isFalse();
    assertThat(shown.reaches(10)).isTrue();
    assertThat(shown.read(lines(10, 11))).containsOnlyKeys(10L, 11L);
    assertThatThrownBy(() -> shown.read(lines(9, 11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 9 was let go; lines from 10 on are kept");
  }

  @Test
  void linesPastTheEndAreLeftOut() throws IOException {
    ShownLines shown = new ShownLines(stream("C: USER a\nS: 331 ok\n"), "dialogue");
    assertThat(shown.read(lines(1, 5))).containsOnlyKeys(1L, 2L);
    assertThat(shown.read(lines(2, 9))).containsOnlyKeys(2L);
  }

  private static NavigableSet<Long> lines(long first, long last) {
    NavigableSet<Long> lines = new TreeSet<>();
    LongStream.rangeClosed(first, last).forEach(lines::add);
    return lines;
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    long bytes;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      bytes += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      bytes += Math.max(n, 0);
      return n;
    }
  }
}
