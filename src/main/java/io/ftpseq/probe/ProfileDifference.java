package io.ftpseq.probe;

import io.ftpseq.rules.Reaction;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SituationKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an observed profile differs from another profile, key by key, over the keys it observed.
 *
 * @param key the situation key
 * @param observed what the server answered
 * @param expected what the other profile says, empty when it has no reaction for the key
 */
public record ProfileDifference(SituationKey key, Reaction observed, Optional<Reaction> expected) {

  /** Validates the parts. */
  public ProfileDifference {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(expected, "expected");
  }

  /**
   * Every observed key whose reaction the other profile does not have: a missing key, another code,
   * or the same code with another text; a final reply after a 1yz counts as part of the code and
   * text. 125 and 150 count as the same code (see {@link Agreement#sameReply}), whatever their
   * texts.
   */
  public static List<ProfileDifference> between(ServerProfile observed, ServerProfile other) {
    List<ProfileDifference> differences = new ArrayList<>();
    for (Map.Entry<SituationKey, Reaction> entry : observed.reactions().entrySet()) {
      Optional<Reaction> expected = other.reaction(entry.getKey());
      if (expected.isEmpty() || !same(entry.getValue(), expected.get())) {
        differences.add(new ProfileDifference(entry.getKey(), entry.getValue(), expected));
      }
    }
    return differences;
  }

  /** The built-in profile that differs from the observed one in the fewest reply codes. */
  public static ServerProfile nearest(ServerProfile observed) {
    return ServerProfiles.builtIns().stream()
        .min(Comparator.comparingLong(p -> codesDiffering(observed, p)))
        .orElseThrow();
  }

  private static long codesDiffering(ServerProfile observed, ServerProfile other) {
    return between(observed, other).stream()
        .filter(d -> d.expected().map(e -> !sameCode(d.observed(), e)).orElse(true))
        .count();
  }

  private static boolean same(Reaction observed, Reaction expected) {
    if (!sameCode(observed, expected)) {
      return false;
    }
    return (observed.code() != expected.code() || observed.text().equals(expected.text()))
        && observed.finalText().equals(expected.finalText());
  }

  /** The same first code (125 and 150 alike), and the same final code after it, if any. */
  private static boolean sameCode(Reaction observed, Reaction expected) {
    return Agreement.sameReply(observed.code(), expected.code())
        && observed.finalCode() == expected.finalCode();
  }
}
