package io.ftpseq.rules;

import java.util.Objects;

/**
 * What a server answers in one situation: a reply code and its text, for example {@code 425} /
 * {@code Use PORT or PASV first.}. Code 0 means no reply: either the profile makes no prediction
 * (the text says why), or, with the text {@value #CLOSED}, the server closes the connection.
 *
 * @param code the reply code, 100 to 599, or 0 for none
 * @param text the reply text as the server sends it after the code; empty when unknown
 */
public record Reaction(int code, String text) {

  /** The text of a reaction in which the server closes the connection instead of answering. */
  public static final String CLOSED = "closed";

  /** Validates the parts. */
  public Reaction {
    Objects.requireNonNull(text, "text");
    if (code != 0 && (code < 100 || code > 599)) {
      throw new IllegalArgumentException("a reply code is 0 or 100 to 599, not " + code);
    }
  }

  /** Whether this reaction predicts a reply (code not 0). */
  public boolean predicts() {
    return code != 0;
  }

  /** Whether the server closes the connection instead of answering. */
  public boolean closes() {
    return code == 0 && text.equals(CLOSED);
  }

  @Override
  public String toString() {
    return code == 0 ? "(" + text + ")" : (code + " " + text).strip();
  }
}
