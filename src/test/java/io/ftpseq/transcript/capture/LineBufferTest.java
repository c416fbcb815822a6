package io.ftpseq.transcript.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The line buffer copies each run of bytes up to a LF at once; what it gives must be what the rule
 * read one byte at a time gives, however the stream is cut into segments: lines at LF with one CR
 * before it dropped, each with the frame of its first byte, and a line past {@link
 * LineBuffer#MAX_LINE} reported once at its first frame, with its first bytes, and skipped to its
 * LF.
 */
class LineBufferTest {

  @Test
  void linesAreThoseOfTheRuleReadByteByByteForAnySegments() {
    Random random = new Random(42);
    byte[] alphabet = "ab \r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int round = 0; round < 2_000; round++) {
      byte[] stream = new byte[random.nextInt(round % 10 == 0 ? 3 * LineBuffer.MAX_LINE : 300)];
      boolean longLines = random.nextBoolean();
      for (int i = 0; i < stream.length; i++) {
        stream[i] =
            longLines && random.nextInt(4_000) != 0
                ? (byte) 'x'
                : alphabet[random.nextInt(alphabet.length)];
      }
      List<String> actual = new ArrayList<>();
      LineBuffer buffer = new LineBuffer(recorder(actual));
      ByteByByte reference = new ByteByByte();
      long frame = 1;
      for (int from = 0; from < stream.length; frame++) {
        int count = Math.min(stream.length - from, random.nextInt(1_600));
        buffer.append(frame, stream, from, count);
        reference.append(frame, stream, from, count);
        from += count;
      }
      if (buffer.partial() != null) {
        actual.add("partial " + buffer.partialFrame() + " " + buffer.partial());
      }
      if (reference.length > 0) {
        reference.out.add(
            "partial "
                + reference.startFrame
                + " "
                + new String(reference.bytes, 0, reference.length, StandardCharsets.UTF_8));
      }

      assertThat(actual).as("round %d", round).isEqualTo(reference.out);
    }
  }

  /** The rule, one byte at a time. */
  private static final class ByteByByte {
    final List<String> out = new ArrayList<>();
    final byte[] bytes = new byte[LineBuffer.MAX_LINE];
    int length;
    long startFrame;
    boolean skipping;

    void append(long frame, byte[] data, int offset, int count) {
      for (int i = offset; i < offset + count; i++) {
        if (data[i] == '\n') {
          if (!skipping) {
            int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
            out.add(
                (length == 0 ? frame : startFrame)
                    + " "
                    + new String(bytes, 0, end, StandardCharsets.UTF_8));
            length = 0;
          }
          skipping = false;
        } else if (!skipping) {
          if (length == 0) {
            startFrame = frame;
          }
          if (length == LineBuffer.MAX_LINE) {
            out.add(
                "too long "
                    + startFrame
                    + " "
                    + length
                    + " "
                    + new String(bytes, 0, length, StandardCharsets.UTF_8));
            length = 0;
            skipping = true;
          } else {
            bytes[length++] = data[i];
          }
        }
      }
    }
  }

  private static LineBuffer.Lines recorder(List<String> into) {
    return new LineBuffer.Lines() {
      @Override
      public void line(long frame, String text) {
        into.add(frame + " " + text);
      }

      @Override
      public void tooLong(long frame, int length, String head) {
        into.add("too long " + frame + " " + length + " " + head);
      }
    };
  }
}
