package io.ftpseq.rules;

import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import java.util.Objects;

/**
 * What a server answers in one situation: a reply code and its text, for example {@code 425} /
 * {@code Use PORT or PASV first.}. Code 0 means no reply: either the profile makes no prediction
 * (the text says why), or, with the text {@value #CLOSED}, the server closes the connection.
 *
 * <p>A transfer the server starts and then fails has a final reply too: Apache FtpServer answers
 * LIST on a used data channel {@code 150}, then {@code 425 Can't open data connection.}.
 *
 * @param code the reply code, 100 to 599, or 0 for none
 * @param text the reply text as the server sends it after the code; empty when unknown
 * @param finalCode the final reply that follows a 1yz and refuses the transfer after all (4yz or
 *     5yz), or 0 when none is known to
 * @param finalText that final reply's text; empty when there is none
 */
public record Reaction(int code, String text, int finalCode, String finalText) {

  /** The text of a reaction in which the server closes the connection instead of answering. */
  public static final String CLOSED = "closed";

  /** Validates the parts. */
  public Reaction {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(finalText, "finalText");
    if (code != 0 && (code < 100 || code > 599)) {
      // the code as written, not grouped as a count: 1000, not 1,000
      throw new BadValue(Phrase.of("profile.invalid.code", String.valueOf(code)));
    }
    if (finalCode != 0 && (code / 100 != 1 || finalCode < 400 || finalCode > 599)) {
      throw new BadValue(
          Phrase.of("profile.invalid.final", String.valueOf(finalCode), String.valueOf(code)));
    }
    if (finalCode == 0 && !finalText.isEmpty()) {
      throw new BadValue(Phrase.of("profile.invalid.finalText"));
    }
  }

  /** A single reply: the code and its text, with no final reply after it. */
  public Reaction(int code, String text) {
    this(code, text, 0, "");
  }

  /** Whether a 1yz is followed by a final refusal, so the transfer never happens. */
  public boolean failsAfterStart() {
    return finalCode != 0;
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
    if (code == 0) {
      return "(" + text + ")";
    }
    String first = (code + " " + text).strip();
    return failsAfterStart() ? first + ", then " + (finalCode + " " + finalText).strip() : first;
  }
}
