package io.ftpseq.transcript;

/** Reads a Python string literal as {@code repr()} writes it: either quote, backslash escapes. */
final class PythonLiteral {

  private PythonLiteral() {}

  /**
   * The text of a literal such as {@code 'it\'s'} or {@code "it's"}, or {@code null} when the input
   * is not one. A {@code b} prefix (bytes) is accepted.
   */
  static String unquote(String literal) {
    String s = literal.strip();
    if (s.startsWith("b")) {
      s = s.substring(1);
    }
    if (s.length() < 2) {
      return null;
    }
    char quote = s.charAt(0);
    if ((quote != '\'' && quote != '"') || s.charAt(s.length() - 1) != quote) {
      return null;
    }
    int escape = s.indexOf('\\', 1);
    if (escape < 0 || escape >= s.length() - 2) {
      // no escape: a backslash just before the closing quote stands for itself, as below
      return s.substring(1, s.length() - 1);
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length() - 1) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'x' -> i = hex(s, i, 2, out);
        case 'u' -> i = hex(s, i, 4, out);
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  private static int hex(String s, int at, int digits, StringBuilder out) {
    int end = Math.min(at + 1 + digits, s.length() - 1);
    try {
      out.append((char) Integer.parseInt(s.substring(at + 1, end), 16));
    } catch (NumberFormatException e) {
      out.append(s, at - 1, end);
    }
    return end - 1;
  }
}
