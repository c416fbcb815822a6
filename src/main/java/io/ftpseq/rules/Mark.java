package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.session.Source;
import java.util.Objects;

/**
 * A facet that is set by one command and used (or spoiled) by a later one: a pending rename, a
 * prepared data channel, a restart offset. It remembers the command that set it, so findings can
 * name it.
 *
 * @param status whether it is set
 * @param command the command that set it, {@code null} unless set
 * @param source where that command was recorded, {@code null} unless set
 */
public record Mark(Known status, Command command, Source source) {

  /** Not set, and known not to be. */
  public static final Mark NONE = new Mark(Known.NO, null, null);

  /** Cannot be told from the record. */
  public static final Mark UNKNOWN = new Mark(Known.UNKNOWN, null, null);

  /** Validates that a set mark names its command. */
  public Mark {
    Objects.requireNonNull(status, "status");
    if ((status == Known.YES) != (command != null && source != null)) {
      throw new IllegalArgumentException("a mark names its command and source exactly when set");
    }
  }

  /** A mark set by the given command. */
  public static Mark setBy(Command command, Source source) {
    return new Mark(Known.YES, command, source);
  }

  /** Whether it is known to be set. */
  public boolean isSet() {
    return status == Known.YES;
  }

  /** Whether it is known not to be set. */
  public boolean isClear() {
    return status == Known.NO;
  }
}
