package io.ftpseq.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A phrase says the same words as {@code MessageFormat} says its pattern, in each language, however
 * many times and from however many threads it is said: its patterns and number formats are made
 * once and shared.
 */
class PhraseTest {

  private static final String BUNDLE = "io.ftpseq.explain.Messages";

  @Test
  void numbersAreGroupedAsEachLanguageGroupsThem() {
    Phrase phrase = Phrase.of("problem.lineTooLong", 2_000_000L, 1_048_576, "\"PASS ****\"");
    for (Locale locale : List.of(Locale.ROOT, Locale.FRENCH, Locale.JAPANESE)) {
      ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
      String pattern = bundle.getString("problem.lineTooLong");
      assertThat(phrase.in(bundle, locale))
          .as(locale.toString())
          .isEqualTo(
              new MessageFormat(pattern, locale)
                  .format(new Object[] {2_000_000L, 1_048_576, "\"PASS ****\""}));
    }
    assertThat(phrase.english())
        .isEqualTo(
            "line of 2,000,000 bytes is longer than any FTP line (at most 1,048,576): \"PASS"
                + " ****\"");
  }

  @Test
  void aPhraseInAPhraseIsSaidInTheSameLanguage() {
    Phrase inner = Phrase.of("note.detail.closedEarly", 10_000);
    Phrase outer = Phrase.of("problem.readingStopped", inner);
    ResourceBundle french = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);
    assertThat(outer.in(french, Locale.FRENCH)).contains(inner.in(french, Locale.FRENCH));
    assertThat(inner.in(french, Locale.FRENCH))
        .isEqualTo("plus de 10\u202f000 sessions étaient ouvertes en même temps");
  }

  @Test
  void manyThreadsSayingPhrasesAtOnceGetTheWordsOneThreadGets() throws Exception {
    ResourceBundle japanese = ResourceBundle.getBundle(BUNDLE, Locale.JAPANESE);
    List<Phrase> phrases =
        IntStream.range(0, 2_000)
            .mapToObj(i -> Phrase.of("problem.breaksOff", 1_000L * i, "reason " + i, i * 7))
            .toList();
    List<String> alone = phrases.stream().map(p -> p.in(japanese, Locale.JAPANESE)).toList();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> together =
          IntStream.range(0, 8)
              .mapToObj(
                  t ->
                      threads.submit(
                          () ->
                              phrases.stream().map(p -> p.in(japanese, Locale.JAPANESE)).toList()))
              .toList();
      for (Future<List<String>> said : together) {
        assertThat(said.get()).isEqualTo(alone);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
