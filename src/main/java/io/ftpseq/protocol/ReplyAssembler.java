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
   * The line made an open multi-line reply hold more than {@link #MAX_REPLY_BYTES} without closing
   * it: the reply is given as it stands, so a reply that never closes cannot hold memory without
   * bound.
   *
   * @param reply the reply so far, this line included
   */
  public record Overlong(Reply reply) implements Outcome {}

  /**
   * The line belongs to the rest of a reply cut at {@link #MAX_REPLY_BYTES} ({@link Overlong}): it
   * is counted, not kept, up to the reply's closing line.
   */
  public record Dropped() implements Outcome {}

  /**
   * The line closed a reply cut at {@link #MAX_REPLY_BYTES}.
   *
   * @param rest what was not kept of the reply after the cut, this line included
   */
  public record RestClosed(Rest rest) implements Outcome {}

  /**
   * What was not kept of a reply cut at {@link #MAX_REPLY_BYTES}: its lines after the cut.
   *
   * @param code the reply's code
   * @param lines how many lines were not kept
   * @param bytes their bytes on the wire, line endings included
   */
  public record Rest(ReplyCode code, long lines, long bytes) {}

  /**
   * The line is not a reply line: it does not start with a reply code (three digits from 100 to
   * 699) followed by a space, a hyphen or the end of the line.
   *
   * @param line the line
   */
  public record Malformed(String line) implements Outcome {}

  private static final Pending PENDING = new Pending();
  private static final Dropped DROPPED = new Dropped();

  /**
   * The most an open multi-line reply may hold, in bytes (4 MB): the one bound on replies, for the
   * proxy and every reader. A real reply is measured in lines only by its sender: STAT of a big
   * directory, HELP, FEAT or MLST may have tens of thousands and still be small, so its bytes are
   * counted, not its lines.
   */
  public static final int MAX_REPLY_BYTES = 4 << 20;

  /** {@link #MAX_REPLY_BYTES} in megabytes, as messages say it. */
  public static final int MAX_REPLY_MEGABYTES = MAX_REPLY_BYTES >> 20;

  /**
   * What keeping a line costs beyond its text (the objects that hold it): counted so that a stream
   * of empty lines is bounded as well as one of long lines.
   */
  private static final int LINE_COST = 40;

  private ReplyCode openCode;
  private final List<String> openLines = new ArrayList<>();
  private long openBytes;
  // the code of a reply cut at the bound whose closing line has not come, and what came after
  private ReplyCode cutCode;
  private long cutLines;
  private long cutBytes;

  /**
   * Whether a multi-line reply has been opened and not yet closed, or was cut at its bound and its
   * closing line has not come.
   */
  public boolean isOpen() {
    return openCode != null || cutCode != null;
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
    if (cutCode != null) {
      cutLines++;
      cutBytes += held(line) - LINE_COST;
      return closes(cutCode, line) ? new RestClosed(cutRest()) : DROPPED;
    }
    if (openCode != null) {
      openLines.add(line);
      if (closes(openCode, line)) {
        return new Complete(flush());
      }
      openBytes += held(line);
      if (openBytes > MAX_REPLY_BYTES) {
        ReplyCode code = openCode;
        Overlong cut = new Overlong(flush());
        cutCode = code;
        return cut;
      }
      return PENDING;
    }
    ReplyCode code = ReplyCode.startOf(line);
    if (code == null || !(line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-')) {
      return new Malformed(line);
    }
    if (line.length() > 3 && line.charAt(3) == '-') {
      openCode = code;
      openLines.add(line);
      openBytes = held(line);
      return PENDING;
    }
    return new Complete(new Reply(code, List.of(line)));
  }

  /**
   * Ends the rest of a reply cut at its bound whose closing line has not come (the input ends, the
   * client sends a command): what was not kept of it, or {@code null} when no reply was cut.
   */
  public Rest cutRest() {
    if (cutCode == null) {
      return null;
    }
    Rest rest = new Rest(cutCode, cutLines, cutBytes);
    cutCode = null;
    cutLines = 0;
    cutBytes = 0;
    return rest;
  }

  /**
   * Ends the input: a multi-line reply still open is returned as it stands, since its last line was
   * never seen; {@code null} when nothing is open (the rest of a cut reply is {@link #cutRest}).
   */
  public Reply flush() {
    if (openCode == null) {
      return null;
    }
    Reply reply = new Reply(openCode, openLines);
    openCode = null;
    openLines.clear();
    openBytes = 0;
    return reply;
  }

  /**
   * The bytes a line of an open reply is counted as: its bytes on the wire (UTF-8, with its CRLF)
   * and {@link #LINE_COST}.
   */
  private static long held(String line) {
    long bytes = line.length() + 2L + LINE_COST;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isSurrogate(c)) {
        bytes++; // a pair of them is four bytes
      } else if (c >= 0x800) {
        bytes += 2;
      } else if (c >= 0x80) {
        bytes++;
      }
    }
    return bytes;
  }

  private static boolean closes(ReplyCode open, String line) {
    String code = open.toString();
    return line.startsWith(code) && (line.length() == 3 || line.charAt(3) == ' ');
  }
}
