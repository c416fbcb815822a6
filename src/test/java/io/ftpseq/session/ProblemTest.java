package io.ftpseq.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.ftpseq.protocol.Secrets;
import org.junit.jupiter.api.Test;

/** A problem's message: ftpseq's words around the input it quotes, masked in the quotes only. */
class ProblemTest {

  private static final Source AT = new Source("log", 7);

  private static Secrets learnt(String... passwords) {
    Secrets secrets = new Secrets();
    for (String password : passwords) {
      secrets.learnSecret(password);
    }
    return secrets;
  }

  @Test
  void ownWordsAndNumbersAreNeverMasked() {
    Secrets secrets = learnt("2", "66");
    Problem problem = new Problem(AT, Phrase.of("problem.capture.packetCut", 37, 2, 66));

    assertThat(problem.masked(secrets::mask).message())
        .isEqualTo("the capture is truncated: packet 37 has 2 of its 66 bytes");
  }

  @Test
  void ownWordsAreNotReadAsAPasswordInFreeText() {
    assertThat(new Problem(AT, Phrase.of("problem.zeek.record", "password")).message())
        .isEqualTo("a record, not a single value, in the field password");
  }

  @Test
  void learntSecretsAreMaskedInTheQuotedInput() {
    // a secret of four characters or more is masked wherever the quoted input shows it, and only
    // there; a shorter one only where it is sent (SecretsTest)
    Secrets secrets = learnt("2222");
    Problem problem =
        new Problem(
            AT,
            Phrase.of("problem.unreadableLine", "2222", "2222", Problem.quote("USER 2222 x2222")));

    assertThat(problem.masked(secrets::mask).message())
        .isEqualTo("cannot read this 2222 line: 2222: \"USER **** x2222\"");
  }

  @Test
  void quotingMasksThePasswordsTheInputShows() {
    assertThat(Problem.quote("bad: PASS hunter2")).isEqualTo("\"bad: PASS ****\"");
    assertThat(Problem.quote("my password is hunter2")).isEqualTo("\"my password is ****\"");
  }

  @Test
  void theServersTextIsQuotedWithOnlyTheLearntSecretsMasked() {
    String quoted = Problem.quoteReply("331 Password required for s3cret: password is x");
    assertThat(quoted).isEqualTo("\"331 Password required for s3cret: password is x\"");

    Problem problem = new Problem(AT, Phrase.of("problem.script.notCommand", quoted));
    assertThat(problem.masked(learnt("s3cret")::mask).message())
        .isEqualTo("not a command: \"331 Password required for ****: password is x\"");
  }

  @Test
  void aQuoteInTheInputIsWrittenTwiceSoTheQuoteEndsWhereItShould() {
    String quoted = Problem.quote("say \"hi\" to s3cret");
    assertThat(quoted).isEqualTo("\"say \"\"hi\"\" to s3cret\"");

    Problem problem = new Problem(AT, Phrase.of("problem.strayLine", "1", quoted));
    assertThat(problem.masked(learnt("s3cret", "1")::mask).message())
        .isEqualTo("not a line of the 1: \"say \"\"hi\"\" to ****\"");
  }

  @Test
  void aSecretAfterAQuoteInTheInputIsStillInsideTheQuote() {
    // a single quote ending the quoted text early would leave the password outside it
    Problem problem =
        new Problem(AT, Phrase.of("problem.strayLine", "ok", Problem.quote("~~ \" s3cret ~~")));

    assertThat(problem.masked(learnt("s3cret")::mask).message())
        .isEqualTo("not a line of the ok: \"~~ \"\" **** ~~\"");
  }

  @Test
  void severalQuotesAreEachMaskedAndACutQuoteToo() {
    String longLine = "s3cret ".repeat(40);
    Problem problem =
        new Problem(
            AT,
            Phrase.of(
                "problem.unreadableLine", "1", Problem.quote("a s3cret"), Problem.quote(longLine)));

    assertThat(problem.masked(learnt("s3cret", "1")::mask).message())
        .startsWith("cannot read this 1 line: \"a ****\": \"**** ****")
        .endsWith("...\" (280 characters)")
        .doesNotContain("s3cret");
  }

  @Test
  void aProblemWithoutAPhraseIsRefused() {
    // a problem in English only would be English in a French or Japanese report
    assertThatNullPointerException()
        .isThrownBy(() -> new Problem(AT, "not a command: \"x\"", null))
        .withMessage("phrase");
  }

  @Test
  void aMaskThatChangesNothingGivesTheSameProblem() {
    Problem problem =
        new Problem(AT, Phrase.of("problem.script.notCommand", Problem.quote("nothing secret")));
    assertThat(problem.masked(learnt("s3cret")::mask)).isSameAs(problem);
  }
}
