package io.ftpseq.rules;

import io.ftpseq.protocol.Verb;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The key of a reaction in a server profile: a {@link Situation}, optionally qualified by the verb
 * of the command, written {@code BEFORE_LOGIN} or {@code BEFORE_LOGIN:NOOP} ({@code REPLY:USER} for
 * a usual reply). A verb no RFC defines is qualified as {@code UNKNOWN}. The qualified key wins
 * over the plain one.
 *
 * @param situation the situation
 * @param verb the verb it is qualified by, or {@code null} for every verb
 */
public record SituationKey(Situation situation, Verb verb) implements Comparable<SituationKey> {

  private static final String UNKNOWN_VERB = "UNKNOWN";

  /** Validates the parts. */
  public SituationKey {
    Objects.requireNonNull(situation, "situation");
  }

  /**
   * Reads a key as written in a profile or a scenario file.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static SituationKey parse(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    Situation situation =
        situation(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown situation '" + name + "' in key '" + text + "'"));
    if (colon < 0) {
      return new SituationKey(situation, null);
    }
    String qualifier = text.substring(colon + 1);
    return new SituationKey(situation, verb(qualifier, text));
  }

  /** The situation with exactly this name. */
  public static Optional<Situation> situation(String name) {
    for (Situation situation : Situation.values()) {
      if (situation.name().equals(name)) {
        return Optional.of(situation);
      }
    }
    return Optional.empty();
  }

  private static Verb verb(String qualifier, String text) {
    if (qualifier.equals(UNKNOWN_VERB)) {
      return Verb.OTHER;
    }
    if (!qualifier.equals(qualifier.toUpperCase(Locale.ROOT)) || qualifier.equals("OTHER")) {
      throw new IllegalArgumentException(
          "'" + qualifier + "' in key '" + text + "' is not a verb (UNKNOWN for others)");
    }
    for (Verb verb : Verb.values()) {
      if (verb.name().equals(qualifier)) {
        return verb;
      }
    }
    throw new IllegalArgumentException(
        "'" + qualifier + "' in key '" + text + "' is not a verb (UNKNOWN for others)");
  }

  /** Whether the key is qualified by a verb. */
  public boolean isQualified() {
    return verb != null;
  }

  /** The same situation for every verb. */
  public SituationKey plain() {
    return verb == null ? this : new SituationKey(situation, null);
  }

  /** Whether this key names a command's usual reply rather than a situation of the order. */
  public boolean isUsualReply() {
    return situation == Situation.REPLY;
  }

  /**
   * Orders keys as their written forms ({@link #toString()}) order, without writing them: a profile
   * is looked up by key for every command.
   */
  @Override
  public int compareTo(SituationKey other) {
    int length = length();
    int otherLength = other.length();
    for (int i = 0, shorter = Math.min(length, otherLength); i < shorter; i++) {
      int difference = charAt(i) - other.charAt(i);
      if (difference != 0) {
        return difference;
      }
    }
    return length - otherLength;
  }

  @Override
  public String toString() {
    if (verb == null) {
      return situation.name();
    }
    return situation.name() + ":" + verbName();
  }

  private String verbName() {
    return verb == Verb.OTHER ? UNKNOWN_VERB : verb.name();
  }

  /** The length of the written form. */
  private int length() {
    return verb == null
        ? situation.name().length()
        : situation.name().length() + 1 + verbName().length();
  }

  /** A character of the written form. */
  private char charAt(int index) {
    String name = situation.name();
    if (index < name.length()) {
      return name.charAt(index);
    }
    return index == name.length() ? ':' : verbName().charAt(index - name.length() - 1);
  }
}
