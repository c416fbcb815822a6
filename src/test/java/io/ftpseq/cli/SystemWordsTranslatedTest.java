package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the JDK says in English about a file or a glob reaches a French or Japanese run in its
 * language, naming the file or the option: a symbolic link loop was "Too many levels of symbolic
 * links or unable to access attributes of symbolic link", a bad glob "Missing ']".
 */
class SystemWordsTranslatedTest {

  /** Words of the JDK's and the system's that a translated run showed. */
  private static final List<String> ENGLISH =
      List.of(
          "Too many levels",
          "symbolic link",
          "Not a directory",
          "File name too long",
          "Missing",
          "Cannot nest",
          "Explicit",
          "Invalid range",
          "No character",
          "Unclosed");

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void fileSystemRefusalsAreSaidInTheRunsLanguage(String language) throws Exception {
    Path dir = Files.createDirectory(temp.resolve("logs"));
    Files.copy(Path.of("samples/dialogue/bad-order.txt"), dir.resolve("bad-order.txt"));
    Path loop = Files.createSymbolicLink(dir.resolve("self"), Path.of("self"));
    Path underAFile = dir.resolve("bad-order.txt").resolve("x.log");
    Path tooLong = dir.resolve("n".repeat(300));

    CliRun run =
        CliRun.of(
            "check",
            "--lang",
            language,
            dir.toString(),
            loop.toString(),
            underAFile.toString(),
            tooLong.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
    String said = run.out() + run.err();
    assertThat(said).doesNotContain(ENGLISH);
    String loopWords = language.equals("fr") ? "une boucle de liens symboliques" : "ループしています";
    assertThat(run.err().lines().filter(l -> l.contains(loop.toString())))
        .hasSize(1)
        .allMatch(l -> l.contains(loopWords));
    assertThat(run.out().lines().filter(l -> l.contains(loop.toString())))
        .hasSize(1)
        .allMatch(l -> l.contains(loopWords));
    assertThat(run.out()).contains(underAFile.toString()).contains(tooLong.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fr|[",
        "fr|**/{",
        "fr|{a,{b}}",
        "fr|[a/b]",
        "fr|[z-a]",
        "fr|\\",
        "fr|[]",
        "ja|[",
        "ja|{a,{b}}",
        "ja|[z-a]",
        "ja|[]"
      })
  void aBadGlobIsSaidInTheRunsLanguage(String language, String glob) {
    CliRun run =
        CliRun.of("check", "--lang", language, "--include", glob, "samples/dialogue/bad-order.txt");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(2);
    assertThat(run.err()).contains(glob).doesNotContain(ENGLISH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "{a,{b}}", "[z-a]", "[]"})
  void aBadGlobIsSaidInEnglishWithoutTheJdksWords(String glob) {
    CliRun run = CliRun.of("check", "--include", glob, "samples/dialogue/bad-order.txt");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith("ftpseq: '" + glob + "' is not a glob: ")
        .doesNotContain(ENGLISH);
  }
}
