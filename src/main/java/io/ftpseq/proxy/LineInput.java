package io.ftpseq.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a control connection one line at a time, as bytes with their line ending, so a relayed line
 * goes on as it came. A line ends at LF (CRLF on the wire, a bare LF from careless peers; the proxy
 * relays such a line ended by CRLF, see {@link ControlText#crlf}). A line longer than the cap is
 * refused rather than buffered without end: a peer that never ends its line must not take the
 * proxy's memory.
 */
final class LineInput {

  /** A line longer than the cap. */
  static final class TooLong extends IOException {
    private static final long serialVersionUID = 1L;

    private final int cap;

    TooLong(int cap) {
      super("a line longer than " + cap + " bytes");
      this.cap = cap;
    }

    /** The longest line allowed, in bytes, as the messages about it show it. */
    String cap() {
      return Integer.toString(cap);
    }
  }

  private final InputStream in;
  private final int cap;
  private final byte[] buffer = new byte[8192];
  private int start;
  private int end;

  /**
   * Reads from {@code in}.
   *
   * @param cap the longest line allowed, without its line ending
   */
  LineInput(InputStream in, int cap) {
    this.in = in;
    this.cap = cap;
  }

  /**
   * The next line with its ending; at the end of the stream, what is left without an ending, or
   * {@code null} when nothing is.
   *
   * @throws TooLong when the line is longer than the cap
   */
  byte[] readLine() throws IOException {
    byte[] line = new byte[0];
    while (true) {
      int lf = indexOfLf();
      int n = (lf < 0 ? end : lf + 1) - start;
      if (line.length + n > cap + 2) {
        throw new TooLong(cap);
      }
      if (n > 0) {
        line = Arrays.copyOf(line, line.length + n);
        System.arraycopy(buffer, start, line, line.length - n, n);
        start += n;
      }
      if (lf >= 0) {
        return line;
      }
      int read = in.read(buffer, 0, buffer.length);
      if (read < 0) {
        return line.length == 0 ? null : line;
      }
      start = 0;
      end = read;
    }
  }

  /** Bytes read from the stream but not yet returned as a line. */
  byte[] unread() {
    return Arrays.copyOfRange(buffer, start, end);
  }

  private int indexOfLf() {
    for (int i = start; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
