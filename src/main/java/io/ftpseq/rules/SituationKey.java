package io.ftpseq.rules;

import io.ftpseq.protocol.Verb;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
   * @throws BadValue (an {@link IllegalArgumentException}) naming the text and what is wrong with
   *     it
   */
  public static SituationKey parse(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    Situation situation =
        situation(name).orElseThrow(() -> new BadValue(Phrase.of("situation.unknown", name, text)));
    if (colon < 0) {
      return situation.key();
    }
    String qualifier = text.substring(colon + 1);
    return situation.key(verb(qualifier, text));
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
      throw new BadValue(Phrase.of("situation.notVerb", qualifier, text));
    }
    for (Verb verb : Verb.values()) {
      if (verb.name().equals(qualifier)) {
        return verb;
      }
    }
    throw new BadValue(Phrase.of("situation.notVerb", qualifier, text));
  }

  /** Whether the key is qualified by a verb. */
  public boolean isQualified() {
    return verb != null;
  }

  /** The same situation for every verb. */
  public SituationKey plain() {
    return verb == null ? this : situation.key();
  }

  /**
   * Whether this key names a command's usual reply ({@code REPLY:<VERB>}, STAT of a file or a
   * directory) rather than a situation of the order.
   */
  public boolean isUsualReply() {
    return situation.kind() == Situation.Kind.USUAL;
  }

  /**
   * Orders keys as their written forms ({@link #toString()}) order, without writing them: a profile
   * is looked up by key for every command.
   */
  @Override
  public int compareTo(SituationKey other) {
    return Integer.compare(rank(), other.rank());
  }

  private int rank() {
    return Ranks.OF[Ranks.index(situation, verb)];
  }

  @Override
  public String toString() {
    if (verb == null) {
      return situation.name();
    }
    return situation.name() + ":" + verbName();
  }

  /** This key's place among all keys, from 0 to {@link #count()}, for tables indexed by key. */
  int index() {
    return Ranks.index(situation, verb);
  }

  /** How many keys there are: every situation, plain and for each verb. */
  static int count() {
    return Ranks.OF.length;
  }

  private String verbName() {
    return verb == Verb.OTHER ? UNKNOWN_VERB : verb.name();
  }

  /**
   * The key of the situation for the verb, or for every verb when {@code verb} is null: made once,
   * as a server model looks keys up for every command it predicts.
   */
  static SituationKey of(Situation situation, Verb verb) {
    return Ranks.KEYS[Ranks.index(situation, verb)];
  }

  /**
   * Every key's rank in the order of its text, in an array by situation and verb: profiles look
   * reactions up in a sorted map for every command checked, so a comparison is two array reads.
   * Every key itself, too, in the same places.
   */
  private static final class Ranks {

    private static final int VERBS = Verb.values().length + 1;

    static final int[] OF = new int[Situation.values().length * VERBS];

    static final SituationKey[] KEYS = new SituationKey[OF.length];

    static {
      List<SituationKey> keys = new ArrayList<>();
      for (Situation situation : Situation.values()) {
        keys.add(new SituationKey(situation, null));
        for (Verb verb : Verb.values()) {
          keys.add(new SituationKey(situation, verb));
        }
      }
      keys.forEach(key -> KEYS[index(key.situation(), key.verb())] = key);
      keys.sort(Comparator.comparing(SituationKey::toString));
      for (int rank = 0; rank < keys.size(); rank++) {
        OF[index(keys.get(rank).situation(), keys.get(rank).verb())] = rank;
      }
    }

    /**
     * The key's place in {@link #OF}: the plain key first, then one per verb. The ordinals only
     * place keys in this table, made anew in every process, and are never written anywhere.
     */
    @SuppressWarnings("EnumOrdinal")
    static int index(Situation situation, Verb verb) {
      return situation.ordinal() * VERBS + (verb == null ? 0 : verb.ordinal() + 1);
    }
  }
}
