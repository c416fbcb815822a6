package io.ftpseq.protocol;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command line sent by the client: its verb, the word as written, and its argument.
 *
 * <p>Secrets are masked when the command is built, so no later stage can print them: the argument
 * of {@code PASS}, {@code ACCT} and {@code ADAT}, the passwords of {@code SITE PSWD}, {@code SITE
 * CHPASS} and {@code SITE GPASS} ({@link Secrets#SITE_PASSWORD_COMMANDS}), and the password of any
 * URL in an argument ({@code ftp://bob:****@host/x}). {@code Command.parse("PASS secret").text()}
 * is {@code "PASS ****"}. A known verb's argument is masked by what the verb takes, so {@code RETR
 * password.txt} stays as it is; a word no server knows is no command to go by, and the line is
 * masked as text that could not be read ({@link #maskPasswords}): {@code password hunter2} is
 * {@code PASSWORD ****}.
 *
 * <p>A secret learnt from another line ({@link #masked(Secrets)}: {@code PASS 100}, then {@code
 * REST 100}) is masked in the {@link #argument} every output shows, not in the {@link
 * #sentArgument} the rules and server models decide by, so masking never changes a verdict: {@code
 * REST ****} is still a restart at offset 100. Whatever is made of the sent argument for an output
 * (a predicted reply that names a path) is made of the shown argument instead ({@link #shown}).
 *
 * @param verb the verb, {@link Verb#OTHER} for an unknown word
 * @param word the command word as written, upper-cased (for {@code OTHER}, the raw word); secrets
 *     masked
 * @param argument the argument as every output shows it, empty when there is none; secrets masked
 * @param sentArgument the argument as sent, for deciding what the command does: masked only where
 *     the command itself carries a secret (the argument of {@code PASS}, a URL's password), never
 *     shown; for a word no server knows, the shown argument, as no rule reads it
 */
public record Command(Verb verb, String word, String argument, String sentArgument) {

  /** What a masked password looks like in every output. */
  public static final String MASK = "****";

  /**
   * How free text says what a password is: {@code is}, {@code was}, {@code are}, {@code were}, and
   * {@code changed}, {@code set} or {@code reset to}, after one of those or not.
   */
  private static final String TOLD =
      "(?:(?:(?:is|was|are|were)\\s+)?(?:changed|set|reset)\\s+to|is|was|are|were)";

  /**
   * A password as it may stand in a line of any log: after the word PASS, ACCT or ADAT (with up to
   * four marks between, as in {@code PASS secret} or JSON's {@code "PASS", "command_data":
   * "secret"}, Suricata's, and {@code "PASS","arg":"secret"}, Zeek's) or after a {@code password}
   * key. After a command word it runs to its closing quote when quoted, else to the line's end, so
   * a password with spaces or tabs is masked whole; after a key, to the word's end. The marks
   * before it are no letter, digit or accent of any script (a password {@code ééé1} is masked from
   * its first letter, not read as three marks and {@code 1}), nor a mask's {@code *}, so masking
   * masked text changes nothing, nor an opening bracket: that begins what a log writes in a
   * password's place, masked whole ({@code PASS <password>}, vsftpd's, is {@code PASS ****}, as the
   * command is shown, not {@code PASS <****}). After a key, {@code for} and a word is whose
   * password it is ({@code need password for alice}), not the password; after {@code is}, {@code
   * was}, {@code are}, {@code were} or {@code changed to} (and a colon), the value may be quoted
   * ({@code the password is 'x'}, {@code passwords are x}).
   */
  private static final Pattern PASSWORD_IN_TEXT =
      LinePatterns.compile(
          "(?i)(?<command>\\b(?:PASS|ACCT|ADAT)(?:\\W{1,6}command_data|\"\\s*,\\s*\"arg(?=\")|"
              + Secrets.NOT_BEFORE_A_KEY
              + ")[^\\w\\p{L}\\p{N}\\p{M}*<(\\[{]{1,4}"
              + "|\\bSITE\\s+(?:"
              + Secrets.SITE_PASSWORD
              + ")\\s+)(?:"
              + Secrets.QUOTED
              + "|[^\\r\\n]*[^\\s\"'])"
              + "|(?<key>\\b(?:passwords?|passwd)"
              + "(?:\\s+(?:for\\s+\\S+\\s+)?(?:"
              + TOLD
              + "\\s*:?|=|:)\\s*[\"']?"
              + "|[^\\w\\p{L}\\p{N}\\p{M}*<(\\[{]{1,4}(?!(?:for|"
              + TOLD
              + ")(?:\\s|$))))"
              + "[^\\s\"',}\\]]+");

  /**
   * The password of a URL: {@code ftp://user:password@host}; the user may be an e-mail address
   * ({@code ftp://alice@example.com:password@host}).
   */
  private static final Pattern URL_PASSWORD = LinePatterns.compile("(://[^/\\s:]*:)[^/\\s]+@");

  /** The marks between a command word and the password glued to it: {@code PASS:secret}. */
  private static final Pattern GLUE = LinePatterns.compile("^[\\s:=\"',]{1,4}");

  /** Verbs whose whole argument is secret: a password, an account, security data. */
  private static final Set<Verb> SECRET_ARGUMENT = EnumSet.of(Verb.PASS, Verb.ACCT, Verb.ADAT);

  /** {@code SITE} subcommands that carry passwords: {@code SITE PSWD old new}. */
  private static final Pattern SITE_PASSWORD =
      LinePatterns.compile("(?i)^(" + Secrets.SITE_PASSWORD + ")(\\s.*)?$");

  /** A password of a {@code SITE} subcommand: in double quotes, spaces and all, or a word. */
  private static final Pattern SITE_ARGUMENT = LinePatterns.compile("\"([^\"]+)\"|(\\S+)");

  /** Validates the parts and masks the secrets the command itself carries. */
  public Command {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(sentArgument, "sentArgument");
    if (word.isEmpty()) {
      throw new IllegalArgumentException("a command needs a word");
    }
    boolean same = sentArgument.equals(argument);
    if (verb == Verb.OTHER) {
      String text = argument.isEmpty() ? word : word + " " + argument;
      String masked = maskPasswords(text, null);
      if (!masked.equals(text)) {
        int space = masked.indexOf(' ');
        word = space < 0 ? masked : masked.substring(0, space);
        argument = space < 0 ? "" : masked.substring(space + 1);
      }
      same = true; // no rule reads the argument of a word no server knows
    }
    argument = maskArgument(verb, argument, null);
    sentArgument = same ? argument : maskArgument(verb, sentArgument, null);
  }

  /**
   * A command whose argument is shown as it was sent: {@code new Command(Verb.CWD, "CWD", "docs")}.
   */
  public Command(Verb verb, String word, String argument) {
    this(verb, word, argument, argument);
  }

  /** The argument with its secrets masked, each given to {@code hidden} (may be {@code null}). */
  private static String maskArgument(Verb verb, String argument, Consumer<String> hidden) {
    if (argument.isEmpty() || argument.equals(MASK)) {
      return argument;
    }
    if (SECRET_ARGUMENT.contains(verb)) {
      hide(argument, hidden);
      return MASK;
    }
    if (verb == Verb.SITE) {
      Matcher site = SITE_PASSWORD.matcher(argument);
      if (site.matches()) {
        if (site.group(2) == null) {
          return argument;
        }
        Matcher password = SITE_ARGUMENT.matcher(site.group(2));
        while (password.find()) {
          // each its own secret, as Secrets learns them; a quoted one without its quotes
          hide(password.group(1) != null ? password.group(1) : password.group(2), hidden);
        }
        return site.group(1) + " " + MASK;
      }
    }
    // the pattern needs "://" and an "@" after it: most URLs (Zeek's RETR arguments) have none
    return argument.contains("://") && argument.indexOf('@') >= 0
        ? maskUrlPasswords(argument, hidden)
        : argument;
  }

  /** Gives a secret masked to {@code hidden}, unless that is {@code null}: nothing learns it. */
  private static void hide(String secret, Consumer<String> hidden) {
    if (hidden != null) {
      hidden.accept(secret);
    }
  }

  /** The text with the password of every URL in it masked, each given to {@code hidden}. */
  private static String maskUrlPasswords(String text, Consumer<String> hidden) {
    return URL_PASSWORD
        .matcher(text)
        .replaceAll(
            url -> {
              hide(text.substring(url.end(1), url.end() - 1), hidden);
              return Matcher.quoteReplacement(url.group(1) + MASK + "@");
            });
  }

  /**
   * Parses a command line as it went on the wire, without its line ending. Leading and trailing
   * white space is dropped; the first word is the verb and the rest, after one space, is the
   * argument.
   *
   * @throws IllegalArgumentException if the line is blank
   */
  public static Command parse(String line) {
    return parse(line, null);
  }

  /**
   * Gives each secret that {@link #parse} masks in a command line as the client sent it to {@code
   * secret}, as it stands in the line: the argument of {@code PASS}, the password of a URL, and
   * what the masking of free text hides in a line of no known verb ({@code hunter2} in {@code
   * password hunter2}). Only a client's line is read so: a server's words are no password.
   */
  public static void secretsIn(String line, Consumer<String> secret) {
    if (!line.isBlank() && Secrets.mayHoldSecret(line)) {
      parse(line, secret);
    }
  }

  /** {@link #parse(String)}, giving each secret it masks to {@code hidden}. */
  private static Command parse(String line, Consumer<String> hidden) {
    int start = 0;
    int end = line.length();
    while (start < end && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      throw new IllegalArgumentException("a command line cannot be blank");
    }
    int wordEnd = start;
    while (wordEnd < end && !Character.isWhitespace(line.charAt(wordEnd))) {
      wordEnd++;
    }
    int argumentStart = wordEnd;
    while (argumentStart < end && Character.isWhitespace(line.charAt(argumentStart))) {
      argumentStart++;
    }
    String argument = line.substring(argumentStart, end);
    Verb verb = Verb.of(line, start, wordEnd);
    boolean learning = hidden != null;
    if (verb != Verb.OTHER) {
      if (learning) {
        maskArgument(verb, argument, hidden);
      }
      // a known verb's word is its name: no copy of the line's word is kept
      return new Command(verb, verb.name(), argument);
    }
    String word = line.substring(start, wordEnd);
    int letters = leadingLetters(word);
    if (letters < word.length()) {
      // "PASS:secret" is no verb a server knows, but what follows PASS is still a password
      Verb glued = Verb.of(word.substring(0, letters));
      if (SECRET_ARGUMENT.contains(glued)) {
        if (learning) {
          hidden.accept(GLUE.matcher(line.substring(start + letters, end)).replaceFirst(""));
        }
        return new Command(glued, glued.name(), MASK);
      }
    }
    if (learning) {
      maskPasswords(line.substring(start, end), hidden);
    }
    return new Command(verb, word.toUpperCase(Locale.ROOT), argument);
  }

  private static int leadingLetters(String word) {
    int letters = 0;
    while (letters < word.length() && Character.isLetter(word.charAt(letters))) {
      letters++;
    }
    return letters;
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
    return maskPasswords(text, null);
  }

  /** {@link #maskPasswords(String)}, giving each password it masks to {@code hidden}. */
  private static String maskPasswords(String text, Consumer<String> hidden) {
    if (!Secrets.mayHoldSecret(text)) {
      return text;
    }
    Matcher password = PASSWORD_IN_TEXT.matcher(text);
    if (!password.find()) {
      return text.contains("://") ? maskUrlPasswords(text, hidden) : text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    do {
      int secret = password.end(password.group("command") != null ? "command" : "key");
      hide(text.substring(secret, password.end()), hidden);
      out.append(text, from, secret).append(MASK);
      from = password.end();
    } while (password.find());
    String masked = out.append(text, from, text.length()).toString();
    return masked.contains("://") ? maskUrlPasswords(masked, hidden) : masked;
  }

  /**
   * The command with every secret the input showed masked in what outputs show of it: in its
   * argument, and in its word too when that is no verb, in any case (a password typed at the user
   * prompt is sent as a word of its own, {@code WONDERLAND}); this command itself when none stands
   * in it. The {@link #sentArgument} stays as it was, so the command still does what it did: after
   * {@code PASS docs}, {@code CWD docs} is shown as {@code CWD ****} and still goes to {@code
   * docs}.
   */
  public Command masked(Secrets secrets) {
    if (secrets.isEmpty()) {
      return this;
    }
    String maskedWord = verb == Verb.OTHER ? secrets.maskWord(word) : word;
    String maskedArgument = secrets.mask(argument);
    return maskedWord.equals(word) && maskedArgument.equals(argument)
        ? this
        : new Command(verb, maskedWord, maskedArgument, sentArgument);
  }

  /**
   * The command as outputs show it, its shown argument taken as sent too: what a text made of the
   * command's argument (a predicted reply that names the path) is made of, so that it shows what
   * the command shows. This command itself when nothing of it is masked.
   */
  public Command shown() {
    return showsAsSent() ? this : new Command(verb, word, argument);
  }

  /** Whether the argument outputs show is the argument as sent: nothing in it was masked later. */
  public boolean showsAsSent() {
    return argument.equals(sentArgument);
  }

  /**
   * Whether the command carries a secret as its whole argument ({@code PASS}, {@code ACCT}, {@code
   * ADAT}), sent or not: what a reader got as a line of its own right after it may be the rest of
   * it.
   */
  public boolean carriesSecret() {
    return SECRET_ARGUMENT.contains(verb);
  }

  /**
   * Whether the RFCs allow this code in answer to this command: the codes its verb allows ({@link
   * Verb#allowsReply(int)}), and for a command sent with a parameter 504 Command not implemented
   * for that parameter too. RFC 959 §4.2.1 defines 504 in the syntax group beside 500, 501 and 502,
   * which answer any command; RFC 2389 §4 lets OPTS name any command and option, which a server
   * need not implement for every one (Pure-FTPd answers {@code OPTS UTF8 ON} with 504), and the
   * same holds for SITE's subcommands and any other parameter a server does not implement.
   */
  public boolean allowsReply(int code) {
    return verb.allowsReply(code) || (code == 504 && !sentArgument.isEmpty());
  }

  /** Whether this is {@code EPSV ALL} (RFC 2428 §3), which forbids every other data setup. */
  public boolean isEpsvAll() {
    return verb == Verb.EPSV && sentArgument.equalsIgnoreCase("ALL");
  }

  @Override
  public String toString() {
    return text();
  }
}
