package io.ftpseq.rules;

import io.ftpseq.profile.Prediction;
import io.ftpseq.session.Exchange;
import io.ftpseq.session.Source;
import java.util.Objects;

/**
 * One step of a session as the model replayed it: a command with its replies (or a reply no command
 * asked for, such as the greeting), what the session's server profile predicted for it, and the
 * state the session was in after it. Kept only when a report draws or annotates every step ({@code
 * --explain-all}, diagrams, predictions).
 *
 * @param exchange the command and its replies
 * @param prediction the reply the profile predicted from the session so far, or {@code null} when
 *     it could not predict (no command, or the state was unknown)
 * @param after the session's state after the step
 */
public record Step(Exchange exchange, Prediction prediction, SessionState after) {

  /** Validates the parts. */
  public Step {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(after, "after");
  }

  /** Where the step starts: its command, or its first reply when it has none. */
  public Source source() {
    return exchange.source();
  }
}
