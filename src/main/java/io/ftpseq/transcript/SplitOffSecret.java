package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;

/**
 * The lines of an input that are the rest of a command carrying a secret ({@code PASS}, {@code
 * ACCT}, {@code ADAT}), split off its line: input lines end at a lone CR or LF too, so {@code C:
 * PASS\rhunter2} is read as {@code C: PASS}, then a line {@code hunter2} with no direction marker,
 * and {@code PASS hun\rter2} leaves {@code ter2} on a line of its own. Such a line is the secret,
 * or a part of it: wherever it is quoted it is masked whole ({@code Command#MASK}), as the
 * command's argument would have been, and it is learnt as a secret (whole, up to a quote, and its
 * first word), so that an echo of it is masked too.
 *
 * <p>A command carries a secret when its reader reads it so, or when the raw line ends in one that
 * no quote closes ({@code "PASS} in a vsftpd line cut after it, whose reader reads no PASS). A line
 * goes on with the command when it comes right after it, or after a line that went on with it, and
 * its reader could not read it (a problem), or left it out as no record at all: a blank line or a
 * comment. A line read as dialogue, as the server's text that could not be read as a reply, or as a
 * record of the log that its reader leaves out (vsftpd's {@code OK LOGIN}, curl's notes, an event
 * of another kind) ends it: such a record begins a line of its own, and its words (a time stamp)
 * are no password.
 *
 * <p>The lines that go on hold at most {@link Secrets#LONGEST_READING} characters in all, as a
 * reading of a password does: a log read as the wrong format ({@code --format}), none of whose
 * lines its reader reads, is shown as it is after them, not masked to its end.
 *
 * <p>What such a line reads as does not matter: {@code C: PASS\rPWD} leaves {@code PWD} on a line
 * with no direction marker, which is no command of the dialogue, so it is masked whole like any
 * other rest (a password may be {@code PWD}). A comment line ({@code # ...}) that a reader skips
 * right after the command is masked whole too, in the HTML report's excerpt of the input: it may be
 * the rest of the password, and a comment loses nothing by it. A command script ({@code simulate})
 * differs where its lines do: a line of a known verb after {@code PASS} is a command of its own
 * ({@code PASS}, then {@code PWD}, are two commands of a script that ends its lines with LF alone),
 * a comment is a comment (its {@code # missing} and {@code # login fails} keep working, and it is
 * never shown), and the rest of no known verb is joined to the command it split off from, one step
 * {@code PASS ****}, not a step {@code ****} of its own that a server model would refuse.
 *
 * <pre>{@code
 * split.event(new CommandSent(new Source("t", 4), Command.parse("PASS")));
 * split.goesOn(5, "hunter2", secrets); // true: learnt, and masked where quoted
 * }</pre>
 */
final class SplitOffSecret {

  private static final long NONE = -1;

  /** How far from a raw line's end a command carrying a secret is looked for. */
  private static final int LOOKED_AT = 256;

  /** The characters of the lines that went on with the command so far. */
  private int restLength;

  /** The last line of the command and of what went on with it so far; {@link #NONE} for none. */
  private long last = NONE;

  /** Whether {@link #last} is a line that went on with the command, not the command's own. */
  private boolean lastSplitOff;

  /** Notes an event the reader read: a command that carries a secret may go on after its line. */
  void event(SessionEvent event) {
    if (event instanceof CommandSent sent && sent.command().carriesSecret()) {
      commandAt(sent.source().line());
    }
  }

  /**
   * Notes a raw line of the input, before its reader reads it: one that ends in a command carrying
   * a secret may go on after it.
   */
  void line(long number, String raw) {
    if (endsInSecret(raw)) {
      commandAt(number);
    }
  }

  /**
   * {@link #line(long, String)} for a raw line in which {@link Secrets#candidateIn} found {@code
   * candidate} already: asked of every line of an input, mostly with none found, when only the
   * line's last word needs a look.
   */
  void line(long number, String raw, int candidate) {
    if (Secrets.endsInSecretCommand(raw, candidate, LOOKED_AT)) {
      commandAt(number);
    }
  }

  /** A command that carries a secret ends at the line: what follows may go on with it. */
  private void commandAt(long line) {
    last = line;
    lastSplitOff = false;
    restLength = 0;
  }

  /**
   * Whether the line ends in {@code PASS} or {@code ACCT} as a word of its own, and what follows
   * it, no quote among it, within the last {@link #LOOKED_AT} characters ({@link
   * Secrets#endsInSecretCommand}).
   */
  static boolean endsInSecret(String raw) {
    return Secrets.endsInSecretCommand(raw, LOOKED_AT);
  }

  /** The text up to the first of the given characters. */
  private static String upTo(String text, String ends) {
    for (int at = 0; at < text.length(); at++) {
      if (ends.indexOf(text.charAt(at)) >= 0) {
        return text.substring(0, at);
      }
    }
    return text;
  }

  /** The reader read the server's text on the line: a command before it ended there. */
  void serverText() {
    last = NONE;
  }

  /**
   * Whether the line, which its reader left out, goes on with the command that carries a secret
   * before it ({@link #goesOn}): only a blank line or a comment may. Any other line a reader leaves
   * out is a record of its own, which ends the command and is not learnt.
   */
  boolean leftOutGoesOn(long number, String raw, Secrets secrets) {
    if (isNoRecord(raw)) {
      return goesOn(number, raw, secrets);
    }
    last = NONE;
    return false;
  }

  /** Whether a line a reader leaves out is no record of the log: blank, or a comment. */
  private static boolean isNoRecord(String raw) {
    return raw.isBlank() || raw.stripLeading().startsWith("#");
  }

  /**
   * Whether the line, which its reader could not read, goes on with the command that carries a
   * secret before it; if so, it is learnt whole (and without its outer white space) as a secret.
   *
   * @param number the line's 1-based number
   * @param raw the line as read
   * @param secrets where the secret is learnt
   */
  boolean goesOn(long number, String raw, Secrets secrets) {
    if (last == NONE || (number != last + 1 && !(number == last && lastSplitOff))) {
      return false;
    }
    String stripped = raw.strip();
    restLength += stripped.length();
    if (restLength > Secrets.LONGEST_READING) {
      last = NONE;
      return false;
    }
    last = number;
    lastSplitOff = true;
    // as Secrets reads a password in a line: whole, up to a quote (a log's that closes the
    // command), and its first word
    secrets.learnSecret(raw);
    secrets.learnSecret(stripped);
    secrets.learnSecret(upTo(stripped, "\"'"));
    secrets.learnSecret(upTo(stripped, " \t\"'"));
    return true;
  }
}
