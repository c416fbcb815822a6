package io.ftpseq.report;

import io.ftpseq.session.FileNames;
import java.util.Locale;

/**
 * The one place that decides which characters of an input a report must not write as they are, and
 * how it shows them instead. A transcript is written by strangers: a control character can drive
 * the terminal that shows a report (an escape sequence) or break its syntax (XML allows no C0
 * control but tab, line feed and carriage return), and an invisible format character can change how
 * the text around it reads (U+202E RIGHT-TO-LEFT OVERRIDE turns {@code RNTO a.txt} into what looks
 * like another command, as in "Trojan Source"). Every report writer shows such a character as a
 * visible escape: {@code \x1b} up to U+00FF, a backslash, {@code u} and four hex digits in the rest
 * of the basic plane, {@code \U000e0041} beyond it; the JSON writers write it as a JSON escape.
 *
 * <p>Unsafe are: the C0 and C1 controls and DEL but tab and line feed; every format character
 * (Unicode category Cf: the bidirectional marks, embeddings, overrides and isolates U+200E, U+200F,
 * U+202A to U+202E, U+2066 to U+2069 and U+061C, the zero-width characters, the soft hyphen, the
 * byte order mark and the tag characters); the line and paragraph separators U+2028 and U+2029,
 * which end a line where no line feed is; a surrogate that is not half of a pair; and the
 * non-characters (U+FFFE and U+FFFF, which XML forbids, and their kind).
 */
public final class UnsafeCharacters {

  private UnsafeCharacters() {}

  /** Whether a code point must not be written as it is (see the class description). */
  public static boolean isUnsafe(int codePoint) {
    if (codePoint == '\n' || codePoint == '\t') {
      return false;
    }
    if ((codePoint & 0xfffe) == 0xfffe || (codePoint >= 0xfdd0 && codePoint <= 0xfdef)) {
      return true; // a non-character
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }

  /**
   * How an unsafe code point is shown: {@code \x1b} up to U+00FF, a backslash, {@code u} and four
   * hex digits in the rest of the basic plane (U+202E as {@code \}{@code u202e}), {@code
   * \U000e0041} beyond it. A lone U+DC80 to U+DCFF is a byte of a file's name that is no UTF-8
   * ({@link FileNames}) and is shown as that byte, {@code \xe9}, as C writes a byte and bash's
   * {@code $'...'} takes it back.
   */
  public static String escape(int codePoint) {
    if (codePoint <= 0xff || FileNames.isByte(codePoint)) {
      return String.format(Locale.ROOT, "\\x%02x", codePoint & 0xff);
    }
    return Character.isBmpCodePoint(codePoint)
        ? String.format(Locale.ROOT, "\\u%04x", codePoint)
        : String.format(Locale.ROOT, "\\U%08x", codePoint);
  }

  /**
   * The text with every unsafe code point shown as its escape (an ESC as {@code \x1b}); the text
   * itself when it has none.
   */
  public static String shown(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int width = Character.charCount(codePoint);
      if (isUnsafe(codePoint)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(escape(codePoint));
      } else if (out != null) {
        out.append(text, i, i + width);
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }

  /**
   * A value that must stay on one line of a report (a file's name, a session's name, a finding's
   * location, a message), shown as {@link #shown} shows it and with its line feeds and tabs as
   * escapes too ({@code \x0a}, {@code \x09}): an input named {@code new<LF>line.txt} cannot start a
   * line of its own that reads like a finding, nor split a field where a reader cuts at tabs.
   */
  public static String oneLine(String text) {
    String shown = shown(text);
    if (shown.indexOf('\n') < 0 && shown.indexOf('\t') < 0) {
      return shown;
    }
    return shown.replace("\n", escape('\n')).replace("\t", escape('\t'));
  }
}
