package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.usage.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * {@code spark-check} speaks the run's language as {@code ftpseq} does: its help says it. Its usage
 * errors are pinned against the command line's in {@link SparkCheckExitCodeTest}.
 */
class SparkCheckLanguageTest {

  private record Run(int exitCode, String out, String err) {
    static Run of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = SparkCheck.run(args, new PrintWriter(out), new PrintWriter(err));
      return new Run(code, out.toString(), err.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void theHelpIsInTheRunsLanguageWhereverLangStands(String language) {
    Run before = Run.of("--lang", language, "--help");
    Run after = Run.of("--help", "--lang=" + language);

    assertThat(before.exitCode()).isZero();
    assertThat(after.out()).isEqualTo(before.out());
    assertThat(before.out())
        .contains(
            language.equals("fr")
                ? "Vérifie des transcriptions, journaux et captures FTP sur Apache Spark"
                : "ftpseq check と同じように")
        .doesNotContain("Checks FTP transcripts")
        .doesNotContain("Exit codes")
        .doesNotContain("Paths, directories or globs");
  }

  /** Every description of the help reads differently with the language's bundle than in English. */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void everyDescriptionOfTheHelpIsTranslated(String language) {
    List<String> english = descriptions(new CommandLine(new SparkCheck()));
    CommandLine translated = new CommandLine(new SparkCheck());
    Language.valueOf(language).applyHelp(translated, SparkCheck.HELP);
    List<String> said = descriptions(translated);

    assertThat(said).hasSameSizeAs(english);
    List<String> untranslated = new ArrayList<>();
    for (int i = 0; i < english.size(); i++) {
      if (english.get(i).equals(said.get(i))) {
        untranslated.add(english.get(i));
      }
    }
    assertThat(untranslated).isEmpty();
  }

  @Test
  void theHelpBundlesHaveTheSameKeysAndFrenchSpacing() throws IOException {
    Properties french = help("fr");
    assertThat(new TreeSet<>(help("ja").stringPropertyNames()))
        .isEqualTo(new TreeSet<>(french.stringPropertyNames()));
    for (String key : french.stringPropertyNames()) {
      assertThat(french.getProperty(key))
          .as(key)
          .doesNotContain(" :", " ;", " ?", " !", " »", "« ");
    }
  }

  private static List<String> descriptions(CommandLine command) {
    List<String> all = new ArrayList<>();
    CommandSpec spec = command.getCommandSpec();
    all.add(String.join("\n", spec.usageMessage().description()));
    for (ArgSpec arg : spec.args()) {
      if (!arg.hidden() && arg.description().length > 0) {
        all.add(String.join("\n", arg.description()));
      }
    }
    all.add(String.join("\n", spec.usageMessage().exitCodeList().values()));
    all.add(spec.usageMessage().exitCodeListHeading());
    return all;
  }

  private static Properties help(String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        SparkCheckLanguageTest.class.getResourceAsStream(
            "/" + SparkCheck.HELP.replace('.', '/') + "_" + language + ".properties")) {
      assertThat(in).as(language).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
