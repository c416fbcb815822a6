package io.ftpseq.session;

import io.ftpseq.protocol.Command;
import java.util.Locale;
import java.util.Objects;

/**
 * Input that could not be read as part of a session: a malformed line, an unreadable file. The
 * message quotes the offending text, with any password in it masked and long text cut; reading goes
 * on after it.
 *
 * @param source where the problem is
 * @param message what is wrong, quoting the input
 */
public record Problem(Source source, String message) {

  /** How much of a line a message quotes; the rest is cut, and its length said. */
  public static final int QUOTE_LIMIT = 200;

  /** How long a message may be; anything longer was built from unbounded input and is cut. */
  static final int MESSAGE_LIMIT = 2_000;

  /** Validates the parts. */
  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    message = Command.maskPasswords(cut(message, MESSAGE_LIMIT));
  }

  /**
   * Quotes input text for a message, in double quotes; text longer than {@link #QUOTE_LIMIT} is cut
   * and followed by its length: {@code "ABC..." (5,242,880 characters)}.
   */
  public static String quote(String text) {
    return text.length() <= QUOTE_LIMIT
        ? "\"" + text + "\""
        : "\"" + text.substring(0, QUOTE_LIMIT) + "...\" (" + count(text.length()) + ")";
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit
        ? text
        : text.substring(0, limit) + "... (" + count(text.length()) + " in all)";
  }

  private static String count(int characters) {
    return String.format(Locale.ROOT, "%,d characters", characters);
  }

  @Override
  public String toString() {
    return source + ": " + message;
  }
}
