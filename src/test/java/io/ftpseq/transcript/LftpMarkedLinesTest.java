package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.PieceLines;
import java.util.Arrays;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** lftp's marked lines read without the pattern read as the pattern reads them. */
class LftpMarkedLinesTest {

  private static final String[] PIECES = {
    "--->",
    "<---",
    "----",
    "****",
    "<--+",
    " ",
    "  ",
    "\t",
    "[42] ",
    "2026-11-28 21:00:54 ",
    "ftp.example.org ",
    "FEAT",
    "220 ready",
    "-",
    ">",
    "<",
    "*",
    "+",
    "x",
    "\u00e9",
    "",
  };

  @Test
  void readsWhatThePatternReads() {
    int marked = 0;
    for (String text : (Iterable<String>) PieceLines.of(PIECES, 20261201, 200_000, 6)::iterator) {
      Matcher m = LftpDebug.LINE.matcher(text);
      String[] expected =
          m.matches() ? new String[] {m.group(1), m.group(2), m.group(3), m.group(4)} : null;
      LftpDebug.Marked found = LftpDebug.Marked.of(text);
      String[] actual =
          found == null
              ? null
              : new String[] {found.pid(), found.context(), found.marker(), found.body()};
      assertThat(Arrays.toString(actual)).as(text).isEqualTo(Arrays.toString(expected));
      marked += expected == null ? 0 : 1;
    }
    assertThat(marked).isGreaterThan(20_000);
  }
}
