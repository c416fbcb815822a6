package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.usage.Language;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --lang} option, declared once: {@code ftpseq} itself takes it ({@code ftpseq --lang fr
 * check}), and so does every command that says something in a language, which takes the value given
 * before it when it has none of its own.
 */
final class LanguageOption {

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
    return Language.fromSystem();
  }

  /** The explainer for a language. */
  static Explainer explainer(Language language) {
    return language.explainer();
  }

  /**
   * The language the arguments ask for with {@code --lang LANG} or {@code --lang=LANG}, wherever it
   * stands, else the system's: a usage error is said before the arguments are read into options.
   */
  static Language fromArguments(String[] args) {
    return Language.fromArguments(args);
  }
}
