package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A line of FileZilla Server 1.x's, read by hand, is read as the pattern of its form reads it. */
class FileZillaServerNewLineTest {

  /** The form of a 1.x line, as a pattern: what the reader stands for. */
  private static final Pattern FORM =
      LinePatterns.compile(
          "^(?:(\\d{4}-\\d\\d-\\d\\dT\\S+Z) )?(>>|<<|==|!!|WW|D[WIVD]|PP|Command:|Reply:|Status:"
              + "|Error:|Warning:|Debug \\w+:|Private:) \\[([^\\]]*)\\] ?(.*)$");

  @Test
  void readsWhatThePatternMatchesWithTheSameParts() {
    List<String> seeds =
        new ArrayList<>(LineMutations.linesOf(Path.of("samples/filezilla-server")));
    seeds.add("Debug ftp_session: [FTP Session 6 ::1] a debug line");
    seeds.add("2025-08-25T00:15:15Z Private: [x] y");
    seeds.add("2025-08-25T00:15:15.084Z\t>> [FTP Session 6 ::1] a tab after the time");
    List<String> lines = LineMutations.of(seeds, "0123456789-:TZ []<>=DWIVbug_\tx", 200_000);
    int matched =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              FileZillaServerNewLine read = FileZillaServerNewLine.read(line);
              return read == null
                  ? null
                  : Arrays.asList(read.time(), read.tag(), read.module(), read.message());
            },
            line -> LineMutations.groups(FORM.matcher(line), 1, 2, 3, 4));
    assertThat(matched).isBetween(lines.size() / 10, lines.size() * 4 / 5);
  }
}
