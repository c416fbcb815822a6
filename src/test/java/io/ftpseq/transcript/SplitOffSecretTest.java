package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Secrets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitOffSecretTest {

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "C: PASS                                     | true",
        "C: pass                                     | true",
        "PASS hun                                    | true",
        "C: ACCT 12                                  | true",
        "`... Client \"1.2.3.4\", \"PASS`            | true",
        "`\"PASS secret\"`                           | false",
        "`PASS 'x'`                                  | false",
        "C: PASV                                     | false",
        "331 Password required                       | false",
        "bypass                                      | false",
        "xPASS                                       | false",
        "PASSx                                       | false",
        "RETR file                                   | false",
      })
  void aLineEndsInACommandCarryingASecretWhenPassOrAcctStandsAloneWithNoQuoteAfter(
      String line, boolean ends) {
    assertThat(SplitOffSecret.endsInSecret(line)).isEqualTo(ends);
    assertThat(Secrets.endsInSecretCommand(line, Secrets.candidateIn(line), 300)).isEqualTo(ends);
  }

  @Test
  void theLookGivenWhatTheFirstLookFoundAnswersAsTheWholeLook() {
    // lines made of the pieces both looks turn on: the words, their neighbours of every kind
    String[] pieces = {
      "PASS", "pass", "AcCt", "SITE", "PSWD", "://", "u:p@", " ", "\t", "\"", "'", "x", "_", "1",
      "é", "漢", "😀", "-", "PASV", "bypass", ":", "=",
    };
    Random random = new Random(15);
    int ends = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int n = random.nextInt(8); n >= 0; n--) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = line.toString();
      boolean whole = Secrets.endsInSecretCommand(text, 12);
      ends += whole ? 1 : 0;
      assertThat(Secrets.endsInSecretCommand(text, Secrets.candidateIn(text), 12))
          .as(text)
          .isEqualTo(whole);
    }
    assertThat(ends).isGreaterThan(1_000); // the lines do end in such commands, in every way
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PASS ", "C: PASS x", "acct 1"})
  void onlyTheLastCharactersAreLookedAt(String command) {
    assertThat(SplitOffSecret.endsInSecret(command + "y".repeat(300))).isFalse();
    assertThat(SplitOffSecret.endsInSecret("x".repeat(300) + " " + command)).isTrue();
  }

  /**
   * A record the reader leaves out after a line cut after {@code "PASS} (vsftpd's {@code OK LOGIN})
   * begins a line of its own: it ends the command and is not learnt, so its time stamp is not
   * masked wherever it stands.
   */
  @Test
  void aRecordLeftOutAfterTheCommandEndsItAndIsNotLearnt() {
    SplitOffSecret split = new SplitOffSecret();
    Secrets secrets = new Secrets();
    split.line(4, "2026-11-23T06:40:23+00:00 h vsftpd[1]: FTP command: Client \"::1\", \"PASS");

    assertThat(split.leftOutGoesOn(5, "2026-11-23T06:40:23+00:00 h vsftpd[1]: OK LOGIN", secrets))
        .isFalse();
    assertThat(split.goesOn(6, "rest9word\"", secrets)).isFalse();
    assertThat(secrets.isEmpty()).isTrue();
  }

  /** A blank line or a comment left out after the command is no record: the rest may follow. */
  @Test
  void aBlankLineOrACommentLeftOutAfterTheCommandGoesOnWithIt() {
    SplitOffSecret split = new SplitOffSecret();
    Secrets secrets = new Secrets();
    split.line(4, "C: PASS");

    assertThat(split.leftOutGoesOn(5, "", secrets)).isTrue();
    assertThat(split.leftOutGoesOn(6, "# more", secrets)).isTrue();
    assertThat(split.goesOn(7, "rest9word", secrets)).isTrue();
    assertThat(secrets.mask("530 no rest9word")).isEqualTo("530 no ****");
  }

  /**
   * A log read as the wrong format, none of whose lines its reader reads, goes on with a PASS only
   * as far as a password may: its later lines are shown as they are, not masked to its end.
   */
  @Test
  void whatGoesOnHoldsNoMoreThanAPasswordMay() {
    SplitOffSecret split = new SplitOffSecret();
    Secrets secrets = new Secrets();
    split.line(4, "C: PASS");
    String line = "x".repeat(100);

    assertThat(split.goesOn(5, line, secrets)).isTrue();
    assertThat(split.goesOn(6, line, secrets)).isTrue();
    assertThat(split.goesOn(7, line, secrets)).isFalse();
    assertThat(split.goesOn(8, "short", secrets)).isFalse();
    split.line(9, "C: PASS");
    assertThat(split.goesOn(10, "x".repeat(Secrets.LONGEST_READING), secrets)).isTrue();
  }
}
