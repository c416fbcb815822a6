package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --lang} option, declared once: {@code ftpseq} itself takes it ({@code ftpseq --lang fr
 * check}), and so does every command that says something in a language, which takes the value given
 * before it when it has none of its own.
 */
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

  /** The command this option belongs to, for the {@code --lang} given before it. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * The explainer for the chosen language: this command's {@code --lang}, else the one given before
   * the command ({@code ftpseq --lang fr check}), else the system's.
   */
  Explainer explainer() {
    return explainer(language != null ? language : inherited());
  }

  private Language inherited() {
    for (CommandSpec c = command == null ? null : command.parent(); c != null; c = c.parent()) {
      if (c.userObject() instanceof Main main && main.language.language != null) {
        return main.language.language;
      }
    }
    return fromSystem();
  }

  /** The explainer for a language. */
  static Explainer explainer(Language language) {
    return Explainer.forLocale(
        language == Language.en ? Locale.ROOT : Locale.forLanguageTag(language.name()));
  }

  /**
   * The language the arguments ask for with {@code --lang LANG} or {@code --lang=LANG}, wherever it
   * stands, else the system's: a usage error is said before the arguments are read into options.
   */
  static Language fromArguments(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value =
          args[i].startsWith("--lang=")
              ? args[i].substring("--lang=".length())
              : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
      if (args[i].equals("--")) {
        break;
      }
      for (Language l : Language.values()) {
        if (l.name().equalsIgnoreCase(value)) {
          return l;
        }
      }
    }
    return fromSystem();
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
