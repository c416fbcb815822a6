package io.ftpseq.rules;

import java.util.Objects;

/**
 * The reply a {@link ServerModel} expects for one command, and the situation it comes from.
 *
 * @param code the predicted first reply code, or 0 when the profile predicts nothing
 * @param text the predicted reply text; empty when the profile does not know it, {@value
 *     Reaction#CLOSED} when the server closes the connection instead of answering
 * @param situation the key the prediction came from ({@code TRANSFER_WITHOUT_DATA_CHANNEL}, {@code
 *     BEFORE_LOGIN:NOOP}), or {@code REPLY:<VERB>} for a command in a legal position
 * @param finalCode the 4yz or 5yz that follows a predicted 1yz and fails the transfer ({@link
 *     Reaction#finalCode}), or 0
 * @param finalText that final reply's text
 */
public record Prediction(
    int code, String text, SituationKey situation, int finalCode, String finalText) {

  /** Validates the parts. */
  public Prediction {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(situation, "situation");
    Objects.requireNonNull(finalText, "finalText");
  }

  /** A prediction of a single reply. */
  public Prediction(int code, String text, SituationKey situation) {
    this(code, text, situation, 0, "");
  }

  /** A prediction from a reaction found under the key. */
  static Prediction of(SituationKey key, Reaction reaction) {
    return new Prediction(
        reaction.code(), reaction.text(), key, reaction.finalCode(), reaction.finalText());
  }

  /** The same prediction with another first-reply text (its placeholders filled or masked). */
  Prediction withText(String other) {
    return new Prediction(code, other, situation, finalCode, finalText);
  }

  /** Whether a reply is predicted (code not 0), or the server is predicted to close. */
  public boolean predicts() {
    return code != 0 || closes();
  }

  /** Whether the server is predicted to close the connection instead of answering. */
  public boolean closes() {
    return code == 0 && text.equals(Reaction.CLOSED);
  }

  /** Whether the prediction comes from a sequence situation rather than a command's usual reply. */
  public boolean isSituation() {
    return !situation.isUsualReply();
  }

  /**
   * Whether the server is predicted to refuse the command: a 4yz or 5yz reply, a 1yz that a 4yz or
   * 5yz follows (the transfer never happens), or closing the connection.
   */
  public boolean isRefusal() {
    return code >= 400 || finalCode >= 400 || closes();
  }

  /**
   * Whether the server's first reply code (0 for none, as when it closed the connection) is the one
   * predicted: equal, or 125 and 150, which both start a transfer and differ only by whether the
   * data connection happened to be open already.
   */
  public boolean agreesWith(int firstCode) {
    return sameReply(code, firstCode);
  }

  /** Whether two reply codes say the same: equal, or 125 and 150. */
  public static boolean sameReply(int one, int other) {
    return one == other || (isTransferStart(one) && isTransferStart(other));
  }

  private static boolean isTransferStart(int code) {
    return code == 125 || code == 150;
  }

  /** The reaction predicted. */
  public Reaction reaction() {
    return new Reaction(code, text, finalCode, finalText);
  }
}
