package io.ftpseq.transcript;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * An input's bytes after its byte order mark, as UTF-8 where the mark says UTF-16 or UTF-32: a log
 * saved by Windows PowerShell's redirection ({@code > ftp.log}) or Notepad's "Unicode" is UTF-16LE
 * with a mark, and every reader reads UTF-8 (or Latin-1) bytes. Line breaks stay where they were,
 * so line numbers are those of the file. A UTF-8 mark is dropped; an input without a mark is left
 * as it is (UTF-16 without one is not told from binary data).
 */
final class ByteOrderMarks {

  /** The marks looked for, the longest first where one starts as another does. */
  private static final ByteOrderMark[] MARKS = {
    ByteOrderMark.UTF_8,
    ByteOrderMark.UTF_32LE,
    ByteOrderMark.UTF_32BE,
    ByteOrderMark.UTF_16LE,
    ByteOrderMark.UTF_16BE
  };

  private ByteOrderMarks() {}

  /**
   * The input's text from after its byte order mark, in UTF-8 when the mark names another encoding;
   * the input itself when it starts with no mark, so that most inputs are read through no further
   * layer.
   */
  static BufferedInputStream dropped(BufferedInputStream in) throws IOException {
    in.mark(ByteOrderMark.UTF_32LE.length());
    // only looks: the marked bytes are read again after the reset, and in is not closed here
    ByteOrderMark mark =
        BOMInputStream.builder().setInputStream(in).setByteOrderMarks(MARKS).get().getBOM();
    in.reset();
    if (mark == null) {
      return in;
    }
    in.readNBytes(mark.length());
    if (mark.equals(ByteOrderMark.UTF_8)) {
      return in;
    }
    ReaderInputStream utf8 =
        ReaderInputStream.builder()
            .setReader(new InputStreamReader(in, mark.getCharsetName()))
            .setCharset(StandardCharsets.UTF_8)
            .get();
    return new BufferedInputStream(utf8, 1 << 16);
  }
}
