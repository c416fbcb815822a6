package io.ftpseq.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that shows every character {@link UnsafeCharacters} finds unsafe as its visible escape
 * ({@code \x1b}, {@code \x00}, a right-to-left override as a backslash, {@code u202e}), so text
 * taken from a log can neither drive the terminal that shows a report (escape sequences), nor
 * reorder what a reader sees (bidirectional overrides and isolates), nor break a report's syntax
 * (XML allows no control characters). Line feeds and tabs pass as they are; so do carriage returns
 * only as part of a CR LF the report itself writes, which it does not. A surrogate pair split
 * between two writes is judged whole.
 */
final class EscapingWriter extends FilterWriter {

  private char pendingHigh; // the first half of a surrogate pair that ended a write, or 0

  private EscapingWriter(Writer out) {
    super(out);
  }

  /** Wraps the writer, unless it already escapes. */
  static Writer of(Writer out) {
    return out instanceof EscapingWriter ? out : new EscapingWriter(out);
  }

  @Override
  public void write(int c) throws IOException {
    write(new char[] {(char) c}, 0, 1);
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    int end = offset + length;
    int i = offset;
    if (pendingHigh != 0 && i < end) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(chars[i])) {
        writeCodePoint(Character.toCodePoint(high, chars[i]));
        i++;
      } else {
        out.write(UnsafeCharacters.escape(high));
      }
    }
    int start = i;
    while (i < end) {
      char c = chars[i];
      int codePoint = c;
      int width = 1;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == end) {
          out.write(chars, start, i - start);
          pendingHigh = c; // its other half may come with the next write
          return;
        }
        if (Character.isLowSurrogate(chars[i + 1])) {
          codePoint = Character.toCodePoint(c, chars[i + 1]);
          width = 2;
        }
      }
      if (UnsafeCharacters.isUnsafe(codePoint)) {
        out.write(chars, start, i - start);
        out.write(UnsafeCharacters.escape(codePoint));
        start = i + width;
      }
      i += width;
    }
    out.write(chars, start, end - start);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.toCharArray(), offset, length);
  }

  @Override
  public void flush() throws IOException {
    if (pendingHigh != 0) {
      out.write(UnsafeCharacters.escape(pendingHigh)); // the text ends with half a pair
      pendingHigh = 0;
    }
    super.flush();
  }

  private void writeCodePoint(int codePoint) throws IOException {
    if (UnsafeCharacters.isUnsafe(codePoint)) {
      out.write(UnsafeCharacters.escape(codePoint));
    } else {
      out.write(Character.toChars(codePoint));
    }
  }

  /** The text as this writer writes it: every unsafe character shown as its escape. */
  static String escaped(String text) {
    return UnsafeCharacters.shown(text);
  }
}
