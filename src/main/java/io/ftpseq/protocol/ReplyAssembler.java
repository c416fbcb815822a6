package io.ftpseq.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds complete replies from reply lines given one at a time.
 *
 * <p>A multi-line reply starts with {@code NNN-text} and ends with a line that starts with the same
 * code and a space (RFC 959 §4.2). Both shapes met in the wild are accepted: continuation lines
 * without a code (vsftpd, ProFTPD) and continuation lines that repeat {@code NNN-} (Pure-FTPd,
 * FileZilla Server). A continuation line may itself start with a different code; only the opening
 * code ends the reply.
 */
public final class ReplyAssembler {

  /** What one line did to the reply being assembled. */
  public sealed interface Outcome {}

  /**
   * The line completed a reply.
   *
   * @param reply the complete reply
   */
  public record Complete(Reply reply) implements Outcome {}

  /** The line opened or continued a multi-line reply. */
  public record Pending() implements Outcome {}

  /**
   * The line made an open multi-line reply longer than {@link #MAX_LINES} without closing it: the
   * reply is given as it stands, so a reply that never closes cannot hold memory without bound.
   *
   * @param reply the reply so far, this line included
   */
  public record Overlong(Reply reply) implements Outcome {}

  /**
   * The line is not a reply line: it does not start with a reply code (three digits from 100 to
   * 699) followed by a space, a hyphen or the end of the line.
   *
   * @param line the line
   */
  public record Malformed(String line) implements Outcome {}

  private static final Pending PENDING = new Pending();

  /** The most lines a multi-line reply may have; real ones (FEAT, HELP, STAT) have dozens. */
  public static final int MAX_LINES = 10_000;

  private ReplyCode openCode;
  private final List<String> openLines = new ArrayList<>();

  /** Whether a multi-line reply has been opened and not yet closed. */
  public boolean isOpen() {
    return openCode != null;
  }

  /**
   * Whether a line could start a reply: three or more digits (or fewer) followed by a space, a
   * hyphen or the end of the line. Used by readers that must tell replies from commands by shape.
   */
  public static boolean looksLikeReply(String line) {
    int digits = 0;
    while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
      digits++;
    }
    return digits > 0
        && (digits == line.length() || line.charAt(digits) == ' ' || line.charAt(digits) == '-');
  }

  /** Gives the next reply line, without its line ending. */
  public Outcome accept(String line) {
    if (openCode != null) {
      openLines.add(line);
      if (closes(line)) {
        return new Complete(flush());
      }
      return openLines.size() >= MAX_LINES ? new Overlong(flush()) : PENDING;
    }
    ReplyCode code = ReplyCode.startOf(line);
    if (code == null || !(line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-')) {
      return new Malformed(line);
    }
    if (line.length() > 3 && line.charAt(3) == '-') {
      openCode = code;
      openLines.add(line);
      return PENDING;
    }
    return new Complete(new Reply(code, List.of(line)));
  }

  /**
   * Ends the input: a multi-line reply still open is returned as it stands, since its last line was
   * never seen; {@code null} when nothing is open.
   */
  public Reply flush() {
    if (openCode == null) {
      return null;
    }
    Reply reply = new Reply(openCode, openLines);
    openCode = null;
    openLines.clear();
    return reply;
  }

  private boolean closes(String line) {
    String code = openCode.toString();
    return line.startsWith(code) && (line.length() == 3 || line.charAt(3) == ' ');
  }
}
