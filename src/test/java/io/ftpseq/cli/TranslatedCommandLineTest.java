package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.report.DisplayWidth;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's own lines are said in the run's language too: the errors of option values
 * (ports, addresses, durations, output files, numbers), what the entry point says itself (an
 * unreadable argument file, a lost standard output, memory run out), and the errors of every
 * command, {@code --lang} given before the command or after it. No English sentence of the bundle
 * is left in them.
 */
class TranslatedCommandLineTest {

  private static final String SAMPLE = "samples/dialogue/clean-session.txt";

  @TempDir Path dir;

  /** Usage errors of option values and outputs, each with what a French run must say. */
  private Map<List<String>, String> usageErrors() throws IOException {
    Path script = dir.resolve("script.txt");
    Files.writeString(script, "USER a\nQUIT\n");
    String upstream = "127.0.0.1:21";
    return Map.ofEntries(
        Map.entry(
            List.of("proxy", "--data-ports", "80-90", "--upstream", upstream),
            "une plage de ports de données s’écrit MIN-MAX avec 1024"),
        Map.entry(
            List.of("proxy", "--data-ports", "many", "--upstream", upstream),
            "par exemple 50000-50100, et non «\u00a0many\u00a0»"),
        Map.entry(
            List.of("proxy", "--listen", "127.0.0.1:99999", "--upstream", upstream),
            "pas un port\u00a0: «\u00a099999\u00a0» dans «\u00a0127.0.0.1:99999\u00a0»"),
        Map.entry(List.of("proxy", "--upstream", "[::1"), "pas de ] dans «\u00a0[::1\u00a0»"),
        Map.entry(List.of("proxy", "--upstream", ":21"), "HÔTE:PORT attendu"),
        Map.entry(
            List.of("proxy", "--max-line", "10", "--upstream", upstream),
            "'--max-line'\u00a0: un nombre entier de 512 ou plus est attendu, et non «\u00a010\u00a0»"),
        Map.entry(
            List.of("proxy", "--max-sessions", "0", "--upstream", upstream),
            "'--max-sessions'\u00a0: un nombre entier de 1 ou plus est attendu, et non «\u00a00\u00a0»"),
        Map.entry(
            List.of("proxy", "--idle-timeout", "0", "--upstream", upstream),
            "valeur non valide pour l’option '--idle-timeout'\u00a0: une durée est un nombre"),
        Map.entry(
            List.of("proxy", "--report", "json", "--report", "text", "--upstream", upstream),
            "un seul rapport peut aller sur la sortie standard"),
        Map.entry(
            List.of("check", "--report", "json", "--report", "text", SAMPLE),
            "un seul rapport peut aller sur la sortie standard\u00a0; donnez un --output"),
        Map.entry(List.of("check", "-o", "", SAMPLE), "--output est vide"),
        Map.entry(
            List.of("check", "-o", "reports/", SAMPLE),
            "reports/ se termine par une barre oblique"),
        Map.entry(
            List.of("check", "-o", dir.toString(), SAMPLE),
            "--output " + dir + " est un répertoire\u00a0; nommez un fichier"),
        Map.entry(
            List.of("check", "-o", dir.resolve("none/r.txt").toString(), SAMPLE),
            "le répertoire " + dir.resolve("none") + " n’existe pas"),
        Map.entry(
            List.of("check", "-o", SAMPLE, SAMPLE),
            "est une entrée de cette exécution\u00a0; nommez un autre fichier"),
        Map.entry(
            List.of("check", "--threads", "0", SAMPLE),
            "'--threads'\u00a0: un nombre entier de 1 à 256 est attendu, et non «\u00a00\u00a0»"),
        Map.entry(
            List.of("check", "--threads", "many", SAMPLE),
            "l’option '--threads'\u00a0: un nombre entier de 1 à 256 est attendu, et non «\u00a0many"),
        Map.entry(List.of("check", "-", "-"), "l’entrée standard (-) est nommée plus d’une fois"),
        Map.entry(
            List.of("check", "--include", "[a", SAMPLE),
            "«\u00a0[a\u00a0» n’est pas un motif glob\u00a0:"),
        Map.entry(
            List.of("check", "--log-format", "%r", "--format", "vsftpd", SAMPLE),
            "--log-format lit les ExtendedLog de ProFTPD\u00a0; il ne peut pas aller avec"),
        Map.entry(
            List.of("check", "--log-format", "%t", SAMPLE),
            "le LogFormat ne désigne aucune commande"),
        Map.entry(
            List.of("check", "--profile", dir.resolve("none.json").toString(), SAMPLE),
            "\u00a0: fichier inexistant"),
        Map.entry(
            List.of("simulate", "--profile", ",", script.toString()),
            "--profile ne nomme aucun profil"),
        Map.entry(List.of("compare", "503", "503"), "les deux sont 503"),
        Map.entry(
            List.of("compare", "503", "abc"),
            "«\u00a0abc\u00a0» n’est pas un code de réponse que ftpseq connaît"),
        Map.entry(
            List.of("profiles", "--save", "vsftpd", dir.toString()),
            "--save vsftpd " + dir + " est un répertoire"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void optionValueAndOutputErrorsAreSaidInTheRunsLanguage(String language) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<List<String>, String> error : usageErrors().entrySet()) {
      List<String> args = new ArrayList<>(error.getKey());
      args.add(1, "--lang=" + language);
      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(args + ": " + run.err()).isEqualTo(ExitCodes.USAGE);
      if (language.equals("fr")) {
        assertThat(run.err()).as(args.toString()).contains(error.getValue());
      }
      lines.addAll(run.err().lines().toList());
    }
    CliRun noCommand = CliRun.of("--lang", language);
    lines.addAll(noCommand.err().lines().toList());

    assertThat(String.join("\n", lines))
        .doesNotContain("Invalid value")
        .doesNotContain("is not an int")
        .doesNotContain("a command is required");
    assertThat(TranslatedRunsTest.leaks(lines, language, key -> false)).isEmpty();
  }

  /**
   * A password given where it does not belong is masked where a usage error quotes it back, as a
   * French or Japanese error quotes it too.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void passwordsAreMaskedWhereTranslatedUsageErrorsQuoteThem(String language) {
    for (String[] args :
        List.of(
            new String[] {"check", "--profile", "PASS hunter2", SAMPLE},
            new String[] {"check", "--include", "PASS hunter2[", SAMPLE},
            new String[] {"proxy", "--idle-timeout", "PASS hunter2", "--upstream", "127.0.0.1:21"},
            new String[] {"compare", "503", "PASS hunter2"})) {
      List<String> withLanguage = new ArrayList<>(List.of(args));
      withLanguage.add(1, "--lang=" + language);
      CliRun run = CliRun.of(withLanguage.toArray(String[]::new));

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).as(withLanguage.toString()).contains("PASS ").doesNotContain("hunter2");
    }
  }

  @Test
  void englishRunsSayWhatTheySaidBefore() {
    assertThat(CliRun.of("proxy", "--data-ports", "80-90", "--upstream", "127.0.0.1:21").err())
        .startsWith(
            "ftpseq: a data port range is MIN-MAX with 1024 <= MIN <= MAX <= 65535, not 80-90\n");
    assertThat(CliRun.of("proxy", "--upstream", ":21").err())
        .startsWith("ftpseq: expected HOST:PORT, not \":21\"\n");
    assertThat(CliRun.of("proxy", "--idle-timeout", "0", "--upstream", "127.0.0.1:21").err())
        .startsWith(
            "ftpseq: Invalid value for option '--idle-timeout': a duration is a positive number"
                + " with ms, s, m or h, for example 30s, not '0'\n");
    assertThat(CliRun.of("check", "--threads", "many", SAMPLE).err())
        .startsWith(
            "ftpseq: Invalid value for option '--threads': expected a whole number from 1 to 256,"
                + " not 'many'\n");
    assertThat(CliRun.of("check", "--report", "json", "--report", "text", SAMPLE).err())
        .startsWith(
            "ftpseq: only one report can go to standard output; give an --output for the"
                + " others\n");
    assertThat(CliRun.of().err()).startsWith("ftpseq: a command is required\n");
  }

  /**
   * {@code profiles} takes {@code --lang} as every command does, and the one given before it: its
   * unknown-profile error followed the system's language whatever the arguments said.
   */
  @Test
  void profilesHonoursTheLanguageWhereverItIsGiven() throws IOException {
    Path saved = dir.resolve("vsftpd.json");
    for (String[] args :
        List.of(
            new String[] {"profiles", "--lang", "fr", "--save", "vsftpx", "x.json"},
            new String[] {"--lang", "fr", "profiles", "--save", "vsftpx", "x.json"})) {
      CliRun run = CliRun.of(args);

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err())
          .contains("profil inconnu «\u00a0vsftpx\u00a0»")
          .contains("(vouliez-vous dire «\u00a0vsftpd\u00a0»\u00a0?)")
          .doesNotContain("unknown profile");
    }
    CliRun japanese = CliRun.of("--lang", "ja", "profiles", "--save", "vsftpx", "x.json");
    assertThat(japanese.err()).contains("不明なプロファイル「vsftpx」です");

    CliRun wrote = CliRun.of("--lang", "fr", "profiles", "--save", "vsftpd", saved.toString());
    assertThat(wrote.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(wrote.out()).isEqualTo("profil vsftpd écrit dans " + saved + "\n");
    assertThat(CliRun.of("graph", "--lang", "fr").exitCode()).isEqualTo(ExitCodes.OK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void anUnreadableArgumentFileIsSaidInTheRunsLanguage(String language) {
    CliRun run = CliRun.of("--lang", language, "check", "@" + dir);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo(
            language.equals("fr")
                ? "ftpseq: impossible de lire le fichier d’arguments '@"
                    + dir
                    + "'\u00a0: c’est un répertoire\n"
                : "ftpseq: 引数ファイル '@" + dir + "' を読めません：ディレクトリです\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void aLostStandardOutputIsSaidInTheRunsLanguage(String language) {
    StringWriter err = new StringWriter();
    OutputStream fullDisk =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };

    int code = Main.run(new String[] {"--lang", language, "rules"}, fullDisk, new PrintWriter(err));

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            language.equals("fr")
                ? "ftpseq: impossible d’écrire sur la sortie standard\u00a0: il ne reste plus de"
                    + " place sur le périphérique\n"
                : "ftpseq: 標準出力に書き込めません：デバイスに空き領域がありません\n");
  }

  /** A French run that runs out of memory says so in French, in its one line. */
  @Test
  void runningOutOfMemoryIsSaidInTheRunsLanguage() throws Exception {
    Path log = dir.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 20 << 20);
    String err = "";
    for (String heap : List.of("-Xmx24m", "-Xmx32m", "-Xmx40m")) {
      Process check =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  heap,
                  "-Dftpseq.jvm=here",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "--lang",
                  "fr",
                  "check",
                  "--explain-all",
                  "--report",
                  "json",
                  "-o",
                  dir.resolve("report.json").toString(),
                  log.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(dir.resolve("err.txt").toFile())
              .start();
      try {
        assertThat(check.waitFor(90, TimeUnit.SECONDS)).as("ended by itself, " + heap).isTrue();
      } finally {
        check.destroyForcibly();
      }
      err = Files.readString(dir.resolve("err.txt"), UTF_8);
      if (check.exitValue() == ExitCodes.OUT_OF_MEMORY) {
        break;
      }
    }

    assertThat(err.lines())
        .singleElement()
        .asString()
        .startsWith("ftpseq: mémoire épuisée\u00a0: l’exécution s’est arrêtée");
  }

  /**
   * The hint for a file whose name starts with a dash, in the run's language: the run's working
   * directory holds the file, so the test runs the command line as a process there.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void aDashedFileIsToldHowToBeGivenInTheRunsLanguage(String language) throws Exception {
    Files.copy(Path.of(SAMPLE), dir.resolve("-dashed.txt"));
    Path err = dir.resolve("err-" + language + ".txt");
    Process check =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dftpseq.jvm=here",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "check",
                "--lang",
                language,
                "-dashed.txt")
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    try {
      assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      check.destroyForcibly();
    }

    assertThat(check.exitValue()).isEqualTo(ExitCodes.USAGE);
    String said = Files.readString(err, UTF_8);
    assertThat(said)
        .contains(
            language.equals("fr")
                ? "\u00a0; '-dashed.txt' est un fichier\u00a0: mettez -- devant (ftpseq check --"
                    + " -dashed.txt) ou écrivez-le ./-dashed.txt"
                : "。'-dashed.txt' はファイルです。前に -- を置く（ftpseq check -- -dashed.txt）か、"
                    + "./-dashed.txt と書いてください")
        .doesNotContain("is a file")
        .doesNotContain("Unknown option");
    assertThat(TranslatedRunsTest.leaks(said.lines().toList(), language, key -> false)).isEmpty();
  }

  /**
   * {@code ftpseq rules} says its table in the run's language, as the reports do: the header row of
   * the Markdown table and the severity of each rule (the rule ids and RFC references are names,
   * the same in every language).
   */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void theRulesTableIsSaidInTheRunsLanguage(String language) throws IOException {
    CliRun markdown = CliRun.of("rules", "--lang", language, "--format", "markdown");
    CliRun text = CliRun.of("--lang", language, "rules");

    assertThat(markdown.exitCode()).isEqualTo(ExitCodes.OK);
    List<String> rows = markdown.out().lines().toList();
    String rnto =
        rows.stream().filter(r -> r.startsWith("| `RNTO_WITHOUT_RNFR` |")).findFirst().orElse("");
    String textRnto =
        text.out().lines().filter(r -> r.startsWith("RNTO_WITHOUT_RNFR ")).findFirst().orElse("");
    if (language.equals("fr")) {
      assertThat(rows.get(0)).isEqualTo("| Règle | Gravité | Référence | Résumé |");
      assertThat(rnto).startsWith("| `RNTO_WITHOUT_RNFR` | erreur | RFC 959 §4.1.3 | RNTO ");
      assertThat(textRnto).containsPattern("^RNTO_WITHOUT_RNFR +erreur +RFC 959 §4\\.1\\.3 +RNTO ");
      assertThat(markdown.out()).contains("| avertissement |");
    } else {
      assertThat(rows.get(0)).isEqualTo("| ルール | 重大度 | 参照 | 概要 |");
      assertThat(rnto).startsWith("| `RNTO_WITHOUT_RNFR` | エラー | RFC 959 §4.1.3 | ");
      assertThat(textRnto).containsPattern("^RNTO_WITHOUT_RNFR +エラー +RFC 959 §4\\.1\\.3 +");
      assertThat(markdown.out()).contains("| 警告 |");
    }
    for (String out : List.of(markdown.out(), text.out())) {
      assertThat(out)
          .doesNotContain("Rule")
          .doesNotContain("Severity")
          .doesNotContain(" error ")
          .doesNotContain(" warning ");
    }
    // the severity column is as wide as its widest word, so the references line up in a terminal,
    // which draws エラー six columns wide (its ー too) and 警告 four
    assertThat(
            text.out()
                .lines()
                .map(l -> DisplayWidth.of(l.substring(0, l.indexOf("RFC "))))
                .distinct())
        .hasSize(1);
  }

  @Test
  void theEnglishRulesTableIsWhatItWas() {
    List<String> markdown = CliRun.of("rules", "--format", "markdown").out().lines().toList();
    List<String> text = CliRun.of("rules").out().lines().toList();

    assertThat(markdown.get(0)).isEqualTo("| Rule | Severity | Reference | Summary |");
    assertThat(markdown.get(1)).isEqualTo("|---|---|---|---|");
    assertThat(markdown.get(2)).startsWith("| `PASS_WITHOUT_USER` | error | RFC 959 §4.1.1 | ");
    assertThat(text.get(0))
        .startsWith(
            String.format("%-32s %-8s %-30s ", "PASS_WITHOUT_USER", "error", "RFC 959 §4.1.1"));
  }

  /** Profile files that are not profiles, each with what a French run says of it. */
  private Map<String, String> brokenProfiles() {
    return Map.ofEntries(
        Map.entry("[]", ":1\u00a0: un profil est un objet JSON"),
        Map.entry(
            "{\n \"name\": \"x\",\n \"bogus\": 1\n}",
            ":3\u00a0: champ inconnu «\u00a0bogus\u00a0»"),
        Map.entry("{\n \"name\": \"x\",\n", ":3:1\u00a0: pas du JSON\u00a0: "),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\",\n \"reactions\": []}",
            ":2\u00a0: «\u00a0reactions\u00a0» doit être un objet"),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {\n"
                + " \"FOO\": {\"code\": 200}}}",
            ":2\u00a0: situation inconnue «\u00a0FOO\u00a0» dans la clé «\u00a0FOO\u00a0»"),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {\n"
                + " \"BEFORE_LOGIN:noop\": {\"code\": 200}}}",
            ":2\u00a0: «\u00a0noop\u00a0» dans la clé «\u00a0BEFORE_LOGIN:noop\u00a0» n’est pas un verbe"),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {\n"
                + " \"BEFORE_LOGIN\": {\"code\": 1000}}}",
            ":2\u00a0: réaction BEFORE_LOGIN\u00a0: un code de réponse vaut 0 ou de 100 à 599, et non 1000"),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {\n"
                + " \"BEFORE_LOGIN\": 530}}",
            ":2\u00a0: la réaction BEFORE_LOGIN doit être de la forme"),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {},\n"
                + " \"tilde\": []}",
            ":2\u00a0: «\u00a0tilde\u00a0» vaut l’un de literal,"),
        Map.entry(
            "{\"name\": \"x\",\n \"title\": 3, \"description\": \"d\", \"reactions\": {}}",
            ":2\u00a0: «\u00a0title\u00a0» doit être une chaîne"),
        Map.entry(
            "{\"title\": \"t\", \"description\": \"d\", \"reactions\": {},\n \"name\": \"Not A Name\"}",
            ":2\u00a0: un nom de profil s’écrit en lettres minuscules"),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {},\n"
                + " \"greeting\": \"(\"}",
            ":2\u00a0: le motif greeting n’est pas une expression régulière\u00a0: "),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {},\n"
                + " \"known\": {\"pasv-twice/4\": 4}}",
            ":2\u00a0: l’entrée known pasv-twice/4 doit donner une raison sous forme de texte"),
        Map.entry(
            "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {},\n"
                + " \"known\": {\"not a step\": \"why\"}}",
            ":2\u00a0: un désaccord connu s’écrit"));
  }

  /**
   * A profile file that is not a profile is one line that names the file and the line, in the run's
   * language: what the profile reader says of its fields, keys and values.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void profileFileErrorsAreOneLineNamingTheLineInTheRunsLanguage(String language)
      throws IOException {
    List<String> lines = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> broken : brokenProfiles().entrySet()) {
      Path file = dir.resolve("profile-" + i++ + ".json");
      Files.writeString(file, broken.getKey());
      CliRun run = CliRun.of("check", "--lang", language, "--profile", file.toString(), SAMPLE);

      assertThat(run.exitCode()).as(broken.getKey()).isEqualTo(ExitCodes.USAGE);
      List<String> err = run.err().lines().toList();
      assertThat(err).as(run.err()).hasSize(2);
      assertThat(err.get(0))
          .matches("ftpseq: \\S+ " + java.util.regex.Pattern.quote(file.toString()) + ":\\d+.*");
      if (language.equals("fr")) {
        assertThat(err.get(0)).as(broken.getKey()).contains(file + broken.getValue());
      }
      assertThat(err.get(0))
          .doesNotContain("unknown")
          .doesNotContain("must be")
          .doesNotContain("not JSON")
          .doesNotContain("is one of")
          .doesNotContain("a profile");
      lines.add(err.get(0));
    }
    Path latin1 = dir.resolve("latin1.json");
    Files.write(
        latin1, "{\"name\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    CliRun notUtf8 = CliRun.of("check", "--lang", language, "--profile", latin1.toString(), SAMPLE);
    assertThat(notUtf8.err())
        .startsWith(
            language.equals("fr")
                ? "ftpseq: profil " + latin1 + "\u00a0: pas du texte UTF-8\n"
                : "ftpseq: プロファイル " + latin1 + "：UTF-8 のテキストではありません\n");
    lines.add(notUtf8.err());
    assertThat(TranslatedRunsTest.leaks(lines, language, key -> false)).isEmpty();
  }

  @Test
  void englishProfileFileErrorsSayWhatTheySaidBefore() throws IOException {
    Path file = dir.resolve("bogus.json");
    Files.writeString(file, "{\n \"name\": \"x\",\n \"bogus\": 1\n}");
    Path reactions = dir.resolve("reactions.json");
    Files.writeString(
        reactions,
        "{\"name\": \"x\", \"title\": \"t\", \"description\": \"d\", \"reactions\": {\n"
            + " \"BEFORE_LOGIN\": 530}}");

    assertThat(CliRun.of("check", "--profile", file.toString(), SAMPLE).err())
        .startsWith(
            "ftpseq: profile "
                + file
                + ":3: unknown field 'bogus'; fields: [name, title, description, greeting, syst,"
                + " tilde, reactions, known]\n");
    assertThat(CliRun.of("check", "--profile", reactions.toString(), SAMPLE).err())
        .startsWith(
            "ftpseq: profile "
                + reactions
                + ":2: reaction BEFORE_LOGIN must be {\"code\": <number>, \"text\": \"...\"},"
                + " with an optional \"final\": {\"code\": <number>, \"text\": \"...\"}"
                + " after a 1yz\n");
  }
}
