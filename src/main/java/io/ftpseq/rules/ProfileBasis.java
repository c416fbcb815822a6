package io.ftpseq.rules;

import java.util.Objects;

/**
 * Why a session was checked with its profile: named by the user, or picked by {@code --profile
 * auto} from a reply, quoted as evidence.
 *
 * @param kind how the profile was chosen
 * @param evidence the reply that identified the server (first line), empty unless detected
 */
public record ProfileBasis(Kind kind, String evidence) {

  /** How a profile was chosen. */
  public enum Kind {
    /** Named with {@code --profile} (or the default). */
    NAMED,
    /** Picked by {@code auto} from the server's 220 greeting. */
    GREETING,
    /** Picked by {@code auto} from the server's reply to SYST. */
    SYST,
    /** {@code auto} recognised nothing, so the fallback was used. */
    UNRECOGNISED
  }

  /** The profile was named. */
  public static final ProfileBasis NAMED = new ProfileBasis(Kind.NAMED, "");

  /** {@code auto} recognised nothing. */
  public static final ProfileBasis UNRECOGNISED = new ProfileBasis(Kind.UNRECOGNISED, "");

  /** Validates the parts. */
  public ProfileBasis {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** Whether {@code --profile auto} made the choice. */
  public boolean isAuto() {
    return kind != Kind.NAMED;
  }
}
