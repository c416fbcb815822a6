package io.ftpseq.report.html;

import io.ftpseq.report.DisplayWidth;
import io.ftpseq.report.UnsafeCharacters;

/** Escaping of text for HTML and SVG, where every text from an input is untrusted. */
final class Html {

  private Html() {}

  /**
   * The text escaped for element content and quoted attribute values. A character {@link
   * UnsafeCharacters} finds unsafe (a control character, a bidirectional override or isolate,
   * another invisible format character) is shown as its visible escape, as in every report.
   */
  static String escape(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      String replacement = replacement(c);
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(text, i, i + width);
        }
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }

  /**
   * The text escaped as {@link #escape} escapes it and cut to at most {@code columns} columns of a
   * monospace font, ending with an ellipsis when cut. The columns are those drawn: an unsafe
   * character takes as many as its escape has characters, a wide character ({@link DisplayWidth})
   * two; the cut falls between two characters of the text, never inside an escape or between the
   * halves of a surrogate pair. So {@code RETR} and a U+202E cut to 10 columns is {@code RETR}, a
   * space and an ellipsis, as the 6 characters of the escape do not fit in the 4 columns left.
   */
  static String fitted(String text, int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be at least 1: " + columns);
    }
    if (columns(text) <= columns) {
      return escape(text);
    }
    StringBuilder out = new StringBuilder(columns + 16);
    int used = 0;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      String replacement = replacement(c);
      int width = replacement == null ? DisplayWidth.of(c) : escapedColumns(replacement);
      if (used + width > columns - 1) {
        break;
      }
      used += width;
      if (replacement == null) {
        out.appendCodePoint(c);
      } else {
        out.append(replacement);
      }
      i += Character.charCount(c);
    }
    return out.append('\u2026').toString();
  }

  /** The columns the text takes once escaped, as {@link #fitted} counts them. */
  static int columns(String text) {
    int sum = 0;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      String replacement = replacement(c);
      sum += replacement == null ? DisplayWidth.of(c) : escapedColumns(replacement);
      i += Character.charCount(c);
    }
    return sum;
  }

  /** The columns a replacement takes: one for an entity, one per character for an escape. */
  private static int escapedColumns(String replacement) {
    return replacement.charAt(0) == '&' ? 1 : replacement.length();
  }

  /** What a code point is written as, or null when it is written as it is. */
  private static String replacement(int c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#39;";
      default -> UnsafeCharacters.isUnsafe(c) ? UnsafeCharacters.escape(c) : null;
    };
  }
}
