package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A line of FileZilla's log file, read by hand, is read as the pattern of its form reads it. */
class FileZillaFileLineTest {

  /** The form of a line of the log file, as a pattern: what the reader stands for. */
  private static final Pattern FORM =
      LinePatterns.compile(
          "^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d) (\\d+) (\\d+) ([A-Z][a-z]+): ?(.*)$");

  @Test
  void readsWhatThePatternMatchesWithTheSameParts() {
    List<String> lines =
        LineMutations.of(
            LineMutations.linesOf(Path.of("samples/filezilla")), "0123456789-: \tCRxy", 200_000);
    int matched =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              FileZillaLog.FileLine read = FileZillaLog.FileLine.read(line);
              return read == null
                  ? null
                  : Arrays.asList(
                      read.date(),
                      read.time(),
                      read.pid(),
                      read.engine(),
                      read.prefix(),
                      read.message());
            },
            line -> LineMutations.groups(FORM.matcher(line), 1, 2, 3, 4, 5, 6));
    assertThat(matched).isBetween(lines.size() / 5, lines.size() * 4 / 5);
  }
}
