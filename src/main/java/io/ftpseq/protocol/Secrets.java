package io.ftpseq.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets an input (or a live session) has shown so far, to mask them wherever they come back:
 * a server that echoes the password in its reply ({@code 530 Login incorrect for hunter2}), a later
 * command or log line that repeats it. Secrets are learnt from command lines as they were sent,
 * before they are masked: the arguments of {@code PASS}, {@code ACCT}, {@code SITE PSWD}, {@code
 * SITE CHPASS} and {@code SITE GPASS}, and the password of a URL ({@code
 * ftp://user:password@host}).
 *
 * <p>Only the most recent {@link #KEPT} secrets are kept, so a brute-force log of millions of
 * passwords holds memory for a few: an echo comes right after the command that sent it.
 *
 * <p>A secret shorter than {@link #SHORTEST_WORD} characters is masked only where it stands as a
 * password, in every form a password is learnt from ({@code PASS q}, {@code
 * "PASS","command_data":"q"}, {@code SITE PSWD p q}, {@code password q}, {@code ftp://bob:q@host}),
 * and as a command word of its own, never as any word: a password {@code a} would mask every {@code
 * a} of a report, and where the masks fell would tell the password.
 */
public final class Secrets {

  /**
   * The {@code SITE} commands whose arguments are passwords: {@code SITE PSWD old new} (Serv-U's,
   * as WinSCP's documentation shows it, each password quoted or not), {@code SITE CHPASS old new},
   * and wu-ftpd's {@code SITE GPASS password}, the password of the group a {@code SITE GROUP} named
   * (ftpd(8), ftpgroups(4)).
   */
  public static final List<String> SITE_PASSWORD_COMMANDS = List.of("PSWD", "CHPASS", "GPASS");

  /** {@link #SITE_PASSWORD_COMMANDS} as the alternatives of a pattern. */
  static final String SITE_PASSWORD = String.join("|", SITE_PASSWORD_COMMANDS);

  /** How many secrets are kept. */
  static final int KEPT = 64;

  /** The fewest characters a secret masked wherever it stands as a word has. */
  static final int SHORTEST_WORD = 4;

  /**
   * Where a command word that is a JSON string is not followed by its argument: the next member of
   * the object ({@code "command":"PASS","completion_code":["530"]}), whose key is no password. A
   * JSON log need not write the argument after the command ({@code "command_data":"x",
   * "command":"PASS"}): its reader learns the argument by its key, in any order.
   */
  static final String NOT_BEFORE_A_KEY = "(?!\"\\s*,\\s*\"[^\"\\\\]*\"\\s*:)";

  /**
   * What a short secret follows where it stands as a password, as {@link #SECRET} learns it: a
   * command word that sends one and up to four marks (JSON's key of its argument between, as in
   * {@code "PASS","command_data":"q"}), a {@code SITE} command's first or second password (quoted
   * or not), a {@code password} key, or a URL's user name and colon.
   */
  private static final String AS_PASSWORD =
      "(?i)(\\b(?:PASS|ACCT|ADAT)(?:\\W{1,6}command_data|\"\\s*,\\s*\"arg(?=\")|"
          + NOT_BEFORE_A_KEY
          + ")[\\s:=\"',]{1,4}"
          + "|\\bSITE\\s+(?:"
          + SITE_PASSWORD
          + ")\\s+(?:(?:\"[^\"\\r\\n]*\"|[^\\s\"',}\\]]+)\\s+)?\"?"
          + "|\\b(?:password|passwd)[\\s:=\"',]{1,4}|://[^/\\s:]*:)";

  /**
   * Where a command word stands in a line of a log: not right after a word and a space, as {@code
   * ACCT} does in the reply {@code 202 Command ACCT not implemented}.
   */
  private static final String COMMAND_POSITION = "(?<![A-Za-z]\\s)";

  /**
   * A password of a {@link #SITE_PASSWORD_COMMANDS} command: in double quotes, spaces and all
   * ({@code SITE PSWD "old pw" "new pw"}), or a word. Two groups, one for each.
   */
  private static final String SITE_ARGUMENT = "(?:\"([^\"\\r\\n]+)\"|([^\\s\"',}\\]]+))";

  /**
   * The longest reading of a secret that runs to a quote or the line's end: longer text is more
   * fields, not a password, and the bound keeps learning linear in a line of many {@code PASS}.
   */
  public static final int LONGEST_READING = 256;

  /**
   * A secret in quotes, spaces and all: after a double quote up to the closing one (a backslash
   * escaping the next character, as in JSON), or between single quotes. Two groups, one for each.
   * Bounded: Java's matcher recurses once per repetition of the double-quoted group, so an
   * unbounded one overflowed the stack on a few thousand escaped quotes; a longer quotation is read
   * as a secret that runs to the line's end.
   */
  static final String QUOTED =
      "(?<=\")((?:[^\"\\\\\\r\\n]|\\\\.){1,"
          + LONGEST_READING
          + "})(?=\")|(?<=')([^'\\r\\n]{1,"
          + LONGEST_READING
          + "})(?=')";

  /**
   * A secret as it may stand in a line of any log: after a secret-bearing command word (with up to
   * three marks between, as in {@code PASS secret}, {@code PASS:secret} or JSON's {@code
   * "PASS","command_data":"secret"}, Suricata's, and {@code "PASS","arg":"secret"}, Zeek's), or as
   * a URL's password. A {@code PASS} or {@code ACCT} argument is the rest of its line (RFC 959 lets
   * a password hold spaces and tabs), so unless it is quoted the pattern takes its first word
   * ({@link #FIRST_WORD}) and {@link #eachSecret} three more readings from where it starts: all up
   * to the line's end, all up to a tab, and all up to the next quote. The log's syntax alone cannot
   * tell whether the words after the first are more password, more fields (a tab separates Zeek's),
   * or the end of a quotation that began before the command word.
   *
   * <p>The three readings were look-aheads of the pattern, each run over up to {@value
   * #LONGEST_READING} characters by Java's matcher at every password: most of what learning the
   * password of a server log's session cost. A look-ahead that cannot fail where the first word
   * matches changes no match, so the pattern matches where it did.
   */
  static final Pattern SECRET =
      LinePatterns.compile(
          "(?i)(?:"
              + COMMAND_POSITION
              + "\\b(?:PASS|ACCT)(?:\\W{1,6}command_data|\"\\s*,\\s*\"arg(?=\")|"
              + NOT_BEFORE_A_KEY
              + ")[\\s:=\"',]{1,4}"
              + "(?:"
              + QUOTED
              + "|([^\\s\"',}\\]]+))"
              + "|"
              + COMMAND_POSITION
              + "\\bSITE\\s+(?:"
              + SITE_PASSWORD
              + ")\\s+"
              + SITE_ARGUMENT
              + "(?:\\s+"
              + SITE_ARGUMENT
              + ")?"
              + "|://[^/\\s:]*:([^/\\s]+)@)");

  /** The group of {@link #SECRET} that holds an unquoted argument's first word. */
  static final int FIRST_WORD = 3;

  private final Deque<String> kept = new ArrayDeque<>();

  /** The pattern of each kept secret shorter than {@link #SHORTEST_WORD}, as a password. */
  private final Map<String, Pattern> shortAsPassword = new HashMap<>();

  /**
   * When each kept secret began to be kept, by the count of secrets kept then: learnt again while
   * kept, it keeps its time, as every text read since was masked with it.
   */
  private final Map<String, Long> learntAt = new HashMap<>();

  /** How many secrets have begun to be kept, to tell which were not kept yet at a time. */
  private long learnt;

  /**
   * The kept secrets, longest first, so that {@code h unt3r} is masked whole before {@code h}, its
   * first word, could leave {@code unt3r} standing; {@code null} when a secret was learnt since.
   * Each secret of {@link #SHORTEST_WORD} characters or more that JSON writes otherwise is there as
   * JSON writes it too ({@link #asJson}).
   */
  private String[] longestFirst;

  /**
   * Learns the secrets a command line, or a raw line of a log that holds one, shows; cheap for
   * lines that show none.
   */
  public void learn(String line) {
    learn(line, candidateIn(line));
  }

  /**
   * Learns the secrets of a line already looked at with {@link #candidateIn}, on this thread or
   * another one.
   *
   * @param candidate what {@link #candidateIn} gave for the line
   */
  public void learn(String line, int candidate) {
    if (candidate < 0) {
      return;
    }
    eachSecret(
        line,
        candidate,
        secret -> {
          if (!secret.isEmpty() && !isMask(secret)) {
            keep(secret);
          }
        });
  }

  /**
   * Gives each secret the line shows, in order, for a line in which {@link #candidateIn} found
   * {@code candidate} (not negative): of each match of {@link #SECRET}, its groups that matched,
   * the further readings of an unquoted argument before its first word.
   */
  static void eachSecret(String line, int candidate, Consumer<String> secret) {
    eachMatch(
        line,
        candidate,
        m -> {
          for (int group = 1; group <= m.groupCount(); group++) {
            if (m.start(group) < 0) {
              continue;
            }
            if (group == FIRST_WORD) {
              readings(line, m.start(group), secret);
            }
            secret.accept(m.group(group));
          }
        });
  }

  /**
   * Gives the three further readings of an unquoted argument whose first word starts at {@code
   * start}, in one pass: the line from there up to its last character that is no space ({@code \s})
   * or quote before the line's end, before a tab, and before a tab or quote, within {@value
   * #LONGEST_READING} characters. None is empty: the first word is no space or quote.
   */
  private static void readings(String line, int start, Consumer<String> secret) {
    int toEnd = start;
    int toTab = start;
    int toQuote = start;
    boolean tab = false;
    boolean quote = false;
    for (int at = start, end = Math.min(line.length(), start + LONGEST_READING); at < end; at++) {
      char c = line.charAt(at);
      if (c == '\r' || c == '\n') {
        break;
      }
      if (c == '\t') {
        tab = true;
      } else if (c == '"' || c == '\'') {
        quote = true;
      } else if (c != ' ' && c != '\u000b' && c != '\f') {
        toEnd = at;
        toTab = tab ? toTab : at;
        toQuote = tab || quote ? toQuote : at;
      }
    }
    String reading = line.substring(start, toEnd + 1);
    secret.accept(reading);
    reading = toTab == toEnd ? reading : line.substring(start, toTab + 1);
    secret.accept(reading);
    secret.accept(toQuote == toTab ? reading : line.substring(start, toQuote + 1));
  }

  /**
   * Gives {@link #SECRET}'s matcher at each of its matches in the line, in order, as {@code find()}
   * finds them, for a line in which {@link #candidateIn} found {@code candidate} (not negative).
   * The pattern is tried only where the look lets a match start, not at every character after the
   * first place: it begins with look-behinds and word boundaries that cost at each character, and
   * in a Zeek row, whose PASS follows the user's name and a tab, it matches nowhere after it.
   */
  static void eachMatch(String line, int candidate, Consumer<Matcher> found) {
    Matcher m = matcherFrom(line, candidate);
    byte[] look = null;
    for (int at = candidate, length = line.length(); at >= 0; ) {
      int next;
      if (m.region(at, length).lookingAt()) {
        found.accept(m);
        next = Math.max(m.end(), at + 1);
      } else {
        next = at + 1;
      }
      if (look == null) {
        look = lookBytes(line);
      }
      at = candidateIn(look, next, length);
    }
  }

  /**
   * Learns the secrets of a command line as the client sent it: those {@link #learn} finds in any
   * line, and all that {@link Command#parse} masks in it, such as the password of {@code password
   * hunter2}, a command of no known verb that a server echoes back ({@code 500 Unknown command
   * password hunter2}). Never given a server's line: its words are no password.
   */
  public void learnCommand(String line) {
    learn(line);
    learnMasked(line);
  }

  /**
   * Learns all that {@link Command#parse} masks in a command line as the client sent it, for a line
   * whose other secrets were learnt already ({@link #learn}).
   */
  public void learnMasked(String line) {
    Command.secretsIn(line, this::learnSecret);
  }

  /**
   * Learns a value a log shows in a column of its own as a password (Zeek's {@code password}),
   * unless it is what the log writes in a password's place.
   */
  public void learnSecret(String value) {
    if (!value.isEmpty() && !isMask(value)) {
      keep(value);
    }
  }

  /**
   * The text with every secret learnt so far masked where it stands as a whole word; a secret
   * shorter than {@link #SHORTEST_WORD} characters, only where it stands as a password.
   */
  public String mask(String text) {
    if (kept.isEmpty()) {
      return text;
    }
    if (longestFirst == null) {
      List<String> forms = new ArrayList<>(kept);
      for (String secret : kept) {
        String json = asJson(secret);
        if (secret.length() >= SHORTEST_WORD && !json.equals(secret)) {
          forms.add(json);
        }
      }
      longestFirst = forms.toArray(String[]::new);
      Arrays.sort(longestFirst, Comparator.comparingInt(String::length).reversed());
    }
    String masked = text;
    for (String secret : longestFirst) {
      masked =
          secret.length() < SHORTEST_WORD
              ? maskAsPassword(masked, secret)
              : maskWord(masked, secret);
    }
    return masked;
  }

  /**
   * The text, a word of its own such as an unknown command's upper-cased word, masked whole when it
   * is a secret in any case ({@code WONDERLAND}, typed at the user prompt, then sent with {@code
   * PASS wonderland}); else as {@link #mask} masks it.
   */
  public String maskWord(String word) {
    for (String secret : kept) {
      if (word.equalsIgnoreCase(secret)) {
        return Command.MASK;
      }
    }
    return mask(word);
  }

  /** The secrets kept, most recent first. */
  List<String> kept() {
    return List.copyOf(kept);
  }

  /**
   * How many secrets have begun to be kept so far: a time to ask {@link #learntSince} about. It
   * only grows; a secret learnt again while it is kept does not count again, one let go and learnt
   * again does.
   */
  public long learnt() {
    return learnt;
  }

  /**
   * The kept secrets that were not kept yet at the given time ({@link #learnt}), as secrets of
   * their own: those a text read since that time may not have been masked with. A secret kept all
   * along (the password every session of a log sends) is not among them. Empty, and cheap, when
   * none is.
   */
  public Secrets learntSince(long time) {
    Secrets since = new Secrets();
    if (time >= learnt) {
      return since;
    }
    for (Iterator<String> oldest = kept.descendingIterator(); oldest.hasNext(); ) {
      String secret = oldest.next();
      if (learntAt.get(secret) > time) {
        since.keep(secret);
      }
    }
    return since;
  }

  /** Whether no secret has been learnt. */
  public boolean isEmpty() {
    return kept.isEmpty();
  }

  private void keep(String secret) {
    if (learntAt.containsKey(secret)) {
      if (kept.peekFirst().equals(secret)) {
        return; // the most recent already: nothing changes
      }
      kept.remove(secret);
    } else {
      learntAt.put(secret, ++learnt);
    }
    kept.addFirst(secret);
    if (kept.size() > KEPT) {
      String let = kept.removeLast();
      learntAt.remove(let);
      shortAsPassword.remove(let);
    }
    longestFirst = null;
  }

  /**
   * The secret as a JSON log writes it in a string, as Suricata's EVE does: a quote or backslash
   * escaped, a control character or one past ASCII as {@code \\u} and four lower-case hexadecimal
   * digits ({@code PASS\\u00a0secret}), the common controls in their short forms. The line a report
   * quotes from such a log holds this form, not the secret the reader decoded. Written here, not by
   * Jackson's encoder, which leaves characters past ASCII as they are and writes upper-case digits.
   */
  static String asJson(String secret) {
    StringBuilder out = new StringBuilder(secret.length() + 8);
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Replaces a short secret where it stands as a password and is not part of a longer word. */
  private String maskAsPassword(String text, String secret) {
    if (!text.contains(secret)) {
      return text;
    }
    Pattern asPassword =
        shortAsPassword.computeIfAbsent(
            secret,
            s ->
                LinePatterns.compile(
                    AS_PASSWORD + "(?-i:" + Pattern.quote(s) + ")(?![\\p{L}\\p{N}_])"));
    return asPassword.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(Command.MASK));
  }

  /**
   * Replaces the secret where it is not part of a longer word: a word character on either side
   * joins it only to a word character at its own end. A secret learnt with the character that glued
   * it to its command ({@code PASS\u00a0secret}, {@code PASS\0secret}: no space, so the secret is
   * the rest) stands right after {@code PASS} and was masked nowhere, the line it came from
   * included.
   */
  private static String maskWord(String text, String secret) {
    int at = text.indexOf(secret);
    if (at < 0) {
      return text;
    }
    boolean wordFirst = isWordChar(secret.charAt(0));
    boolean wordLast = isWordChar(secret.charAt(secret.length() - 1));
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (at >= 0) {
      int end = at + secret.length();
      boolean whole =
          (at == 0 || !wordFirst || !isWordChar(text.charAt(at - 1)))
              && (end == text.length() || !wordLast || !isWordChar(text.charAt(end)));
      out.append(text, from, at).append(whole ? Command.MASK : secret);
      from = end;
      at = text.indexOf(secret, end);
    }
    return out.append(text, from, text.length()).toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Whether the value, or its first word, is what a log writes in a password's place. */
  private static boolean isMask(String value) {
    int end = 0;
    while (end < value.length() && value.charAt(end) != ' ' && value.charAt(end) != '\t') {
      end++;
    }
    return isMaskWord(value.substring(0, end));
  }

  private static boolean isMaskWord(String value) {
    return isMaskCharacters(value)
        || value.equalsIgnoreCase("(hidden)")
        || value.equalsIgnoreCase("<hidden>")
        || value.equals("<*>");
  }

  private static boolean isMaskCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '*' && c != 'X' && c != 'x' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** The words a secret follows, as four lower-case characters packed in an int. */
  private static final int PASS = packed("pass");

  private static final int ACCT = packed("acct");
  private static final int SITE = packed("site");
  private static final int ADAT = packed("adat");
  private static final int PSWD = packed("pswd");

  /** A URL's {@code ://}, packed in the low three bytes. */
  private static final int URL = packed("://");

  /**
   * A quick look, in one pass over the line, for what the pattern needs before it can match: a
   * URL's {@code ://}, {@code PASS} or {@code ACCT} standing as a word of its own (no letter, digit
   * or underscore on either side, so {@code password} and {@code PASV} are passed over), or {@code
   * SITE}, which {@code PSWD}, {@code CHPASS} and {@code GPASS} follow. The last four characters
   * seen, ASCII folded to lower case, are kept in one int, so each character costs a shift and a
   * few comparisons. Gives where the pattern may first match, or a negative number when it cannot:
   * the pattern is then run from there, not over the line's head (a server log's time, pid and
   * address); {@link #NO_WORD} when, moreover, the line holds none of the words {@link
   * #mayHoldSecret} looks for, so that nothing in it needs another look. A function of the line
   * alone, so another thread can look ahead of the one that learns.
   */
  public static int candidateIn(String line) {
    byte[] bytes = lookBytes(line);
    return candidateIn(bytes, bytes.length);
  }

  /**
   * The line as the look reads it, one byte a character, each the same as the character for this
   * look: a non-ASCII character becomes '?' or a byte at or above 0x80, which no word, space or
   * mark here is.
   */
  private static byte[] lookBytes(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length != line.length()) { // a surrogate pair became one '?'
      bytes = new byte[line.length()];
      for (int i = 0; i < bytes.length; i++) {
        char c = line.charAt(i);
        bytes[i] = c < 0x80 ? (byte) c : (byte) 0x80;
      }
    }
    return bytes;
  }

  /**
   * {@link #candidateIn(String)} of a line given as its first {@code length} bytes, one a
   * character: an ASCII line as read, with no string made for the look.
   */
  public static int candidateIn(byte[] line, int length) {
    return candidateIn(line, 0, length);
  }

  /**
   * {@link #candidateIn(byte[], int)} from {@code from} on: where the pattern may next match, for a
   * word that begins there or after it (the characters before still tell whether it stands alone).
   */
  private static int candidateIn(byte[] line, int from, int length) {
    int last4 = 0;
    boolean word = false; // one of the words mayHoldSecret looks for
    for (int i = from; i < length; i++) {
      byte b = line[i];
      last4 = last4 << 8 | (b >= 0 ? b | 0x20 : 0);
      if ((last4 & 0xffffff) == URL) {
        if (showsUrlPassword(line, length, i + 1)) {
          return i - 2;
        }
        word = true;
      } else if (last4 == SITE) {
        return i - 3;
      } else if (last4 == PASS || last4 == ACCT) {
        if (standsAlone(line, length, i - 3)) {
          return i - 3;
        }
        word = true;
      } else if (last4 == ADAT || last4 == PSWD) {
        word = true;
      }
    }
    return word ? NO_CANDIDATE : NO_WORD;
  }

  /** What {@link #candidateIn} gives for a line the pattern cannot match. */
  public static final int NO_CANDIDATE = -1;

  /**
   * What {@link #candidateIn} gives for a line the pattern cannot match that holds none of the
   * words {@link #mayHoldSecret} looks for either.
   */
  public static final int NO_WORD = -2;

  /**
   * The pattern's matcher over the line from {@code start}, its look-behinds and word boundaries
   * still seeing the characters before it.
   */
  static Matcher matcherFrom(String line, int start) {
    return SECRET
        .matcher(line)
        .region(start, line.length())
        .useTransparentBounds(true)
        .useAnchoringBounds(false);
  }

  /**
   * Whether the authority of a URL, from just after its {@code ://}, has a password: a user name
   * with no {@code /}, space or {@code :}, then {@code :}, a password of at least one character
   * with no {@code /} or space, then {@code @} (a password may hold {@code @}: the pattern takes it
   * up to the last one). URLs without one ({@code ftp://host/file}, in every row of a Zeek log) are
   * passed over without the pattern.
   */
  private static boolean showsUrlPassword(byte[] line, int length, int from) {
    int at = from;
    while (at < length && !endsUserName(line[at])) {
      at++;
    }
    if (at >= length || line[at] != ':') {
      return false;
    }
    int password = ++at;
    for (; at < length && line[at] != '/' && !isSpace(line[at]); at++) {
      if (line[at] == '@' && at > password) {
        return true; // a password of one character or more, @ in it or not, then @
      }
    }
    return false;
  }

  /** A user name may hold {@code @}: an e-mail address. */
  private static boolean endsUserName(byte c) {
    return c == ':' || c == '/' || isSpace(c);
  }

  /** What the pattern's {@code \s} matches. */
  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** The characters, folded to lower case, packed one a byte. */
  private static int packed(String word) {
    int packed = 0;
    for (int i = 0; i < word.length(); i++) {
      packed = packed << 8 | (word.charAt(i) | 0x20);
    }
    return packed;
  }

  /**
   * A quick look for any word a password may follow, {@code password} included, for masking text
   * that could not be read as a command.
   */
  public static boolean mayHoldSecret(String line) {
    // one pass, the last four characters folded to lower case and packed (a command line is read
    // so for every command of a log: four searches of the line cost four times this)
    int last4 = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      last4 = last4 << 8 | (c < 0x80 ? c | 0x20 : 0);
      if (last4 == PASS
          || last4 == ACCT
          || last4 == ADAT
          || last4 == PSWD
          || (last4 & 0xffffff) == URL) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the line ends in {@code PASS} or {@code ACCT} as a word of its own (no letter, digit or
   * underscore of any script on either side), and what follows it, no quote among it, within its
   * last {@code window} characters: a command carrying a secret whose rest may be split off onto
   * the next line. Asked of every line of an input: one pass, the last four characters folded to
   * lower case and packed as {@link #candidateIn} packs them.
   */
  public static boolean endsInSecretCommand(String line, int window) {
    int length = line.length();
    boolean ends = false;
    int last4 = 0;
    for (int at = Math.max(0, length - window); at < length; at++) {
      char c = line.charAt(at);
      if (c == '"' || c == '\'') {
        ends = false;
      }
      last4 = last4 << 8 | (c < 0x80 ? c | 0x20 : 0);
      if ((last4 == PASS || last4 == ACCT)
          && (at < 4 || !isWordChar(line.charAt(at - 4)))
          && (at + 1 == length || !isWordChar(line.charAt(at + 1)))) {
        ends = true;
      }
    }
    return ends;
  }

  /**
   * {@link #endsInSecretCommand(String, int)} of a line in which {@link #candidateIn} found {@code
   * candidate}, most often none: {@code PASS} or {@code ACCT} standing alone with anything after it
   * is a candidate, so a line with none can end in such a command only as its very last word, and
   * only that word is looked at, not every character of every line.
   */
  public static boolean endsInSecretCommand(String line, int candidate, int window) {
    if (candidate >= 0) {
      return endsInSecretCommand(line, window);
    }
    if (candidate == NO_WORD) {
      return false;
    }
    int at = line.length() - 4;
    if (at < 0 || window < 4) {
      return false;
    }
    int last4 = 0;
    for (int i = at; i < line.length(); i++) {
      char c = line.charAt(i);
      last4 = last4 << 8 | (c < 0x80 ? c | 0x20 : 0);
    }
    return (last4 == PASS || last4 == ACCT) && (at == 0 || !isWordChar(line.charAt(at - 1)));
  }

  /** Whether the four-letter word at {@code at} has no word character on either side. */
  private static boolean standsAlone(byte[] line, int length, int at) {
    int end = at + 4;
    return end < length
        && (at == 0 || !isAsciiWordChar(line[at - 1]))
        && !isAsciiWordChar(line[end]);
  }

  private static boolean isAsciiWordChar(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
