package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
    int matched = 0;
    for (String line : lines) {
      Matcher form = FORM.matcher(line);
      ProftpdLine.ExtendedFields read = ProftpdLine.ExtendedFields.read(line);
      assertThat(read != null).as(line).isEqualTo(form.matches());
      if (read != null) {
        matched++;
        assertThat(List.of(read.client(), read.writtenTime(), read.command(), read.code()))
            .as(line)
            .isEqualTo(IntStream.rangeClosed(1, 4).mapToObj(form::group).toList());
      }
    }
    assertThat(matched).isBetween(lines.size() / 10, lines.size() * 9 / 10);
  }
}
