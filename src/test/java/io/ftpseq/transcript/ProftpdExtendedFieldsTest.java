package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An ExtendedLog line of ProFTPD's, read by hand, is read as the pattern of its form reads it. */
class ProftpdExtendedFieldsTest {

  /** The default ExtendedLog format, as a pattern: what the reader stands for. */
  private static final Pattern FORM =
      LinePatterns.compile(
          "^(\\S+) \\S+ \\S+ \\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\] "
              + "\"([^\"]*)\" (\\d{3}|-) \\S+.*$");

  @Test
  void readsWhatThePatternMatchesWithTheSameParts() {
    List<String> lines =
        LineMutations.of(
            // the lines in the default format, and some others
            LineMutations.linesOf(Path.of("samples/proftpd")).stream()
                .filter(l -> FORM.matcher(l).matches() || l.hashCode() % 8 == 0)
                .toList(),
            "0123456789[]\"/:+- \t\u000bNov_x",
            200_000);
    int matched =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              ProftpdLine.ExtendedFields read = ProftpdLine.ExtendedFields.read(line);
              return read == null
                  ? null
                  : Arrays.asList(read.client(), read.writtenTime(), read.command(), read.code());
            },
            line -> LineMutations.groups(FORM.matcher(line), 1, 2, 3, 4));
    assertThat(matched).isBetween(lines.size() / 10, lines.size() * 9 / 10);
  }
}
