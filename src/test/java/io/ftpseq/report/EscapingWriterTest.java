package io.ftpseq.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class EscapingWriterTest {

  private static final String TAG_A = Character.toString(0xe0041); // invisible, unsafe
  private static final String EMOJI = Character.toString(0x1f600); // visible, safe

  @Test
  void aSurrogatePairSplitBetweenWritesIsJudgedWhole() throws IOException {
    StringWriter to = new StringWriter();
    Writer out = EscapingWriter.of(to);
    for (char c : ("a" + TAG_A + EMOJI + "b").toCharArray()) {
      out.write(new char[] {c}, 0, 1);
    }
    out.flush();

    assertThat(to.toString()).isEqualTo("a\\U000e0041" + EMOJI + "b");
  }

  @Test
  void halfAPairIsEscapedWhereverItStands() throws IOException {
    StringWriter to = new StringWriter();
    Writer out = EscapingWriter.of(to);
    out.write("x" + TAG_A.charAt(0));
    out.write("y" + TAG_A.charAt(1));
    out.write(TAG_A.charAt(0));
    out.flush();

    assertThat(to.toString()).isEqualTo("x\\udb40y\\udc41\\udb40");
  }

  @Test
  void bidirectionalAndControlCharactersAreUnsafeAndLettersAreNot() {
    assertThat(UnsafeCharacters.shown("RNTO " + Character.toString(0x202e) + "txt.exe\u001b[0m"))
        .isEqualTo("RNTO \\u202etxt.exe\\x1b[0m");
    assertThat(UnsafeCharacters.shown("été 日本 " + EMOJI + "\tok\n"))
        .isEqualTo("été 日本 " + EMOJI + "\tok\n");
  }
}
