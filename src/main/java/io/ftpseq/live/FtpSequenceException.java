package io.ftpseq.live;

import io.ftpseq.rules.Finding;
import java.io.IOException;
import java.util.List;

/**
 * Thrown by a {@link CheckedFtpClient} in {@link CheckMode#STRICT} instead of sending a command
 * that breaks an ordering rule. It is an {@link IOException}, like every other failure of a Commons
 * Net call, so code written against {@code FTPClient} needs no new catch clause. The command was
 * not sent; the session is as it was before the call.
 */
public final class FtpSequenceException extends IOException {

  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // findings are records of serializable-in-spirit values; never sent
  private final List<Finding> findings;

  FtpSequenceException(String message, List<Finding> findings) {
    super(message);
    this.findings = List.copyOf(findings);
  }

  /** What the refused command would have broken, most serious first as the rules table orders. */
  public List<Finding> findings() {
    return findings;
  }
}
