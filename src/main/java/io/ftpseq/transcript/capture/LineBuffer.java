package io.ftpseq.transcript.capture;

import java.nio.charset.StandardCharsets;

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

    /** A line that grew past {@link #MAX_LINE} bytes; the rest of it up to its LF is skipped. */
    void tooLong(long frame, int length);
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

  /** Takes the next bytes of the stream. */
  void append(long frame, byte[] data, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      byte b = data[i];
      if (b == '\n') {
        if (!skipping) {
          int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
          long first = length == 0 ? frame : startFrame;
          length = 0;
          lines.line(first, new String(bytes, 0, end, StandardCharsets.UTF_8));
        }
        skipping = false;
      } else if (!skipping) {
        add(frame, b);
      }
    }
  }

  private void add(long frame, byte b) {
    if (length == 0) {
      startFrame = frame;
    }
    if (length == MAX_LINE) {
      lines.tooLong(startFrame, length);
      length = 0;
      skipping = true;
      return;
    }
    if (length == bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, Math.min(MAX_LINE, length * 2));
    }
    bytes[length++] = b;
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
