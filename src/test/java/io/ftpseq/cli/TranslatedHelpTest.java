package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.usage.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} speaks the run's language: every description of every command, option and
 * parameter has its French and Japanese in the {@code Help} bundles, wherever {@code --lang} stands
 * on the command line.
 */
class TranslatedHelpTest {

  @Test
  void checkHelpIsFrenchWhereverLangStands() {
    for (String[] args :
        List.of(
            new String[] {"--lang", "fr", "check", "--help"},
            new String[] {"check", "--help", "--lang=fr"},
            new String[] {"--lang", "fr", "help", "check"})) {
      CliRun run = CliRun.of(args);

      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.OK);
      // the help wraps its lines: read as one line (a no-break space is no \s)
      assertThat(run.out().replaceAll("\\s+", " "))
          .as(String.join(" ", args))
          .startsWith("Usage\u00a0: ftpseq check")
          .contains("Rejoue des sessions FTP enregistrées")
          .contains("Les transcriptions à vérifier.")
          .contains("Langue des explications\u00a0: en, fr, ja")
          .contains("Format de rapport\u00a0: text, json, junit")
          .contains("(par défaut\u00a0: error)")
          .contains("Affiche ce message d’aide et quitte.")
          .doesNotContain("Transcripts to check")
          .doesNotContain("Language of explanations")
          .doesNotContain("Show this help message");
    }
  }

  @Test
  void checkHelpIsJapanese() {
    CliRun run = CliRun.of("check", "--lang", "ja", "--help");

    assertThat(run.out().replaceAll("\\s+", " "))
        .startsWith("使い方：ftpseq check")
        .contains("検査するトランスクリプト。")
        .contains("説明の言語：en, fr, ja")
        .contains("（既定：error）")
        .doesNotContain("Transcripts to check")
        .doesNotContain("(default:");
  }

  @Test
  void englishHelpIsTheAnnotationsWords() {
    CliRun run = CliRun.of("check", "--help", "--lang", "en");

    assertThat(run.out())
        .startsWith("Usage: ftpseq check")
        .contains("Transcripts to check.")
        .contains("Language of explanations: en, fr, ja (default: the");
  }

  /**
   * Each description the help shows (every command's, and every option's and parameter's of every
   * command, the help and completion commands included) reads differently with the language's
   * bundle than in English: none is left to picocli's English fallback.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void everyDescriptionOfEveryCommandIsTranslated(String language) {
    Language chosen = Language.valueOf(language);
    List<String> english = descriptions(commandLine(null));
    List<String> translated = descriptions(commandLine(chosen));

    assertThat(translated).hasSameSizeAs(english);
    List<String> untranslated = new ArrayList<>();
    for (int i = 0; i < english.size(); i++) {
      if (english.get(i).equals(translated.get(i))) {
        untranslated.add(english.get(i));
      }
    }
    assertThat(untranslated).isEmpty();
  }

  @Test
  void theHelpBundlesHaveTheSameKeys() throws IOException {
    assertThat(new TreeSet<>(help("ja").stringPropertyNames()))
        .isEqualTo(new TreeSet<>(help("fr").stringPropertyNames()));
  }

  @Test
  void frenchHelpHasNoBreakSpacesBeforeItsColons() throws IOException {
    Properties french = help("fr");
    for (String key : french.stringPropertyNames()) {
      assertThat(french.getProperty(key))
          .as(key)
          .doesNotContain(" :", " ;", " ?", " !", " »", "« ");
    }
  }

  /** The command line of every command, as the entry point makes it, in the language or English. */
  private static CommandLine commandLine(Language language) {
    String[] args =
        language == null ? new String[] {"--lang", "en"} : new String[] {"--lang", language.name()};
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    return Main.commandLine(args, nowhere, nowhere, null);
  }

  /** Every description the help of every command shows, command by command, in order. */
  private static List<String> descriptions(CommandLine command) {
    List<String> all = new ArrayList<>();
    CommandSpec spec = command.getCommandSpec();
    all.add(String.join("\n", spec.usageMessage().description()));
    for (ArgSpec arg : spec.args()) {
      if (!arg.hidden() && arg.description().length > 0) {
        all.add(spec.qualifiedName() + " " + String.join("\n", arg.description()));
      }
    }
    if (!spec.usageMessage().exitCodeList().isEmpty()) {
      all.add(String.join("\n", spec.usageMessage().exitCodeList().values()));
    }
    command.getSubcommands().values().stream()
        .distinct()
        .forEach(sub -> all.addAll(descriptions(sub)));
    return all;
  }

  private static Properties help(String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        TranslatedHelpTest.class.getResourceAsStream(
            "/" + HelpLanguage.BUNDLE.replace('.', '/') + "_" + language + ".properties")) {
      assertThat(in).as(language).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
