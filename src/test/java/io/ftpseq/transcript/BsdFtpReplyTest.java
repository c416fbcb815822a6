package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A reply's first line in a BSD ftp client's output, told by hand, as its pattern tells it. */
class BsdFtpReplyTest {

  private static final Pattern REPLY = LinePatterns.compile("^[1-6]\\d\\d(?:[ -].*)?$");

  @Test
  void tellsTheLinesThePatternMatches() {
    List<String> lines =
        LineMutations.of(LineMutations.linesOf(Path.of("samples/ftp")), "0156789 -\n\t>x", 200_000);
    int matched =
        LineMutations.assertReadAlike(
            lines,
            line -> BsdFtpDebug.isReply(line) ? List.of() : null,
            line -> REPLY.matcher(line).matches() ? List.of() : null);
    assertThat(matched).isBetween(lines.size() / 10, lines.size() * 4 / 5);
  }
}
