package io.ftpseq.report.html;

/** Escaping of text for HTML and SVG, where every text from an input is untrusted. */
final class Html {

  private Html() {}

  /**
   * The text escaped for element content and quoted attribute values. Characters HTML does not
   * allow (NUL and other C0 controls but tab, line feed and carriage return) become U+FFFD.
   */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> c < ' ' && c != '\t' && c != '\n' && c != '\r' ? "\uFFFD" : null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
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
