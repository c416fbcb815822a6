package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick reading of vsftpd's lines gives the pattern's parts for every line it accepts, and
 * leaves every other line to the pattern: on the samples, the corpus, the shapes at the edge of the
 * pattern, and a hundred thousand lines mutated at random.
 */
class VsftpdLineTest {

  private static final Path CORPUS = Path.of("../shared/corpus");

  /** Lines at the edges of the pattern: each one differs from a plain line in one place. */
  private static final List<String> EDGES =
      List.of(
          "Mon Nov 23 06:40:23 2026 [pid 17062] CONNECT: Client \"127.0.0.1\"",
          "Mon Nov 23 06:40:23 2026 [pid 17062] [ftp] OK LOGIN: Client \"127.0.0.1\"",
          "Mon Nov 23 06:40:23 2026 [pid 17062] [ftp] FAIL LOGIN: Client \"127.0.0.1\"",
          "Mon Nov 23 06:40:23 2026 [pid 17062] [ftp] OK : Client \"127.0.0.1\"",
          "Mon Nov 23 06:40:23 2026 [pid 17062] [ftp] OK: Client \"127.0.0.1\"",
          "Mon Nov 23 06:40:23 2026 [pid 17062] [ftp] OKAY: Client \"127.0.0.1\"",
          "Mon Nov 23 06:40:23 2026 [pid 17062] [] FTP command: Client \"::1\", \"PWD\"",
          "Mon Nov  3 06:40:23 2026 [pid 1] [a b] FTP response: Client \"1\", \"257 \"/\"\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] [a]b] FTP command: Client \"1\", \"NOOP\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] [a FTP command: Client \"1\", \"NOOP\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP command: Client \"1\", \"NOOP\u0085\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP command: Client \"1\", \"NOOP\u2028\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP command: Client \"1\", \"NOOP\nx\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP command: Client \"1\"x",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP command: Client \"1\",",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP command: Client \"1\", ",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP command: Client \"1",
          "Mon Nov 23 06:40:23 2026 [pid 1] ftp command: Client \"1\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP-command: Client \"1\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] FTP command:Client \"1\"",
          "Mon Nov 23 06:40:23 2026 [pid ] FTP command: Client \"1\"",
          "Mon Nov 23 06:40:23 2026 [pid 1x] FTP command: Client \"1\"",
          "Mon Nov 23 06:40:23 2026 [pid 1]FTP command: Client \"1\"",
          "Mon_Nov 23 06:40:23 2026 [pid 1] FTP command: Client \"1\"",
          "M0n N0v 23 06:40:23 2026 [pid 1] FTP command: Client \"1\"",
          "Mon Nov x3 06:40:23 2026 [pid 1] FTP command: Client \"1\"",
          "Mon Nov 23 06:40:23 2026 [pid 1] vsftpd[7]: FTP command: Client \"1\"",
          "Mon Nov 23 06:40:23 2026 x vsftpd[7]: CONNECT: Client \"1\"",
          "Nov 22 10:00:00 host vsftpd[7]: [ftp] OK LOGIN: Client \"10.0.0.1\"",
          "Mon Nov 23 06:40:23 2026");

  @Test
  void quickReadingAgreesWithThePatternOnEveryLine() throws IOException {
    List<String> lines = new ArrayList<>(EDGES);
    lines.addAll(Files.readAllLines(Path.of("samples/vsftpd/log-ftp-protocol-two-sessions.log")));
    if (Files.isDirectory(CORPUS)) {
      try (Stream<Path> files = Files.walk(CORPUS)) {
        for (Path file : files.filter(f -> f.toString().contains("vsftpd")).toList()) {
          if (Files.isRegularFile(file)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
          }
        }
      }
    }
    List<String> all = new ArrayList<>(lines);
    Random random = new Random(20261129);
    String marks = "[]\":, OKFAILpid0123456789Client\u0085\u2028\t_x";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder line = new StringBuilder(lines.get(random.nextInt(lines.size())));
      for (int edits = 1 + random.nextInt(3); edits > 0 && line.length() > 0; edits--) {
        int at = random.nextInt(line.length());
        char c = marks.charAt(random.nextInt(marks.length()));
        switch (random.nextInt(3)) {
          case 0 -> line.setCharAt(at, c);
          case 1 -> line.insert(at, c);
          default -> line.deleteCharAt(at);
        }
      }
      all.add(line.toString());
    }

    int quick = 0;
    int pattern = 0;
    for (String line : all) {
      VsftpdLine byPattern = VsftpdLine.byPattern(line);
      VsftpdLine quickly = VsftpdLine.quickly(line);
      if (quickly != null) {
        assertThat(quickly).as(line).isEqualTo(byPattern);
        quick++;
      } else if (byPattern != null) {
        pattern++;
      }
      assertThat(VsftpdLine.of(line)).as(line).isEqualTo(byPattern);
    }
    assertThat(quick).as("lines read quickly").isGreaterThan(10_000);
    for (String line :
        Files.readAllLines(Path.of("samples/vsftpd/log-ftp-protocol-two-sessions.log"))) {
      VsftpdLine parts = VsftpdLine.byPattern(line);
      if (parts != null && parts.ctime() != null) {
        assertThat(VsftpdLine.quickly(line))
            .as("vsftpd's own form is read quickly: " + line)
            .isNotNull();
      }
    }
    assertThat(pattern).as("lines only the pattern reads (syslog, odd shapes)").isPositive();
  }
}
