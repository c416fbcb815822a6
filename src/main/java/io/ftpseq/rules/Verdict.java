package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.session.Source;
import java.util.Objects;

/**
 * What a rule says of one command in one state: broken, kept, or not decidable from the record. A
 * broken verdict may name the earlier command that matters (the RNFR left pending, the command that
 * came between USER and PASS).
 *
 * @param outcome {@code YES} broken, {@code NO} kept, {@code UNKNOWN} undecidable
 * @param context the related command, or {@code null}
 * @param contextSource where the related command was recorded, or {@code null}
 */
public record Verdict(Known outcome, Command context, Source contextSource) {

  /** The rule is kept. */
  public static final Verdict KEPT = new Verdict(Known.NO, null, null);

  /** The record does not show enough to decide. */
  public static final Verdict UNDECIDED = new Verdict(Known.UNKNOWN, null, null);

  /** Validates the parts. */
  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The rule is broken, with no related command. */
  public static Verdict broken() {
    return new Verdict(Known.YES, null, null);
  }

  /** The rule is broken; the mark's command is the related one. */
  public static Verdict broken(Mark mark) {
    return new Verdict(Known.YES, mark.command(), mark.source());
  }

  /** The rule is broken; the previous command is the related one. */
  public static Verdict broken(Previous previous) {
    return new Verdict(Known.YES, previous.command(), previous.source());
  }

  /** Broken when the mark is set, undecided when it is unknown, kept otherwise. */
  static Verdict brokenIfSet(Mark mark) {
    return switch (mark.status()) {
      case YES -> broken(mark);
      case UNKNOWN -> UNDECIDED;
      case NO -> KEPT;
    };
  }

  /** Broken when the fact holds, undecided when it is unknown, kept otherwise. */
  static Verdict brokenIf(Known fact) {
    return switch (fact) {
      case YES -> broken();
      case UNKNOWN -> UNDECIDED;
      case NO -> KEPT;
    };
  }

  /** Whether the rule is known to be broken. */
  public boolean isBroken() {
    return outcome == Known.YES;
  }
}
