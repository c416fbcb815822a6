package io.ftpseq.profile;

import java.util.Objects;

/**
 * The reply a {@link ServerModel} expects for one command, and the situation it comes from.
 *
 * @param code the predicted first reply code, or 0 when the profile predicts nothing
 * @param text the predicted reply text; empty when the profile does not know it
 * @param key the situation key the prediction came from ({@code TRANSFER_WITHOUT_DATA_CHANNEL},
 *     {@code BEFORE_LOGIN:NOOP}) or {@code REPLY:<VERB>} for a command in a legal position
 */
public record Prediction(int code, String text, String key) {

  /** Validates the parts. */
  public Prediction {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(key, "key");
  }

  /** A prediction from a reaction found under the key. */
  static Prediction of(String key, Reaction reaction) {
    return new Prediction(reaction.code(), reaction.text(), key);
  }

  /** Whether a reply is predicted (code not 0). */
  public boolean predicts() {
    return code != 0;
  }

  /** Whether the key names a sequence situation rather than a command's usual reply. */
  public boolean isSituation() {
    return !key.startsWith(ServerProfile.REPLY_PREFIX);
  }
}
