package io.ftpseq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.PieceLines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PASS hunter2|hunter2",
        "PASS\thunter2|hunter2",
        "PASS:hunter2|hunter2",
        "*cmd* 'PASS hunter2'|hunter2",
        "{\"command\":\"PASS\",\"command_data\":\"hunter2\"}|hunter2",
        "C: ACCT sales-42|sales-42",
        "SITE PSWD old-1 new-2|new-2",
        "SITE PSWD old-1 new-2|old-1",
        "SITE GPASS grp-3|grp-3",
        "site gpass grp-3|grp-3",
        "FTP command: Client \"::1\", \"SITE GPASS grp-3\"|grp-3",
        "SITE PSWD \"old 1\" \"new 2\"|old 1",
        "SITE PSWD \"old 1\" \"new 2\"|new 2",
        "RETR ftp://bob:url-pw@host/f|url-pw",
        "PASS h unt3r|h unt3r",
        "FTP command: Client \"::1\", \"PASS h unt3r\"|h unt3r",
        "{\"command\":\"PASS\",\"command_data\":\"h unt3r\"}|h unt3r",
        "{\"command\":\"PASS\",\"arg\":\"h unt3r\"}|h unt3r",
        "{\"command\":\"PASS\", \"arg\": \"a\\\"b-c\"}|a\\\"b-c",
        "*cmd* 'PASS h unt3r'|h unt3r",
        "PASS:\"h unt3r\" (quoted)|h unt3r",
        "PASS h unt3r\t230\tok|h unt3r",
        "C: PASS h\tunt3r|h\tunt3r",
        "RETR ftp://alice@example.com:url-pw@host/f|url-pw",
        // a password may hold @ itself: the host comes after the last one
        "RETR ftp://erin:p@ssW0rdAt@10.0.0.2/g.txt|p@ssW0rdAt"
      })
  void secretOfACommandLineIsMaskedWhereItIsEchoed(String line, String secret) {
    Secrets secrets = new Secrets();
    secrets.learn(line);

    assertThat(secrets.mask("530 Login incorrect for " + secret + "."))
        .isEqualTo("530 Login incorrect for ****.");
  }

  @Test
  void readingsToTheLinesEndAreBoundedSoALineOfManyPassCommandsIsLearntInLinearTime() {
    // each PASS's readings once ran to the line's end: a 112 KB line took 6 s, a 1 MB one minutes
    Secrets secrets = new Secrets();
    secrets.learn("PASS 1 ".repeat(20_000));

    assertThat(secrets.kept())
        .isNotEmpty()
        .allSatisfy(secret -> assertThat(secret).hasSizeLessThanOrEqualTo(Secrets.LONGEST_READING));
  }

  /**
   * A JSON log may write a command's argument before the command: the member after {@code
   * "command":"PASS"} is then the next key, which was learnt as the password (and masked in the
   * text of every reply that used the word) and masked in a quoted line.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"command_data\":\"pw-9\",\"command\":\"PASS\",\"completion_code\":[\"530\"]}"
            + "|completion_code",
        "{\"arg\":\"pw-9\",\"command\": \"PASS\" , \"reply_code\":530}|reply_code",
        "{\"command\":\"ACCT\",\"reply\":\"x\",\"arg\":\"pw-9\"}|reply"
      })
  void theKeyAfterACommandWordOfAJsonLogIsNoSecret(String line, String key) {
    Secrets secrets = new Secrets();
    secrets.learn(line);

    assertThat(secrets.kept()).doesNotContain(key);
    assertThat(Command.maskPasswords(line)).contains("\"" + key + "\"");
  }

  @Test
  void wordsOfARepliesAreNoSecrets() {
    Secrets secrets = new Secrets();
    secrets.learn("202 Command ACCT not implemented, superfluous at this site.");
    secrets.learn("331 Password required for alice");

    assertThat(secrets.isEmpty()).isTrue();
  }

  @Test
  void secretIsMaskedOnlyAsAWholeWord() {
    Secrets secrets = new Secrets();
    secrets.learn("PASS abcd");

    assertThat(secrets.mask("abcd abcde xabcd (abcd)")).isEqualTo("**** abcde xabcd (****)");
  }

  @Test
  void secretShorterThanFourCharactersIsMaskedOnlyAsAPassword() {
    Secrets secrets = new Secrets();
    secrets.learn("PASS a");
    secrets.learnCommand("password qz7");

    assertThat(secrets.mask("230 a user is in, qz7 (a)")).isEqualTo("230 a user is in, qz7 (a)");
    assertThat(secrets.mask("500 'PASS a': not understood; password:qz7"))
        .isEqualTo("500 'PASS ****': not understood; password:****");
    assertThat(secrets.mask("RETR ftp://bob:a@host/a PASS ab"))
        .isEqualTo("RETR ftp://bob:****@host/a PASS ab");
    assertThat(secrets.maskWord("QZ7")).isEqualTo("****");
  }

  /**
   * A short secret is masked wherever a line shows it as a password, in every form a password is
   * learnt from: a JSON log's argument of PASS, both passwords of SITE PSWD, quoted or not. Only as
   * a word elsewhere is it left alone.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"command\":\"PASS\",\"command_data\":\"q\"}|{\"command\":\"PASS\",\"command_data\":\"****\"}",
        "{\"command\":\"PASS\", \"arg\": \"q\"}|{\"command\":\"PASS\", \"arg\": \"****\"}",
        "SITE PSWD ab q|SITE PSWD **** ****",
        "SITE PSWD \"ab\" \"q\"|SITE PSWD \"****\" \"****\"",
        "site gpass q|site gpass ****"
      })
  void secretShorterThanFourCharactersIsMaskedWhereverALineShowsItAsAPassword(
      String line, String masked) {
    Secrets secrets = new Secrets();
    secrets.learn(line);

    assertThat(secrets.mask(line)).isEqualTo(masked);
    assertThat(secrets.mask("230 q ab in")).isEqualTo("230 q ab in");
  }

  @Test
  void masksAreNotLearnt() {
    Secrets secrets = new Secrets();
    secrets.learn("PASS ****");
    secrets.learn("PASS XXXX");
    secrets.learn("PASS (hidden)");

    assertThat(secrets.isEmpty()).isTrue();
  }

  @Test
  void onlyTheMostRecentSecretsAreKept() {
    Secrets secrets = new Secrets();
    for (int i = 0; i < Secrets.KEPT + 10; i++) {
      secrets.learn("PASS pw-" + i);
    }

    assertThat(secrets.mask("pw-0")).isEqualTo("pw-0");
    assertThat(secrets.mask("pw-" + (Secrets.KEPT + 9))).isEqualTo(Command.MASK);
  }

  /** Pieces of lines: the words the looks turn on, their neighbours of every kind. */
  private static final String[] PIECES = {
    "ftp://",
    "bob",
    "bob:pw@",
    "al@ex.com",
    ":pw@",
    "host/",
    "\u000b",
    "\f",
    "PASS",
    "pass",
    "Pass",
    "ACCT",
    "acct",
    "SITE",
    "site",
    "PSWD",
    "CHPASS",
    "://",
    ":",
    "/",
    "@",
    " ",
    "\t",
    "\"",
    "'",
    ",",
    "=",
    "x",
    "password",
    "PASV",
    "_",
    "9",
    "\u00e9",
    "\u017f",
    "\ud83d\ude00", // a surrogate pair, one character to the ISO-8859-1 encoder
    "command_data",
    "}",
    "]",
    "\u001a//",
    "ADAT",
  };

  @Test
  void quickLookNeverPassesOverALineThePatternFindsASecretIn() {
    String[] pieces = PIECES;
    int withSecret = 0;
    for (String text : (Iterable<String>) PieceLines.of(pieces, 20261129, 200_000, 8)::iterator) {
      if (Secrets.SECRET.matcher(text).find()) {
        withSecret++;
        assertThat(Secrets.candidateIn(text)).as(text).isNotNegative();
        assertThat(matches(Secrets.matcherFrom(text, Secrets.candidateIn(text))))
            .as(text)
            .isEqualTo(matches(Secrets.SECRET.matcher(text)));
      }
    }
    assertThat(withSecret).isGreaterThan(10_000);
  }

  /**
   * Trying the pattern only where the look lets it start finds every match find() finds, with the
   * groups the match has, not those a failed try at an earlier character left in a look-ahead's
   * group (find() learnt {@code " }//@PASV://x:pw@"} from {@code Pass\t }//@PASV://x:pw@} so).
   */
  @Test
  void matchesTriedWhereTheLookLetsThemStartAreThoseFindFinds() {
    int withSecret = 0;
    for (String text : (Iterable<String>) PieceLines.of(PIECES, 20261201, 200_000, 12)::iterator) {
      int candidate = Secrets.candidateIn(text);
      List<String> found = new ArrayList<>();
      if (candidate >= 0) {
        Secrets.eachMatch(text, candidate, m -> found.addAll(groups(m)));
      }
      List<String> all = new ArrayList<>();
      java.util.regex.Matcher every = Secrets.SECRET.matcher(text);
      while (every.find()) {
        // the groups as a try from the match's start gives them: find() leaves in a look-ahead's
        // group what a failed try at an earlier character captured there
        java.util.regex.Matcher from =
            Secrets.SECRET.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        assertThat(from.region(every.start(), text.length()).lookingAt()).isTrue();
        assertThat(from.end()).isEqualTo(every.end());
        all.addAll(groups(from));
      }
      withSecret += all.isEmpty() ? 0 : 1;
      assertThat(found).as(text).isEqualTo(all);
    }
    assertThat(withSecret).isGreaterThan(10_000);
  }

  @Test
  void quickLookSaysWhetherALineHoldsAWordASecretMayFollow() {
    int without = 0;
    for (String text : (Iterable<String>) PieceLines.of(PIECES, 20261130, 200_000, 6)::iterator) {
      int candidate = Secrets.candidateIn(text);
      if (candidate == Secrets.NO_WORD) {
        without++;
        assertThat(Secrets.mayHoldSecret(text)).as(text).isFalse();
      } else if (candidate == Secrets.NO_CANDIDATE) {
        assertThat(Secrets.mayHoldSecret(text)).as(text).isTrue();
      }
    }
    assertThat(without).isGreaterThan(10_000);
  }

  /**
   * The readings of an unquoted argument beyond its first word, computed from where it starts, are
   * those the pattern's look-aheads took, in the same order: the pattern with them put back is the
   * reference, tried at each match find() finds (a try from its start, so that no group holds what
   * a failed try at an earlier character left). Its look-aheads' groups could still hold what a
   * failed branch of the same try took, and were learnt as secrets: text that was none.
   */
  @Test
  void readingsBeyondTheFirstWordAreThoseThePatternsLookAheadsTook() {
    String lookAheads =
        "(?=([^\\r\\n]{0,255}[^\\s\"']))(?=([^\\t\\r\\n]{0,255}[^\\s\"']))"
            + "(?=([^\\t\\r\\n\"']{0,255}[^\\s\"']))";
    String word = "([^\\s\"',}\\]]+))"; // the first word, after the quoted argument's two forms
    String afterQuoted = "(?=')|" + word;
    assertThat(Secrets.SECRET.pattern()).containsOnlyOnce(afterQuoted);
    Pattern withLookAheads =
        Pattern.compile(
            Secrets.SECRET.pattern().replace(afterQuoted, "(?=')|" + lookAheads + word),
            Secrets.SECRET.flags());
    String[] pieces = {
      "PASS",
      "pass",
      "ACCT",
      " ",
      "  ",
      "\t",
      "\r",
      "\n",
      "\u000b",
      "\f",
      "\"",
      "'",
      ",",
      "}",
      "]",
      ":",
      "=",
      "x",
      "y z",
      "x".repeat(100),
      "\"command_data\":",
      "\",\"arg\":\"",
      "SITE PSWD ",
      "ftp://u:",
      "@h",
      "\u00e9",
      "\\",
    };
    int withSecret = 0;
    for (String text : (Iterable<String>) PieceLines.of(pieces, 20261203, 200_000, 12)::iterator) {
      List<String> expected = new ArrayList<>();
      Matcher every = withLookAheads.matcher(text);
      while (every.find()) {
        Matcher from = withLookAheads.matcher(text).useTransparentBounds(true);
        assertThat(from.region(every.start(), text.length()).lookingAt()).isTrue();
        for (int group = 1; group <= from.groupCount(); group++) {
          // a look-ahead's group keeps what it took in a try that failed after it (the third
          // reading finding a quote first, the match then a quoted argument with fewer marks):
          // such a reading was no reading of the match, which has no first word
          boolean stale = group < 6 && group > 2 && from.group(6) == null;
          if (from.group(group) != null && !stale) {
            expected.add(from.group(group));
          }
        }
      }
      List<String> secrets = new ArrayList<>();
      int candidate = Secrets.candidateIn(text);
      if (candidate >= 0) {
        Secrets.eachSecret(text, candidate, secrets::add);
      }
      assertThat(secrets).as(text).isEqualTo(expected);
      withSecret += expected.isEmpty() ? 0 : 1;
    }
    assertThat(withSecret).isGreaterThan(40_000);
  }

  /**
   * The pattern tries the most marks first: with four, two of its readings took the rest of the
   * line before the third met a quote; it then matched with two, a quoted comma, but the two
   * readings stayed in their groups and were learnt as secrets, text that was none.
   */
  @Test
  void readingsOfATryThatFailedAreNoSecrets() {
    Secrets secrets = new Secrets();
    secrets.learn("PASS \",\"\"x");

    assertThat(secrets.kept()).containsExactly(",");
  }

  /**
   * A secret that begins or ends with a character that is no letter, digit or underscore is masked
   * even where a word touches it at that end: the character that glued a password to its command
   * comes with it, right after PASS.
   */
  @Test
  void aSecretIsMaskedWhereAWordTouchesItAtAnEndThatIsNoWord() {
    Secrets secrets = new Secrets();
    secrets.learnSecret("\u00a0Nbsp9secret");
    secrets.learnSecret("Esc9secret!");

    assertThat(secrets.mask("PASS\u00a0Nbsp9secret")).isEqualTo("PASS" + Command.MASK);
    assertThat(secrets.mask("x Esc9secret!y")).isEqualTo("x " + Command.MASK + "y");
    assertThat(secrets.mask("xEsc9secret! y")).isEqualTo("xEsc9secret! y");
  }

  /** Every match's groups, in order. */
  private static List<String> matches(java.util.regex.Matcher m) {
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.addAll(groups(m));
    }
    return found;
  }

  /** The groups of the match a matcher stands at, each with where it starts. */
  private static List<String> groups(java.util.regex.Matcher m) {
    List<String> groups = new ArrayList<>();
    for (int group = 0; group <= m.groupCount(); group++) {
      groups.add(m.start(group) + ":" + m.group(group));
    }
    return groups;
  }

  /**
   * A line read before the PASS that shows its password could not be masked then: the secrets not
   * kept yet when a session opened are the ones to mask it with once the session ends. One kept all
   * along masked every line read since, and needs no second pass: the password every session of a
   * log sends is learnt again in each, and was not one of them.
   */
  @Test
  void theSecretsLearntSinceATimeAreThoseNotKeptThen() {
    Secrets secrets = new Secrets();
    secrets.learn("PASS early-1");
    long opened = secrets.learnt();
    secrets.learn("PASS late-2");
    secrets.learn("PASS early-1");

    assertThat(secrets.learntSince(opened).mask("USER late-2 early-1"))
        .isEqualTo("USER **** early-1");
    assertThat(secrets.learntSince(secrets.learnt()).isEmpty()).isTrue();
  }

  @Test
  void aSecretLetGoAndLearntAgainIsLearntSinceThen() {
    Secrets secrets = new Secrets();
    secrets.learn("PASS early-1");
    long opened = secrets.learnt();
    for (int i = 0; i < Secrets.KEPT; i++) {
      secrets.learnSecret("other-" + i);
    }
    secrets.learn("PASS early-1");

    assertThat(secrets.learntSince(opened).mask("early-1 other-0")).isEqualTo("**** other-0");
  }

  @Test
  void aWordIsMaskedWholeWhenItIsASecretInAnyCase() {
    Secrets secrets = new Secrets();
    secrets.learn("PASS wonderland");

    assertThat(secrets.maskWord("WONDERLAND")).isEqualTo(Command.MASK);
    assertThat(secrets.maskWord("WONDERLANDS")).isEqualTo("WONDERLANDS");
    assertThat(secrets.mask("WONDERLAND")).isEqualTo("WONDERLAND");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PASS x | true",
        "pass | true",
        "C: AcCt 12 | true",
        "adat Zm9v | true",
        "SITE PSWD old new | true",
        "SITE GPASS grp | true",
        "get ftp://u:p@h/f | true",
        "password hunter2 | true",
        "RETR file | false",
        "PAS S | false",
        "LIST /a:/b | false",
        "PASV | false",
      })
  void quickLookForWordsASecretMayFollow(String line, boolean may) {
    assertThat(Secrets.mayHoldSecret(line)).isEqualTo(may);
  }
}
