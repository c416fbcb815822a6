package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

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
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PASS ", "C: PASS x", "acct 1"})
  void onlyTheLastCharactersAreLookedAt(String command) {
    assertThat(SplitOffSecret.endsInSecret(command + "y".repeat(300))).isFalse();
    assertThat(SplitOffSecret.endsInSecret("x".repeat(300) + " " + command)).isTrue();
  }
}
