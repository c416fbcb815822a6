package io.ftpseq.rules;

import java.util.Objects;

/**
 * What a server does in sequence situations. The {@link #RFC} profile predicts what the RFCs
 * prescribe: the reply code each rule names.
 *
 * @param name the profile's name as given to {@code --profile}
 * @param description what it describes, in a few words
 */
public record ServerProfile(String name, String description) {

  /** Strict RFC behaviour: the default. */
  public static final ServerProfile RFC =
      new ServerProfile("rfc", "the RFCs as written (RFC 959, 2228, 2428, 3659, 4217, 7151)");

  /** Validates the parts. */
  public ServerProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a profile needs a name");
    }
  }

  /** The reply code this profile predicts for a breach of the rule, or 0 when none. */
  public int predictedReply(Rule rule) {
    return rule.rfcReply();
  }
}
