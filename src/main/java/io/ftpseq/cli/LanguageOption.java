package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --lang} option shared by every command that prints explanations. */
final class LanguageOption {

  /** The languages ftpseq speaks. */
  enum Language {
    en,
    fr,
    ja
  }

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description =
          "Language of explanations: ${COMPLETION-CANDIDATES} (default: the system locale's"
              + " language if it is one of these, else en).")
  Language language;

  /** The explainer for the chosen language. */
  Explainer explainer() {
    return explainer(language != null ? language : fromSystem());
  }

  /** The explainer for a language. */
  static Explainer explainer(Language language) {
    return Explainer.forLocale(
        language == Language.en ? Locale.ROOT : Locale.forLanguageTag(language.name()));
  }

  private static Language fromSystem() {
    String system = Locale.getDefault().getLanguage();
    for (Language l : Language.values()) {
      if (l.name().equals(system)) {
        return l;
      }
    }
    return Language.en;
  }
}
