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
    Language chosen = language != null ? language : fromSystem();
    return Explainer.forLocale(
        chosen == Language.en ? Locale.ROOT : Locale.forLanguageTag(chosen.name()));
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
