package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A program's syslog line found from its name matches what {@code ^.*?} before it matched. */
class ProgramLinesTest {

  private static final String TAIL =
      "\\bpure-ftpd(?:\\[(\\d+)\\])?: \\(([^@)]*)@([^)]*)\\) \\[([A-Z]+)\\] (.*)$";

  @Test
  void findsWhatALazyPrefixFound() {
    Pattern fromName = LinePatterns.compile(TAIL);
    Pattern whole = LinePatterns.compile("^.*?" + TAIL);
    List<String> lines =
        List.of(
            "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [DEBUG] Command [pass] [<*>]",
            "Nov 22 10:00:00 host pure-ftpd[42]: (bob@::1) [INFO] New connection from ::1",
            "pure-ftpd: (?@h) [DEBUG] 220 at the very start",
            "Nov 22 pure-ftpd-box pure-ftpd[7]: (?@h) [DEBUG] 230 a host named after it",
            "Nov 22 xpure-ftpd: (?@h) [DEBUG] no word boundary before the name",
            "Nov 22 é_pure-ftpd: (?@h) [DEBUG] a word character before the name",
            "Nov 22 h pure-ftpd: (?@h) [DEBUG] says pure-ftpd: (x@y) [INFO] twice",
            "Nov 22 h pure-ftpd: (?@h) [debug] lower case level",
            "Nov 22 h pure-ftpd: (?@h) [DEBUG] \u2028 a line separator in the message",
            "Nov 22 h vsftpd[3]: a line of another program",
            "");
    for (String line : lines) {
      Matcher expected = whole.matcher(line);
      Matcher found = ProgramLines.match(fromName, "pure-ftpd", line);
      assertThat(found != null).as(line).isEqualTo(expected.matches());
      if (found != null) {
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(found::group).toList())
            .as(line)
            .isEqualTo(IntStream.rangeClosed(1, 5).mapToObj(expected::group).toList());
      }
    }
  }
}
