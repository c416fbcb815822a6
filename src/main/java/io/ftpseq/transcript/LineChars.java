package io.ftpseq.transcript;

/**
 * The character classes of the line patterns ({@link io.ftpseq.protocol.LinePatterns}), for the
 * readers that take the lines every input is full of apart by hand: {@code \d}, {@code \w} and
 * {@code \s} as a pattern compiled there reads them, ASCII only.
 */
final class LineChars {

  private LineChars() {}

  /** {@code \d}. */
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code [A-Z]}. */
  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** {@code [a-z]}. */
  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** {@code \w}. */
  static boolean isWord(char c) {
    return isDigit(c) || isUpper(c) || isLower(c) || c == '_';
  }

  /** {@code \s}: space, tab, line feed, vertical tab, form feed and carriage return. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /**
   * Where a run of {@code \d} from {@code from} ends when it is {@code least} to {@code most}
   * digits long, else -1: what {@code \d{least,most}} matches when a character that is no digit
   * follows it.
   */
  static int digits(String text, int from, int least, int most) {
    int at = from;
    while (at < text.length() && at - from <= most && isDigit(text.charAt(at))) {
      at++;
    }
    return at - from < least || at - from > most ? -1 : at;
  }

  /** Whether the character at {@code at} is {@code c}. */
  static boolean isAt(String text, int at, char c) {
    return at >= 0 && at < text.length() && text.charAt(at) == c;
  }

  /**
   * Whether the text at {@code at} has the shape: in it {@code 0} stands for a digit, {@code w} for
   * a word character, {@code +} for a plus or minus sign, {@code ?} for any character, and any
   * other character for itself. So {@code fits(line, 0, "0000-00-00")} for a date at the start of a
   * line.
   */
  static boolean fits(String text, int at, String shape) {
    if (at < 0 || text.length() < at + shape.length()) {
      return false;
    }
    for (int i = 0; i < shape.length(); i++) {
      char c = text.charAt(at + i);
      boolean fits =
          switch (shape.charAt(i)) {
            case '0' -> isDigit(c);
            case 'w' -> isWord(c);
            case '+' -> c == '+' || c == '-';
            case '?' -> true;
            default -> c == shape.charAt(i);
          };
      if (!fits) {
        return false;
      }
    }
    return true;
  }
}
