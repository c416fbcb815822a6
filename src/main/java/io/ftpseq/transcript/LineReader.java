package io.ftpseq.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines from bytes in any of the encodings met in FTP logs: each line is decoded as UTF-8
 * when it is valid UTF-8 and as Latin-1 otherwise, so file names in either never stop a run. Lines
 * end at LF, CRLF or a lone CR; the ending is not part of the line.
 *
 * <p>A line longer than {@link #MAX_LINE_BYTES} is no FTP line: only its first bytes are kept, and
 * {@link #overlong()} says so, so one endless line cannot take the memory.
 */
final class LineReader {

  /** The longest line kept whole: far longer than any command, reply or log line. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private int length;
  private long fullLength;
  private boolean skipLf;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line, or {@code null} at the end of the input. */
  String next() throws IOException {
    length = 0;
    fullLength = 0;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any ? decode() : null;
      }
      if (skipLf) {
        skipLf = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      any = true;
      int end = position;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      append(position, end);
      if (end < limit) {
        skipLf = buffer[end] == '\r';
        position = end + 1;
        return decode();
      }
      position = end;
    }
  }

  /** Whether the line just read was longer than {@link #MAX_LINE_BYTES} and was cut. */
  boolean overlong() {
    return fullLength > length;
  }

  /** The length in bytes of the line just read, before any cut. */
  long lineBytes() {
    return fullLength;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private void append(int from, int to) {
    int count = Math.min(to - from, MAX_LINE_BYTES - length);
    fullLength += to - from;
    if (count <= 0) {
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  private String decode() {
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = line[i] >= 0;
    }
    if (ascii) {
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException e) {
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
  }
}
