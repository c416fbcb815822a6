package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.explain.CommandCatalog;
import io.ftpseq.explain.ReplyCatalog;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * French and Japanese pages carry no English beyond protocol words (verbs, codes, RFC numbers, rule
 * ids and server names): no common English word appears in any of them.
 */
class TranslationLeakTest {

  private static final List<String> ENGLISH_WORDS =
      List.of(
          " the ",
          " and ",
          " server ",
          " command ",
          " with ",
          " when ",
          " you ",
          " not ",
          " for ",
          " is ",
          " to ",
          " of ",
          " this ",
          " reply ",
          " send ",
          " after ",
          " before ",
          " must ",
          " transfer ",
          " connection ",
          " login ",
          " file ",
          " see ");

  /** A product name, which stays as it is in every language. */
  private static final String PRODUCT = "filezilla server";

  private static List<String[]> pages() {
    List<String[]> pages = new ArrayList<>();
    for (int code : ReplyCatalog.standard().codes()) {
      pages.add(new String[] {"explain", Integer.toString(code)});
    }
    for (Verb verb : CommandCatalog.verbs()) {
      pages.add(new String[] {"explain", verb.name()});
    }
    for (Rule rule : Rule.values()) {
      pages.add(new String[] {"explain", rule.name()});
    }
    pages.add(new String[] {"compare", "220", "503"});
    pages.add(new String[] {"compare", "211", "503"});
    pages.add(new String[] {"compare", "221", "421"});
    pages.add(new String[] {"compare", "150", "350"});
    pages.add(new String[] {"compare", "500", "631"});
    return pages;
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void noEnglishWordsInTranslatedPages(String language) {
    List<String> leaks = new ArrayList<>();
    for (String[] page : pages()) {
      String[] args = new String[page.length + 2];
      System.arraycopy(page, 0, args, 0, page.length);
      args[page.length] = "--lang";
      args[page.length + 1] = language;
      String out =
          " "
              + CliRun.of(args)
                  .out()
                  .toLowerCase(Locale.ROOT)
                  .replaceAll("\\s+", " ")
                  .replace(PRODUCT, "filezilla");
      for (String word : ENGLISH_WORDS) {
        if (out.contains(word)) {
          leaks.add(String.join(" ", page) + ": '" + word.strip() + "'");
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
