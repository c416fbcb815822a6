package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Reads lines from bytes in any of the encodings met in FTP logs: each line is decoded as UTF-8
 * when it is valid UTF-8 and as Latin-1 otherwise, so file names in either never stop a run. Lines
 * end at LF, CRLF or a lone CR; the ending is not part of the line. CRs before an LF end one line
 * however many they are: {@code CR CR LF} is what a CRLF becomes when a program on Windows writes
 * it in text mode, and counting an empty line for each extra CR would put every line number after
 * the first at about twice the one an editor shows.
 *
 * <p>A line longer than {@link #MAX_LINE_BYTES} is no FTP line: only its first bytes are kept, and
 * {@link #overlong()} says so, so one endless line cannot take the memory. A UTF-8 character the
 * cut falls inside is left out, so the part kept reads as UTF-8 as the whole line would, not as
 * Latin-1.
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

  /** Whether the last line ended at a CR, so that an LF, or CRs and an LF, next end it too. */
  private boolean endedAtCr;

  /** Empty lines to give before reading on: CRs after a line's end that no LF followed. */
  private int emptyLinesOwed;

  private int candidate = -1;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Eight bytes of an array read as one little-endian long, the first in the lowest byte. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LFS = ONES * '\n';
  private static final long CRS = ONES * '\r';

  /** Whether the input broke off rather than ended, asked when its last line has no line end. */
  private final BooleanSupplier brokeOff;

  /** The bytes of a last line that the input broke off in the middle of, which was not given. */
  private long cutLineBytes;

  LineReader(InputStream in) {
    this(in, () -> false);
  }

  /**
   * Lines of an input that may break off (a truncated {@code .gz}): when it does, as {@code
   * brokeOff} says at its end, a last line with no line end is the start of a line, not a line, and
   * is not given ({@link #cutLineBytes()}); judged, {@code RNTO x10} stood for {@code RNTO x1046}.
   */
  LineReader(InputStream in, BooleanSupplier brokeOff) {
    this.in = in;
    this.brokeOff = brokeOff;
  }

  /** How many bytes of a line cut short by the input's break were read and not given; 0 if none. */
  long cutLineBytes() {
    return cutLineBytes;
  }

  /** The lines of an input's text, after its byte order mark ({@link ByteOrderMarks#dropped}). */
  static LineReader ofText(InputStream in) throws IOException {
    return ofText(in, () -> false);
  }

  /**
   * The lines of an input's text that may break off ({@link #LineReader(InputStream,
   * BooleanSupplier)}).
   */
  static LineReader ofText(InputStream in, BooleanSupplier brokeOff) throws IOException {
    return new LineReader(ByteOrderMarks.dropped(new BufferedInputStream(in, 1 << 16)), brokeOff);
  }

  /** The next line, or {@code null} at the end of the input. */
  String next() throws IOException {
    length = 0;
    fullLength = 0;
    if (endedAtCr) {
      endAfterCr();
    }
    if (emptyLinesOwed > 0) {
      emptyLinesOwed--;
      return decode();
    }
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (any && brokeOff.getAsBoolean()) {
          cutLineBytes = fullLength;
          return null;
        }
        return any ? decode() : null;
      }
      any = true;
      int end = lineEnd(buffer, position, limit);
      append(position, end);
      if (end < limit) {
        endedAtCr = buffer[end] == '\r';
        position = end + 1;
        return decode();
      }
      position = end;
    }
  }

  /**
   * Reads the rest of a line end that began with a CR: an LF, or more CRs and an LF, belong to it;
   * CRs that no LF follows are an empty line each.
   */
  private void endAfterCr() throws IOException {
    int crs = 0;
    while (position < limit || fill()) {
      byte b = buffer[position];
      if (b == '\r') {
        crs++;
        position++;
        continue;
      }
      if (b == '\n') {
        position++;
        crs = 0;
      }
      break;
    }
    endedAtCr = false;
    emptyLinesOwed = crs;
  }

  /**
   * Whether more of the input can be read at once, without waiting for it: false at the end of what
   * a pipe or terminal has given so far (a live log), and at the end of the input.
   */
  boolean ready() throws IOException {
    return emptyLinesOwed > 0 || position < limit || in.available() > 0;
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

  /**
   * What {@link Secrets#candidateIn(String)} gives for the line just read: looked for in its bytes
   * when they are ASCII, one a character, with no second pass over the string.
   */
  int candidate() {
    return candidate;
  }

  /**
   * Where the first CR or LF at or after {@code from} stands, or {@code to} when there is none:
   * eight bytes at a time, as the line-ending look is most of what reading costs.
   */
  static int lineEnd(byte[] bytes, int from, int to) {
    int at = from;
    for (; at + Long.BYTES <= to; at += Long.BYTES) {
      long word = (long) LONGS.get(bytes, at);
      long found = zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS);
      if (found != 0) {
        return at + Long.numberOfTrailingZeros(found) / Byte.SIZE;
      }
    }
    while (at < to && bytes[at] != '\n' && bytes[at] != '\r') {
      at++;
    }
    return at;
  }

  /**
   * The high bit of each zero byte of the word set, and perhaps of bytes above the lowest zero
   * byte, never below it: the lowest bit set marks the first zero byte exactly.
   */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word & HIGHS;
  }

  /** Whether the first {@code length} bytes are all ASCII: eight at a time. */
  static boolean isAscii(byte[] bytes, int length) {
    int at = 0;
    for (; at + Long.BYTES <= length; at += Long.BYTES) {
      if (((long) LONGS.get(bytes, at) & HIGHS) != 0) {
        return false;
      }
    }
    for (; at < length; at++) {
      if (bytes[at] < 0) {
        return false;
      }
    }
    return true;
  }

  private String decode() {
    boolean ascii = isAscii(line, length);
    String text;
    if (ascii) {
      text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
      candidate = Secrets.candidateIn(line, length);
      return text;
    }
    try {
      text = decodeUtf8();
    } catch (CharacterCodingException e) {
      text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
    candidate = Secrets.candidateIn(text);
    return text;
  }

  /**
   * The line read as UTF-8; of a line that was cut, the characters before the cut, the bytes of one
   * it falls inside left out.
   *
   * @throws CharacterCodingException when the bytes are not UTF-8
   */
  private String decodeUtf8() throws CharacterCodingException {
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    if (!overlong()) {
      return utf8.decode(bytes).toString();
    }
    CharBuffer chars = CharBuffer.allocate(length);
    utf8.reset();
    // not the end of the input: the bytes of a character cut short stay unread, not malformed
    CoderResult result = utf8.decode(bytes, chars, false);
    if (result.isError()) {
      result.throwException();
    }
    return chars.flip().toString();
  }
}
