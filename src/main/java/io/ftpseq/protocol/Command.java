package io.ftpseq.protocol;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One command line sent by the client: its verb, the word as written, and its argument.
 *
 * <p>The password of {@code PASS} is masked when the command is built, so no later stage can print
 * it: {@code Command.parse("PASS secret").text()} is {@code "PASS ****"}.
 *
 * @param verb the verb, {@link Verb#OTHER} for an unknown word
 * @param word the command word as written, upper-cased (for {@code OTHER}, the raw word)
 * @param argument the argument, empty when there is none; already masked for {@code PASS}
 */
public record Command(Verb verb, String word, String argument) {

  /** What a masked password looks like in every output. */
  public static final String MASK = "****";

  /**
   * A password as it may stand in a line of any log: after the word PASS (with up to three marks
   * between, as in {@code PASS secret} or JSON's {@code "PASS","command_data":"secret"}) or after a
   * {@code password} key.
   */
  private static final Pattern PASSWORD_IN_TEXT =
      Pattern.compile(
          "(?i)(\\bPASS(?:\\W{1,3}command_data)?\\W{1,4}|\\bpassword\\W{1,4})[^\\s\"',}\\]]+");

  /** Validates the parts. */
  public Command {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(argument, "argument");
    if (word.isEmpty()) {
      throw new IllegalArgumentException("a command needs a word");
    }
    if (verb == Verb.PASS && !argument.isEmpty()) {
      argument = MASK;
    }
  }

  /**
   * Parses a command line as it went on the wire, without its line ending. Leading and trailing
   * white space is dropped; the first word is the verb and the rest, after one space, is the
   * argument.
   *
   * @throws IllegalArgumentException if the line is blank
   */
  public static Command parse(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("a command line cannot be blank");
    }
    int space = trimmed.indexOf(' ');
    String word = space < 0 ? trimmed : trimmed.substring(0, space);
    String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
    return new Command(Verb.of(word), word.toUpperCase(Locale.ROOT), argument);
  }

  /** The command as it would be written on the wire (password masked), without line ending. */
  public String text() {
    return argument.isEmpty() ? word : word + " " + argument;
  }

  /**
   * The text with every password it shows masked, for quoting input that could not be read as a
   * command: {@code maskPasswords("bad line: PASS secret")} is {@code "bad line: PASS ****"}.
   */
  public static String maskPasswords(String text) {
    return PASSWORD_IN_TEXT.matcher(text).replaceAll("$1" + MASK);
  }

  /** Whether this is {@code EPSV ALL} (RFC 2428 §3), which forbids every other data setup. */
  public boolean isEpsvAll() {
    return verb == Verb.EPSV && argument.equalsIgnoreCase("ALL");
  }

  @Override
  public String toString() {
    return text();
  }
}
