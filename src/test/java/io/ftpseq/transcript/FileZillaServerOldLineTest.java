package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A line of FileZilla Server 0.9's, read by hand, is read as the pattern of its form reads it. */
class FileZillaServerOldLineTest {

  /** The form of a 0.9 line, as a pattern: what the reader stands for. */
  private static final Pattern FORM =
      LinePatterns.compile(
          "^\\((\\d{6})\\) ?(\\d{1,4})([/.-])(\\d{1,2})[/.-](\\d{1,4}) (\\d{1,2}):(\\d\\d):(\\d\\d)"
              + "(?: ([AP]M))? - (.+?) \\(([^)]*)\\)> (.*)$");

  @Test
  void readsWhatThePatternMatchesWithTheSameParts() {
    List<String> lines =
        LineMutations.of(
            LineMutations.linesOf(Path.of("samples/filezilla-server")),
            "0123456789()/.-: >APMx\u00e9",
            200_000);
    int matched =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              FileZillaServerOldLine read = FileZillaServerOldLine.read(line);
              return read == null ? null : parts(read);
            },
            line -> {
              Matcher form = FORM.matcher(line);
              return form.matches() ? parts(form) : null;
            });
    // the edits leave many lines of the form and break many others
    assertThat(matched).isBetween(lines.size() / 5, lines.size() * 4 / 5);
  }

  @Test
  void aUserInParenthesesStaysWhole() {
    FileZillaServerOldLine line =
        FileZillaServerOldLine.read(
            "(000002)2025/11/6 3:58:48 PM - (not logged in) (127.0.0.1)> 220 Welcome (again)> x");
    assertThat(List.of(line.host(), line.message(), line.half()))
        .containsExactly("127.0.0.1", "220 Welcome (again)> x", "PM");
  }

  private static List<String> parts(FileZillaServerOldLine line) {
    String time = line.hour() + ":" + line.minutesAndSeconds();
    return Arrays.asList(
        line.connection(),
        line.first(),
        String.valueOf(line.separator()),
        line.second(),
        line.third(),
        time,
        line.half(),
        line.host(),
        line.message(),
        line.text.substring(line.dateStart, line.timeEnd));
  }

  private static List<String> parts(Matcher form) {
    int timeEnd = form.end(9) >= 0 ? form.end(9) : form.end(8);
    return Arrays.asList(
        form.group(1),
        form.group(2),
        form.group(3),
        form.group(4),
        form.group(5),
        form.group(6) + ":" + form.group(7) + ":" + form.group(8),
        form.group(9),
        form.group(11),
        form.group(12),
        form.group(0).substring(form.start(2), timeEnd));
  }
}
