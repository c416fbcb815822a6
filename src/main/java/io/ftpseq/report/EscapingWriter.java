package io.ftpseq.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A writer that shows control characters as escapes ({@code \x1b}, {@code \x00}), so text taken
 * from a log can neither drive the terminal that shows a report (escape sequences) nor break a
 * report's syntax (XML allows no control characters). Line feeds and tabs pass as they are; so do
 * carriage returns only as part of a CR LF the report itself writes, which it does not.
 */
final class EscapingWriter extends FilterWriter {

  private EscapingWriter(Writer out) {
    super(out);
  }

  /** Wraps the writer, unless it already escapes. */
  static Writer of(Writer out) {
    return out instanceof EscapingWriter ? out : new EscapingWriter(out);
  }

  @Override
  public void write(int c) throws IOException {
    if (shown(c)) {
      out.write(c);
    } else {
      out.write(escape(c));
    }
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (!shown(chars[i])) {
        out.write(chars, start, i - start);
        out.write(escape(chars[i]));
        start = i + 1;
      }
    }
    out.write(chars, start, end - start);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.toCharArray(), offset, length);
  }

  /** The text as this writer writes it: every control character shown as its escape. */
  static String escaped(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!shown(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append(escape(c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Whether a character is written as it is: not a C0 or C1 control (but line feed and tab), not
   * DEL, and not one of the two non-characters XML forbids.
   */
  static boolean shown(int c) {
    if (c == '\n' || c == '\t') {
      return true;
    }
    return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && c != 0xfffe && c != 0xffff;
  }

  private static String escape(int c) {
    return c <= 0xff
        ? String.format(Locale.ROOT, "\\x%02x", c)
        : String.format(Locale.ROOT, "\\u%04x", c);
  }
}
