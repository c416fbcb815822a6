package io.ftpseq.transcript.capture;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts one direction's byte stream into lines at LF (a CR before it is dropped; RFC 959 asks for
 * CRLF, some peers send bare LF), remembering the frame where each line's first byte arrived. Lines
 * longer than {@link #MAX_LINE} bytes are not FTP; they are reported and skipped to their end.
 */
final class LineBuffer {

  /** Receives the lines. */
  interface Lines {
    /** A complete line, decoded as UTF-8 (RFC 2640), whose first byte arrived in {@code frame}. */
    void line(long frame, String text);

    /**
     * A line that grew past {@link #MAX_LINE} bytes; the rest of it up to its LF is skipped.
     *
     * @param head its first {@link #MAX_LINE} bytes, decoded: a password they show is still a
     *     secret to mask wherever it is echoed
     */
    void tooLong(long frame, int length, String head);
  }

  static final int MAX_LINE = 8192;

  private final Lines lines;
  private byte[] bytes = new byte[128];
  private int length;
  private long startFrame;
  private boolean skipping;

  LineBuffer(Lines lines) {
    this.lines = lines;
  }

  /** Takes the next bytes of the stream: each run of bytes up to a LF is copied at once. */
  void append(long frame, byte[] data, int offset, int count) {
    int end = offset + count;
    for (int from = offset; from < end; ) {
      int lf = from;
      while (lf < end && data[lf] != '\n') {
        lf++;
      }
      if (!skipping) {
        add(frame, data, from, lf);
      }
      if (lf == end) {
        return;
      }
      if (!skipping) {
        int last = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        long first = length == 0 ? frame : startFrame;
        length = 0;
        lines.line(first, new String(bytes, 0, last, StandardCharsets.UTF_8));
      }
      skipping = false;
      from = lf + 1;
    }
  }

  /** Adds the bytes {@code from} up to {@code to}; past {@link #MAX_LINE} the line is skipped. */
  private void add(long frame, byte[] data, int from, int to) {
    int count = to - from;
    if (count == 0) {
      return;
    }
    if (length == 0) {
      startFrame = frame;
    }
    if (count > MAX_LINE - length) {
      if (bytes.length < MAX_LINE) {
        bytes = Arrays.copyOf(bytes, MAX_LINE);
      }
      System.arraycopy(data, from, bytes, length, MAX_LINE - length);
      lines.tooLong(startFrame, MAX_LINE, new String(bytes, StandardCharsets.UTF_8));
      length = 0;
      skipping = true;
      return;
    }
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(MAX_LINE, Math.max(length + count, length * 2)));
    }
    System.arraycopy(data, from, bytes, length, count);
    length += count;
  }

  /** Forgets a partial line whose bytes went missing; the next byte starts a new line. */
  void clear() {
    length = 0;
    skipping = false;
  }

  /** The bytes after the last line ending, or {@code null} when there are none. */
  String partial() {
    return length == 0 ? null : new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** The frame where the partial line started. */
  long partialFrame() {
    return startFrame;
  }
}
