package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.session.Source;
import java.util.Comparator;
import java.util.Objects;

/**
 * One breach of a rule at one place in a session: the rule, where, the command, the server's reply
 * when the record shows it, and the related earlier or later command when there is one.
 *
 * @param rule the rule broken
 * @param source where the offending command (or reply) was recorded
 * @param command the command judged, or {@code null} for an unsolicited reply
 * @param reply the server's final reply to it, or {@code null} when not recorded
 * @param context the related command (the pending RNFR, the command that came between), or null
 * @param contextSource where the related command was recorded, or {@code null}
 * @param prediction what the server profile predicted for the command, when the finding is about
 *     the difference; else {@code null}
 * @param replyNotFromServer whether the reply was made by a program between client and server (the
 *     validating proxy), not by the server, which never saw the command
 */
public record Finding(
    Rule rule,
    Source source,
    Command command,
    Reply reply,
    Command context,
    Source contextSource,
    Prediction prediction,
    boolean replyNotFromServer) {

  /** Orders findings by file and line, then by rule. */
  public static final Comparator<Finding> BY_POSITION =
      Comparator.comparing((Finding f) -> f.source().file())
          .thenComparingLong(f -> f.source().line())
          .thenComparing(Finding::rule);

  /** Validates the parts. */
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(source, "source");
    if ((context == null) != (contextSource == null)) {
      throw new IllegalArgumentException("a context command needs its source, and only then");
    }
  }

  /** A finding whose reply, if any, is the server's. */
  public Finding(
      Rule rule,
      Source source,
      Command command,
      Reply reply,
      Command context,
      Source contextSource,
      Prediction prediction) {
    this(rule, source, command, reply, context, contextSource, prediction, false);
  }

  /** A finding with no prediction. */
  public Finding(
      Rule rule,
      Source source,
      Command command,
      Reply reply,
      Command context,
      Source contextSource) {
    this(rule, source, command, reply, context, contextSource, null);
  }

  /**
   * This finding with its reply marked as made between client and server (the validating proxy
   * answered the command itself), so that no report shows it as the server's.
   */
  public Finding notFromServer() {
    return new Finding(rule, source, command, reply, context, contextSource, prediction, true);
  }

  /** The finding's severity, that of its rule. */
  public Severity severity() {
    return rule.severity();
  }
}
