package io.ftpseq.transcript;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} tried only where a match can start. {@code find()} tries its pattern at
 * every character of a line; a pattern that starts with a word boundary, a class or a lookbehind
 * costs that at each one, and a reader that looks for a session id, an address and a time on every
 * line of a log spent most of its reading there. A cheap test of one character says where the
 * pattern cannot start, and the pattern is tried from the others only, transparent bounds letting
 * it look behind as it did: what is found is what {@code find()} finds, as long as the test lets
 * through every place a match can start.
 */
final class CandidateStarts {

  private CandidateStarts() {}

  /**
   * The matcher of {@code pattern} over the first match in {@code text} that starts at a place
   * {@code canStart} lets through, or null.
   */
  static Matcher find(Pattern pattern, String text, IntPredicate canStart) {
    Matcher m = null;
    for (int at = 0, n = text.length(); at < n; at++) {
      if (canStart.test(at)) {
        if (m == null) {
          m = pattern.matcher(text).useTransparentBounds(true);
        }
        if (m.region(at, n).lookingAt()) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code c} is one of {@code \w}'s characters, as patterns compiled without flags see.
   */
  static boolean wordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * Whether a word boundary can stand at {@code at} before a word character: the character before
   * is no ASCII word character. Others (letters of other scripts) are let through for the pattern
   * to judge, as Unicode's rules for {@code \b} say.
   */
  static boolean afterNonWord(String text, int at) {
    return at == 0 || !wordChar(text.charAt(at - 1));
  }
}
