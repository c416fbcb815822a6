package io.ftpseq.transcript;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Syslog lines of one program, {@code ... pure-ftpd[1234]: ...}, found from the program's name. */
final class ProgramLines {

  private ProgramLines() {}

  /**
   * The matcher of {@code fromName} over the first place in {@code text} where it matches from an
   * occurrence of {@code name} to the end of the line, or null: what {@code ^.*?} followed by the
   * pattern matches, with the same groups. Written as that, the matcher tried the pattern's first
   * word boundary at every character of every line, most of a fifth of a Pure-FTPd check's CPU;
   * here it starts only where the name stands. Transparent bounds let a {@code \b} at the name see
   * the character before it, as it did.
   */
  static Matcher match(Pattern fromName, String name, String text) {
    Matcher m = fromName.matcher(text).useTransparentBounds(true);
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (m.region(at, text.length()).matches()) {
        return m;
      }
    }
    return null;
  }
}
