package io.ftpseq.session;

import io.ftpseq.protocol.Command;
import java.util.Objects;

/**
 * Input that could not be read as part of a session: a malformed line, an unreadable file. The
 * message quotes the offending text, with any password in it masked; reading goes on after it.
 *
 * @param source where the problem is
 * @param message what is wrong, quoting the input
 */
public record Problem(Source source, String message) {

  /** Validates the parts. */
  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    message = Command.maskPasswords(message);
  }

  @Override
  public String toString() {
    return source + ": " + message;
  }
}
