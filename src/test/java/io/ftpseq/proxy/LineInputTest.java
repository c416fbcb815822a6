package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Control lines come out whole and unchanged however the bytes arrive. */
class LineInputTest {

  private static final String DIALOGUE =
      "USER alice\r\nPASS secret\r\n\u00ffABOR\r\nRETR caf\u00e9.txt\nNOOP\r\n";

  @Test
  void linesAreTheSameAtEverySplitPoint() throws IOException {
    byte[] bytes = DIALOGUE.getBytes(StandardCharsets.UTF_8);
    List<String> whole = lines(new ByteArrayInputStream(bytes));
    assertThat(whole)
        .containsExactly(
            "USER alice\r\n",
            "PASS secret\r\n",
            "\u00ffABOR\r\n",
            "RETR caf\u00e9.txt\n",
            "NOOP\r\n");
    for (int split = 1; split < bytes.length; split++) {
      InputStream parts =
          new SequenceInputStream(
              new ByteArrayInputStream(Arrays.copyOfRange(bytes, 0, split)),
              new ByteArrayInputStream(Arrays.copyOfRange(bytes, split, bytes.length)));
      assertThat(lines(new OneReadAtATime(parts))).as("split at %d", split).isEqualTo(whole);
    }
  }

  @Test
  void aLastLineWithoutEndingIsGivenAtTheEnd() throws IOException {
    LineInput input = new LineInput(new ByteArrayInputStream(bytes("NOOP\r\nQUIT")), 512);
    assertThat(input.readLine()).isEqualTo(bytes("NOOP\r\n"));
    assertThat(input.readLine()).isEqualTo(bytes("QUIT"));
    assertThat(input.readLine()).isNull();
  }

  @Test
  void aLineLongerThanTheCapIsRefusedWhateverTheChunks() {
    byte[] longLine = bytes("RETR " + "x".repeat(600) + "\r\n");
    LineInput input = new LineInput(new OneReadAtATime(new ByteArrayInputStream(longLine)), 512);
    assertThatThrownBy(input::readLine)
        .isInstanceOf(LineInput.TooLong.class)
        .hasMessage("a line longer than 512 bytes");
  }

  @Test
  void aLineOfExactlyTheCapPasses() throws IOException {
    byte[] line = bytes("x".repeat(512) + "\r\n");
    assertThat(new LineInput(new ByteArrayInputStream(line), 512).readLine()).isEqualTo(line);
  }

  @Test
  void bytesReadAheadAreKeptForWhatFollows() throws IOException {
    LineInput input =
        new LineInput(new ByteArrayInputStream(bytes("AUTH TLS\r\n\u0016\u0003")), 512);
    input.readLine();
    assertThat(input.unread()).isEqualTo(bytes("\u0016\u0003"));
  }

  @Test
  void telnetCommandsAndLineEndingsAreNotPartOfTheText() {
    byte[] abort = {
      (byte) 0xff, (byte) 0xf4, (byte) 0xff, (byte) 0xf2, 'A', 'B', 'O', 'R', '\r', '\n'
    };
    assertThat(ControlText.of(abort)).isEqualTo("ABOR");
    byte[] doubled = {'R', 'E', 'T', 'R', ' ', (byte) 0xff, (byte) 0xff, '\r', '\n'};
    assertThat(ControlText.of(doubled)).isEqualTo("RETR \u00ff");
    assertThat(ControlText.of(bytes("RETR caf\u00e9\r\n"))).isEqualTo("RETR caf\u00e9");
    assertThat(ControlText.of(new byte[] {'R', (byte) 0xe9, '\n'})).isEqualTo("R\u00e9");
  }

  private static List<String> lines(InputStream in) throws IOException {
    LineInput input = new LineInput(in, 512);
    List<String> out = new ArrayList<>();
    byte[] line;
    while ((line = input.readLine()) != null) {
      out.add(new String(line, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Gives at most what one underlying read gives, as a socket does. */
  private static final class OneReadAtATime extends InputStream {
    private final InputStream in;

    OneReadAtATime(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, Math.min(len, Math.max(1, in.available())));
    }
  }
}
