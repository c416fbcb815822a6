package io.ftpseq.report.html;

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
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> UnsafeCharacters.isUnsafe(c) ? UnsafeCharacters.escape(c) : null;
          };
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

  /** The text cut to at most {@code max} characters, ending with an ellipsis when cut. */
  static String shortened(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
  }
}
