package io.ftpseq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandTest {

  @Test
  void passwordIsMaskedWhenTheCommandIsBuilt() {
    Command pass = Command.parse("PASS hunter2");
    assertThat(pass.argument()).isEqualTo(Command.MASK);
    assertThat(pass.text()).isEqualTo("PASS ****").doesNotContain("hunter2");
    assertThat(new Command(Verb.PASS, "PASS", "secret").toString()).doesNotContain("secret");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PASS\thunter2|PASS ****",
        "PASS:hunter2|PASS ****",
        "ACCT sales|ACCT ****",
        "ADAT aGVsbG8=|ADAT ****",
        "SITE PSWD old new|SITE PSWD ****",
        "site chpass old new|SITE chpass ****",
        "SITE GPASS grp-pw|SITE GPASS ****",
        "SITE PSWD \"old pw\" \"new pw\"|SITE PSWD ****",
        "RETR ftp://bob:hunter2@host/f|RETR ftp://bob:****@host/f",
        "SITE CHMOD 644 f|SITE CHMOD 644 f"
      })
  void secretsAreMaskedWhenTheCommandIsBuilt(String line, String text) {
    assertThat(Command.parse(line).text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad line: PASS hunter2|bad line: PASS ****",
        "my password is hunter2|my password is ****",
        "the password for bob was hunter2|the password for bob was ****",
        // whose password it is, not the password: a 331 reply's text in a line no reader read
        "331 User name okay, need password for alice.|331 User name okay, need password for alice.",
        "need password for|need password for",
        "password hunter2 for bob|password **** for bob",
        "the password is 'Sq1x'|the password is '****'",
        "the password is \"Sq2x\"|the password is \"****\"",
        "password is: Co7x|password is: ****",
        "the password was Wa5x|the password was ****",
        "passwords are Pw9x|passwords are ****",
        "the passwords were Wr8x|the passwords were ****",
        "password was changed to Ch4x|password was changed to ****",
        "bob's password changed to Ch5x|bob's password changed to ****",
        "password set to: St6x|password set to: ****",
        "the password for bob is reset to Rs7x|the password for bob is reset to ****",
        "password=hunter2|password=****",
        "see ftp://bob:hunter2@host/x|see ftp://bob:****@host/x",
        "PWD /home|PWD /home",
        "bad line: PASS h unt3r|bad line: PASS ****",
        "~~ PASS:\"h unt3r\" oops|~~ PASS:\"****\" oops",
        "marker: \"PASS h unt3r\"|marker: \"PASS ****\"",
        "zeek: PASS\th unt3r\t230|zeek: PASS\t****",
        "PASS a\tb|PASS ****",
        "get ftp://alice@example.com:pw@host/x|get ftp://alice@example.com:****@host/x",
        "get ftp://erin:p@ssW0rdAt@10.0.0.2/g|get ftp://erin:****@10.0.0.2/g",
        "bad line: PASS \u00e9\u00e9\u00e9\u00e9t\u00e9|bad line: PASS ****",
        "bad line: PASS \u65e5\u65e5\u65e5\u65e5|bad line: PASS ****",
        "C: PASS:\u00c5ngstr\u00f6m|C: PASS:****",
        "bad line: ACCT \u0661\u0662\u0663\u0664|bad line: ACCT ****",
        "my password is \u00e9\u00e9\u00e9x|my password is ****",
        "password=\u00e9\u00e9\u00e9x|password=****",
        // Zeek's JSON: the value of "arg" after PASS, not the key
        "{\"command\":\"PASS\",\"arg\":\"h unt3r\"}|{\"command\":\"PASS\",\"arg\":\"****\"}"
      })
  void passwordsInQuotedTextAreMasked(String text, String masked) {
    assertThat(Command.maskPasswords(text)).isEqualTo(masked);
    assertThat(Command.maskPasswords(masked)).as("masked again").isEqualTo(masked);
  }

  /**
   * A word no server knows is no command to go by: the line is masked as text that could not be
   * read. A known verb's argument is masked by what the verb takes, and a file name is no password.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "password hunter2|PASSWORD ****",
        "C pass hunter2|C pass ****",
        "XYZZY password=hunter2 more|XYZZY password=**** more",
        "password=hunter2|PASSWORD=****",
        "RETR password.txt|RETR password.txt",
        "CWD /pass/word|CWD /pass/word",
        "SITE HELP password is|SITE HELP password is",
        "XYZZY plugh|XYZZY plugh"
      })
  void anUnknownWordIsMaskedAsFreeTextAndAKnownVerbByWhatItTakes(String line, String text) {
    Command command = Command.parse(line);
    assertThat(command.text()).isEqualTo(text);
    assertThat(new Command(command.verb(), command.word(), command.argument()))
        .as("masked again")
        .isEqualTo(command);
  }

  @Test
  void verbIsCaseInsensitiveAndUpperCased() {
    Command rnfr = Command.parse("rnfr old name.txt");
    assertThat(rnfr.verb()).isEqualTo(Verb.RNFR);
    assertThat(rnfr.word()).isEqualTo("RNFR");
    assertThat(rnfr.argument()).isEqualTo("old name.txt");
  }

  @Test
  void unknownVerbIsKeptAsRawText() {
    Command other = Command.parse("XYZZY plugh");
    assertThat(other.verb()).isEqualTo(Verb.OTHER);
    assertThat(other.text()).isEqualTo("XYZZY plugh");
  }

  @Test
  void epsvAllIsRecognised() {
    assertThat(Command.parse("EPSV ALL").isEpsvAll()).isTrue();
    assertThat(Command.parse("EPSV").isEpsvAll()).isFalse();
  }

  @Test
  void blankLineIsRejectedWithAPreciseMessage() {
    assertThatThrownBy(() -> Command.parse("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a command line cannot be blank");
  }

  @Test
  void replySetsFollowRfc959() {
    assertThat(Verb.RNTO.allowsReply(503)).isTrue();
    assertThat(Verb.RETR.allowsReply(503)).isFalse();
    assertThat(Verb.PWD.allowsReply(530)).isFalse();
    assertThat(Verb.NOOP.allowsReply(502)).isTrue();
    assertThat(Verb.CLNT.allowsReply(299)).isTrue();
  }

  /** RFC 1123 §4.1.3.4 and RFC 3659 §5: the transfer after REST may be refused for its offset. */
  @Test
  void aTransferARestCanRestartMayGet554Or555() {
    for (Verb verb : new Verb[] {Verb.RETR, Verb.STOR, Verb.APPE}) {
      assertThat(verb.allowsReply(554)).as(verb.name()).isTrue();
      assertThat(verb.allowsReply(555)).as(verb.name()).isTrue();
    }
    assertThat(Verb.REST.allowsReply(554)).isFalse();
    assertThat(Verb.LIST.allowsReply(554)).isFalse();
  }

  @Test
  void everyVerbIsFoundInAnyCaseAndInPlace() {
    for (Verb verb : Verb.values()) {
      if (verb == Verb.OTHER) {
        continue;
      }
      String name = verb.name();
      assertThat(Verb.of(name)).isEqualTo(verb);
      assertThat(Verb.of(name.toLowerCase(java.util.Locale.ROOT))).isEqualTo(verb);
      assertThat(Verb.of("  " + name + " x", 2, 2 + name.length())).isEqualTo(verb);
      Command command = Command.parse(" " + name.toLowerCase(java.util.Locale.ROOT) + "  arg ");
      assertThat(command.verb()).isEqualTo(verb);
      assertThat(command.word()).isEqualTo(name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // upper-casing makes these verbs, as it did when the word was looked up upper-cased
        "paß|PASS",
        "ſtor|STOR",
        "lıst|LIST",
        "PAS|OTHER",
        "PASSS|OTHER",
        "XSHA256|XSHA256",
        "xsha1|XSHA1",
        "XSHA2|OTHER",
        "RE-T|OTHER",
        "RETRIEVE|OTHER",
        "RETRIEVER|OTHER",
        "é|OTHER"
      })
  void aWordIsTheVerbItsUpperCaseNames(String word, Verb verb) {
    assertThat(Verb.of(word)).isEqualTo(verb);
    assertThat(Verb.of(word)).isEqualTo(verbByUpperCasing(word));
  }

  private static Verb verbByUpperCasing(String word) {
    String upper = word.toUpperCase(java.util.Locale.ROOT);
    return java.util.Arrays.stream(Verb.values())
        .filter(verb -> verb != Verb.OTHER && verb.name().equals(upper))
        .findFirst()
        .orElse(Verb.OTHER);
  }

  @Test
  void anUnknownWordIsKeptUpperCasedAndAGluedPasswordStillMasked() {
    assertThat(Command.parse("xyzzy plugh")).isEqualTo(new Command(Verb.OTHER, "XYZZY", "plugh"));
    assertThat(Command.parse("pass:hunter2")).isEqualTo(new Command(Verb.PASS, "PASS", "****"));
    assertThat(Command.parse("\tNOOP\t").text()).isEqualTo("NOOP");
  }
}
