package io.ftpseq.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One complete reply from the server: its code and its lines, the last of which starts with the
 * code and a space (RFC 959 §4.2).
 *
 * @param code the reply code
 * @param lines the reply's lines as received, without line endings; never empty
 */
public record Reply(ReplyCode code, List<String> lines) {

  /** Validates and copies the lines. */
  public Reply {
    Objects.requireNonNull(code, "code");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a reply has at least one line");
    }
  }

  /** A single-line reply, for example {@code Reply.of(503, "Bad sequence of commands.")}. */
  public static Reply of(int code, String text) {
    return new Reply(new ReplyCode(code), List.of(code + " " + text));
  }

  /** The text of the first line after the code and its separator. */
  public String text() {
    String first = lines.get(0);
    return first.length() > 4 ? first.substring(4).strip() : "";
  }

  /**
   * The reply with every secret the input showed masked in its lines; this reply itself when none
   * stands in them.
   */
  public Reply masked(Secrets secrets) {
    if (secrets.isEmpty()) {
      return this;
    }
    String[] masked = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = secrets.mask(lines.get(i));
      // only a reply with a line changed is copied
      if (!line.equals(lines.get(i))) {
        if (masked == null) {
          masked = lines.toArray(String[]::new);
        }
        masked[i] = line;
      }
    }
    return masked == null ? this : new Reply(code, List.of(masked));
  }

  /** Whether the reply spans more than one line. */
  public boolean isMultiLine() {
    return lines.size() > 1;
  }

  /** The first line as received, for example {@code 503 Bad sequence of commands.} */
  public String firstLine() {
    return lines.get(0);
  }

  @Override
  public String toString() {
    return code + " " + text();
  }
}
