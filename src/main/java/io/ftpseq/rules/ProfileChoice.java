package io.ftpseq.rules;

import java.util.Objects;

/**
 * How each session's profile is chosen: a profile named by the user, or {@code auto}, which starts
 * from a fallback and picks a built-in profile from the server's greeting or SYST reply.
 *
 * @param profile the named profile, or for {@code auto} the fallback
 * @param auto whether the profile is picked per session from what the server says of itself
 */
public record ProfileChoice(ServerProfile profile, boolean auto) {

  /** {@code --profile auto}: picked per session, falling back to {@code rfc}. */
  public static final ProfileChoice AUTO = new ProfileChoice(ServerProfiles.RFC, true);

  /** Validates the parts. */
  public ProfileChoice {
    Objects.requireNonNull(profile, "profile");
  }

  /** The given profile for every session. */
  public static ProfileChoice of(ServerProfile profile) {
    return new ProfileChoice(profile, false);
  }
}
