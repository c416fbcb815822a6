package io.ftpseq.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from bytes in any of the encodings met in FTP logs: each line is decoded as UTF-8
 * when it is valid UTF-8 and as Latin-1 otherwise, so file names in either never stop a run. Lines
 * end at LF, CRLF or a lone CR; the ending is not part of the line.
 */
final class LineReader {

  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pending = -1;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line, or {@code null} at the end of the input. */
  String next() throws IOException {
    line.reset();
    int b = pending >= 0 ? pending : in.read();
    pending = -1;
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n' && b != '\r') {
      line.write(b);
      b = in.read();
    }
    if (b == '\r') {
      int after = in.read();
      if (after != '\n') {
        pending = after;
      }
    }
    return decode(line.toByteArray());
  }

  private String decode(byte[] bytes) {
    try {
      return utf8.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }
}
