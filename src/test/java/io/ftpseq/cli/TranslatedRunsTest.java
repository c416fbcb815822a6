package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run in French or Japanese says everything of its own in that language, standard error included:
 * why an input was left out or could not be read, what the readers could not read, the notes about
 * the record. The English sentences ftpseq knows (every message of the English bundle) appear in
 * none of the runs a user makes with {@code --lang fr} or {@code --lang ja}.
 */
class TranslatedRunsTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  /** A word of at least two letters: patterns of fewer than three say too little to look for. */
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

  @TempDir Path dir;

  @Test
  void leftOutAndUnreadableInputsAreSaidInFrench() throws IOException {
    CliRun run = CliRun.of("check", "--lang", "fr", "--report", "text", inputs().toString());

    String all = run.out() + run.err();
    assertThat(all)
        .contains("un lien symbolique vers un répertoire, non suivi")
        .contains("un lien symbolique vers rien")
        .contains("entrée vide\u00a0: aucun dialogue FTP à vérifier")
        .contains("ce n’est un enregistrement FTP dans aucun format connu")
        .contains("la ligne n’a pas de marque de sens C:/S: (ou >/<)")
        .contains("le code de réponse n’est pas un nombre de trois chiffres")
        .doesNotContain("symbolic link")
        .doesNotContain("empty input")
        .doesNotContain("line has no C:/S:")
        .doesNotContain("not three digits");
  }

  @Test
  void leftOutAndUnreadableInputsAreSaidInJapanese() throws IOException {
    CliRun run = CliRun.of("check", "--lang", "ja", "--report", "text", inputs().toString());

    String all = run.out() + run.err();
    assertThat(all)
        .contains("ディレクトリへのシンボリックリンク")
        .contains("入力が空です")
        .contains("方向を示す C:/S:")
        .doesNotContain("symbolic link")
        .doesNotContain("empty input")
        .doesNotContain("line has no C:/S:");
  }

  @Test
  void englishRunsSayWhatTheySaidBefore() throws IOException {
    CliRun run = CliRun.of("check", "--report", "text", inputs().toString());

    String all = run.out() + run.err();
    assertThat(all)
        .contains("left out " + dir.resolve("in/linked") + ": a symbolic link to a directory")
        .contains("empty input: no FTP dialogue to check")
        .contains("line has no C:/S: (or >/<) direction marker: \"this line has no direction")
        .contains("reply code is not three digits from 100 to 699: \"22 Truncated reply\"");
  }

  /**
   * The class-level guard: no English sentence of the bundle (a message pattern with three words or
   * more whose translation differs) is in the output of check (text, Markdown, HTML), simulate or
   * explain in French or Japanese, on standard output or error.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void noEnglishSentenceOfTheBundleInTranslatedRuns(String language) throws IOException {
    Path script = dir.resolve("script.txt");
    Files.writeString(script, "USER a\nPASS b\nRNTO x\nRETR f\nQUIT\nnot a command\n");
    List<String> said = new ArrayList<>();
    for (String report : List.of("text", "markdown", "html")) {
      CliRun run = CliRun.of("check", "--lang", language, "--report", report, "samples/");
      said.add(run.out() + run.err());
    }
    CliRun inputs = CliRun.of("check", "--lang", language, "--report", "text", inputs().toString());
    said.add(inputs.out() + inputs.err());
    for (String format : List.of("text", "markdown")) {
      CliRun run =
          CliRun.of(
              "simulate",
              "--lang",
              language,
              "--format",
              format,
              "--profile",
              "vsftpd,proftpd",
              script.toString());
      said.add(run.out() + run.err());
    }
    CliRun explain = CliRun.of("explain", "--lang", language, "503", "RNTO", "RNTO_WITHOUT_RNFR");
    said.add(explain.out() + explain.err());

    List<String> lines = new ArrayList<>();
    for (String output : said) {
      // the HTML report's lines of the input (class "ln") are the input's words, not ftpseq's
      lines.addAll(unescaped(output).lines().filter(l -> !l.contains("class=\"ln\"")).toList());
    }
    Properties english = bundle("");
    Properties translated = bundle("_" + language);
    List<String> leaks = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      String pattern = english.getProperty(key);
      if (key.startsWith("reply.") || pattern.equals(translated.getProperty(key))) {
        continue; // reply texts are also what servers send, in English
      }
      List<String> parts = literalParts(pattern);
      if (parts.isEmpty()) {
        continue;
      }
      lines.stream()
          .filter(line -> inOrder(line, parts))
          .findFirst()
          .ifPresent(line -> leaks.add(key + ": " + line));
    }
    assertThat(leaks).isEmpty();
  }

  /**
   * A directory with inputs of every kind a run says something of its own about: a link to a
   * directory and one to nothing (left out, unreadable), an empty file, a file in no format, and
   * lines the dialogue reader cannot read.
   */
  private Path inputs() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    if (Files.exists(in.resolve("empty.log"))) {
      return in;
    }
    Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(in.resolve("linked"), dir.resolve("elsewhere"));
    Files.createSymbolicLink(in.resolve("nothing"), dir.resolve("gone"));
    Files.writeString(in.resolve("empty.log"), "");
    Files.writeString(in.resolve("notes.log"), "shopping list\nmilk\neggs\n");
    Files.copy(Path.of("samples/dialogue/malformed-lines.txt"), in.resolve("malformed.txt"));
    return in;
  }

  /**
   * The text between the pattern's placeholders, in order; none when its words are too few to tell
   * it from other text.
   */
  private static List<String> literalParts(String pattern) {
    String literal = pattern.replace("''", "'");
    Matcher words = WORD.matcher(PLACEHOLDER.matcher(literal).replaceAll(" "));
    int count = 0;
    while (words.find()) {
      count++;
    }
    if (count < 3) {
      return List.of();
    }
    return Arrays.stream(PLACEHOLDER.split(literal)).filter(p -> !p.isBlank()).toList();
  }

  /** Whether the line holds the parts one after the other. */
  private static boolean inOrder(String line, List<String> parts) {
    int from = 0;
    for (String part : parts) {
      int at = line.indexOf(part, from);
      if (at < 0) {
        return false;
      }
      from = at + part.length();
    }
    return true;
  }

  private static String unescaped(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static Properties bundle(String suffix) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        TranslatedRunsTest.class.getResourceAsStream(
            "/io/ftpseq/explain/Messages" + suffix + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
