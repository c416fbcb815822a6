package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.explain.Explainer;
import io.ftpseq.session.Problem;
import io.ftpseq.usage.Language;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
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
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spark-check} speaks the run's language as {@code ftpseq} does: its help, and the problems
 * of its inputs as its problems table and every report say them. Its usage errors are pinned
 * against the command line's in {@link SparkCheckExitCodeTest}.
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

  /**
   * A password given where it does not belong is masked where a usage error quotes it back, in
   * every language, as the command line masks it: spark-check showed it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void passwordsAreMaskedWhereUsageErrorsQuoteThem(String language) {
    for (String option : List.of("--fail-on", "--profile")) {
      Run run = Run.of("--lang", language, option, "PASS hunter2", "-o", "out", "samples");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(SparkCheck.EXIT_USAGE);
      assertThat(run.err()).as(option).contains("PASS ****").doesNotContain("hunter2");
    }
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

  /** An input that names nothing is a problem that each language says in its own words. */
  @Test
  void anInputThatNamesNothingIsSaidInTheRunsLanguage() {
    InputListing listing = InputListing.of(List.of("no/such/input"), null, new Configuration());

    assertThat(listing.problems()).hasSize(1);
    Problem problem = listing.problems().get(0);
    assertThat(said(problem, "fr")).isEqualTo("fichier ou répertoire inexistant");
    assertThat(said(problem, "ja")).isEqualTo("そのようなファイルやディレクトリはありません");
    assertThat(said(problem, "en")).isEqualTo("no such file or directory");
  }

  /**
   * A file of a rotation group that cannot be opened, or that breaks off, is a problem said in the
   * run's language, numbers grouped as the language groups them.
   */
  @Test
  void aRotatedFileThatCannotBeReadIsSaidInTheRunsLanguage() throws IOException {
    byte[] content = "USER a\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
    List<InputFile> files =
        List.of(
            new InputFile("mem:gone", "gone", 0), new InputFile("mem:cut", "cut", content.length));
    GroupStream stream =
        new GroupStream(
            files,
            file -> {
              if (file.name().equals("gone")) {
                throw new FileNotFoundException("mem:gone");
              }
              return breakingOff(content);
            });
    stream.readAllBytes();

    assertThat(stream.problems()).hasSize(2);
    assertThat(said(stream.problems().get(0), "fr"))
        .isEqualTo("illisible\u00a0: fichier ou répertoire inexistant");
    assertThat(said(stream.problems().get(1), "fr"))
        .isEqualTo(
            "le fichier s’interrompt après "
                + explainer("fr").number(1400)
                + " octets (le fichier se termine avant la fin de ses données)\u00a0; ses 200"
                + " lignes d’avant la coupure ont été vérifiées, et le fichier suivant prend la"
                + " suite");
    assertThat(said(stream.problems().get(1), "ja")).startsWith("ファイルが 1,400 バイトで途切れています");
    assertThat(said(stream.problems().get(1), "en"))
        .isEqualTo(
            "the file breaks off after 1,400 bytes (the file ends before its data does); its 200"
                + " lines before the break were checked, and the next file follows");
  }

  /** The problems table says each problem in the job's language. */
  @Test
  void theProblemsTableSaysProblemsInTheJobsLanguage() {
    InputListing listing = InputListing.of(List.of("no/such/input"), null, new Configuration());
    Problem problem = listing.problems().get(0);
    LineMap lines = new LineMap(List.of("no/such/input"), new long[] {0});

    assertThat(
            SessionRows.inputProblem("no/such/input", lines, problem, explainer("fr"))
                .<String>getAs(7))
        .isEqualTo("fichier ou répertoire inexistant");
  }

  /** A stream that gives the bytes, then fails as a truncated .gz does. */
  private static InputStream breakingOff(byte[] content) {
    return new InputStream() {
      private final InputStream in = new ByteArrayInputStream(content);

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
          throw new EOFException("Unexpected end of ZLIB input stream");
        }
        return n;
      }
    };
  }

  private static String said(Problem problem, String language) {
    return explainer(language).problem(problem);
  }

  private static Explainer explainer(String language) {
    return Language.valueOf(language).explainer();
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
