package io.ftpseq.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The valid value nearest to a mistyped one, for usage errors: {@code --lang jp} suggests {@code
 * ja}, {@code --report jsn} suggests {@code json}, {@code --report xml} suggests {@code junit}.
 */
final class Suggestions {

  /**
   * Other names users give a value, where spelling alone would suggest the wrong value or none:
   * {@code xml} is one edit nearer {@code html} than {@code junit}, but a user asking for XML wants
   * the JUnit XML report; {@code md} and {@code gh} are too short to be near anything. A name is
   * suggested only where its value is one of the valid ones.
   */
  private static final Map<String, String> OTHER_NAMES =
      Map.of(
          "xml", "junit",
          "md", "markdown",
          "plain", "text",
          "gh", "github",
          "gha", "github");

  private Suggestions() {}

  /**
   * The candidate the value is another name for ({@link #OTHER_NAMES}), else the one nearest to it
   * if near enough to be what was meant: within a third of the value's length in edits (at least
   * two), or one of them starting with the other.
   */
  static Optional<String> nearest(String value, Iterable<String> candidates) {
    return otherName(value, candidates).or(() -> nearestSpelling(value, candidates));
  }

  private static Optional<String> otherName(String value, Iterable<String> candidates) {
    String meant = OTHER_NAMES.get(value.toLowerCase(Locale.ROOT));
    for (String candidate : candidates) {
      if (candidate.equalsIgnoreCase(meant)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nearestSpelling(String value, Iterable<String> candidates) {
    String typed = value.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String known = candidate.toLowerCase(Locale.ROOT);
      int distance =
          known.startsWith(typed) || typed.startsWith(known) ? 1 : distance(typed, known);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    boolean near = best != null && bestDistance <= Math.max(2, typed.length() / 3);
    return near && !best.equalsIgnoreCase(value) ? Optional.of(best) : Optional.empty();
  }

  /** The text to add to a usage error about the value: {@code (did you mean 'json'?)}, or none. */
  static String didYouMean(String value, Iterable<String> candidates) {
    return nearest(value, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /** The suggestion for a usage error about an option with a fixed list of values, or none. */
  static String forError(CommandLine.ParameterException error) {
    ArgSpec arg = error.getArgSpec();
    String value = error.getValue();
    if (arg == null || value == null || arg.completionCandidates() == null) {
      return "";
    }
    return didYouMean(value, arg.completionCandidates());
  }

  /** The Levenshtein distance between two words. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
