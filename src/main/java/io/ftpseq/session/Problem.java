package io.ftpseq.session;

import io.ftpseq.protocol.Command;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Input that could not be read as part of a session: a malformed line, an unreadable file. The
 * message is ftpseq's own words around the input it quotes, which {@link #quote} or {@link
 * #quoteReply} put in double quotes; reading goes on after it.
 *
 * <p>Passwords are masked in the quoted input only, never in the words and numbers around it: a
 * message reads {@code packet 37 has 2 of its 66 bytes} even when a password is {@code 2}. A quote
 * of input that may hold a command has the passwords it shows masked as it is made; a quote of the
 * server's text has none looked for in its words; the secrets the input shows elsewhere are masked
 * in every quote of a message by {@link #masked}.
 *
 * <p>A problem is always made from a {@link Phrase}, so that every report says it in its own
 * language; the message is the phrase's English, for logs and for callers that know no language.
 * There is no problem in English only: one would be English in a French or Japanese report.
 *
 * @param source where the problem is
 * @param message what is wrong, quoting the input, in English
 * @param phrase the same as words to say in the report's language
 */
public record Problem(Source source, String message, Phrase phrase) {

  /** How much of a line a message quotes; the rest is cut, and its length said. */
  public static final int QUOTE_LIMIT = 200;

  /** How long a message may be; anything longer was built from unbounded input and is cut. */
  static final int MESSAGE_LIMIT = 2_000;

  /** Validates the parts. */
  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(phrase, "phrase");
    message = cut(message, MESSAGE_LIMIT);
  }

  /** A problem in ftpseq's words, said in each report's language. */
  public Problem(Source source, Phrase phrase) {
    this(source, phrase.english(), phrase);
  }

  /**
   * Quotes input that may be a command or hold one (a line that could not be read, a field of a
   * log), with the passwords it shows in words masked ({@link Command#maskPasswords}): {@code
   * quote("bad: PASS hunter2")} is {@code "bad: PASS ****"} in double quotes. Text longer than
   * {@link #QUOTE_LIMIT} is cut and followed by its length: {@code "ABC..." (5,242,880
   * characters)}. A double quote in the text is written twice, so that the quote ends at the first
   * single one.
   */
  public static String quote(String text) {
    return quoted(text, true);
  }

  /**
   * Quotes text the server sent (a reply line or reply code that could not be read) as {@link
   * #quote} does, but without looking for passwords in its words: {@code 331 Password required for
   * alice} is the server's text and names no password. The secrets the input showed are masked in
   * it all the same ({@link #masked}).
   */
  public static String quoteReply(String text) {
    return quoted(text, false);
  }

  /**
   * Quotes the start of a line that was cut before it was read whole, as {@link #quote} does, and
   * says no length: the caller knows the line's length (in bytes, as it was read) and says it,
   * where the length of the part kept would mislead. {@code quoteStart("PASS hunter2")} is {@code
   * "PASS ****..."} in double quotes.
   */
  public static String quoteStart(String kept) {
    String shown = kept.length() <= QUOTE_LIMIT ? kept : kept.substring(0, QUOTE_LIMIT);
    return "\"" + escaped(Command.maskPasswords(shown)) + "...\"";
  }

  private static String quoted(String text, boolean mayHoldCommand) {
    String shown = text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT);
    if (mayHoldCommand) {
      shown = Command.maskPasswords(shown);
    }
    return text.length() <= QUOTE_LIMIT
        ? "\"" + escaped(shown) + "\""
        : "\"" + escaped(shown) + "...\" (" + count(text.length()) + ")";
  }

  /**
   * The problem with {@code mask} applied to each piece of input its message quotes, and to nothing
   * else; this problem itself when that changes nothing.
   *
   * @param mask masks the secrets in a piece of quoted input, as it was before quoting
   */
  public Problem masked(UnaryOperator<String> mask) {
    String masked = masked(message, mask);
    Phrase maskedPhrase = phrase.masked(arg -> masked(arg, mask));
    return masked.equals(message) && maskedPhrase.equals(phrase)
        ? this
        : new Problem(source, masked, maskedPhrase);
  }

  /** The text with {@code mask} applied to each piece of input it quotes, and to nothing else. */
  private static String masked(String message, UnaryOperator<String> mask) {
    int open = message.indexOf('"');
    if (open < 0) {
      return message;
    }
    StringBuilder out = new StringBuilder(message.length());
    int from = 0;
    while (open >= 0) {
      StringBuilder quoted = new StringBuilder();
      int close = readQuote(message, open + 1, quoted);
      out.append(message, from, open + 1).append(escaped(mask.apply(quoted.toString())));
      from = close; // the closing quote is ftpseq's, copied with the words after it
      open = close < message.length() ? message.indexOf('"', close + 1) : -1;
    }
    return out.append(message, from, message.length()).toString();
  }

  /**
   * Reads a quote's text, from just after its opening quote, into {@code text}, a doubled quote as
   * one; gives where its closing quote is, or the message's length for a quote the cut message has
   * lost the end of.
   */
  private static int readQuote(String message, int from, StringBuilder text) {
    int at = from;
    while (at < message.length()) {
      char c = message.charAt(at);
      if (c != '"') {
        text.append(c);
        at++;
      } else if (at + 1 < message.length() && message.charAt(at + 1) == '"') {
        text.append('"');
        at += 2;
      } else {
        return at;
      }
    }
    return at;
  }

  private static String escaped(String text) {
    return text.indexOf('"') < 0 ? text : text.replace("\"", "\"\"");
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit
        ? text
        : text.substring(0, limit) + "... (" + count(text.length()) + " in all)";
  }

  private static String count(int characters) {
    return String.format(Locale.ROOT, "%,d characters", characters);
  }

  @Override
  public String toString() {
    return source + ": " + message;
  }
}
