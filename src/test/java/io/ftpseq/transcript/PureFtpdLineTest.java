package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A syslog line of Pure-FTPd's, read by hand, is read as the pattern of its form reads it. */
class PureFtpdLineTest {

  /** The form of a line from the program's name on, as a pattern: what the reader stands for. */
  private static final Pattern FORM =
      LinePatterns.compile(
          "\\bpure-ftpd(?:\\[(\\d+)\\])?: \\(([^@)]*)@([^)]*)\\) \\[([A-Z]+)\\] (.*)$");

  @Test
  void readsWhatThePatternMatchesWithTheSameParts() {
    List<String> seeds = new ArrayList<>(LineMutations.linesOf(Path.of("samples/pure-ftpd")));
    seeds.add("Nov 22 10:00:00 host pure-ftpd[4242]: (alice@::1) [DEBUG] Command [pwd] []");
    seeds.add("Nov 22 \u00e9pure-ftpd: (?@h) [DEBUG] a letter that is not ASCII before the name");
    seeds.add("Nov 22 \u2460pure-ftpd: (?@h) [DEBUG] a sign that is not ASCII before the name");
    seeds.add("Nov 22 h pure-ftpd: (?@h) [DEBUG] says pure-ftpd: (x@y) [INFO] twice");
    seeds.add("Nov 22 h_pure-ftpd: (?@h) [DEBUG] a word character before the name");
    seeds.add("Nov 22 h-pure-ftpd: (?@h) [DEBUG] a hyphen before the name");
    // tries from several names that share what they find further on
    seeds.add("Nov 22 h pure-ftpd: (a pure-ftpd: (b@h pure-ftpd[7]: (c@d) [X] e) [INFO] f");
    seeds.add("Nov 22 h pure-ftpd: (a@b) x pure-ftpd: (c@d) [DEBUG] e");
    seeds.add("Nov 22 h pure-ftpd: (a@b) [x] pure-ftpd: (c@b) [INFO] d");
    List<String> lines =
        LineMutations.of(seeds, "0123456789[]()@: pure-ftpdDEBUGx_\u00e9\u0301", 200_000);
    int matched =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              PureFtpdLine read = PureFtpdLine.read(line);
              return read == null
                  ? null
                  : Arrays.asList(read.pid(), read.host(), read.level(), read.message());
            },
            line -> {
              Matcher form = ProgramLines.match(FORM, "pure-ftpd", line);
              return form == null
                  ? null
                  : Arrays.asList(form.group(1), form.group(3), form.group(4), form.group(5));
            });
    assertThat(matched).isBetween(lines.size() / 5, lines.size() * 4 / 5);
  }
}
