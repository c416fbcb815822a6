package io.ftpseq.cli;

import io.ftpseq.usage.Language;
import picocli.CommandLine;

/**
 * The help in the run's language. Picocli reads a command's descriptions, its options' and its
 * section headings from a resource bundle when it has one; the {@code Help} bundles hold the French
 * and Japanese, keyed as picocli looks them up (the option's name without dashes, {@code lang},
 * qualified by the command where commands differ: {@code ftpseq.check.format}). English needs no
 * bundle: it is what the annotations say. The language is read from the arguments before picocli
 * parses them ({@link LanguageOption#fromArguments}), so that {@code ftpseq --lang fr check --help}
 * is French wherever {@code --lang} stands.
 */
final class HelpLanguage {

  /** The base name of the help bundles; there is no English one. */
  static final String BUNDLE = "io.ftpseq.cli.Help";

  private HelpLanguage() {}

  /** Sets the help of every command of {@code cli} in the language; English changes nothing. */
  static void apply(CommandLine cli, Language language) {
    language.applyHelp(cli, BUNDLE);
  }
}
