package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.session.FileNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file whose name is not UTF-8 (a Latin-1 {@code lat<E9>.txt}, made with a shell's {@code
 * printf}, as an old system's archive unpacks) is named in every report by its bytes: {@code
 * lat\xe9.txt} where people read it, as C writes a byte and bash's {@code $'...'} reads it, {@code
 * lat%E9.txt} in a SARIF URI, and in JSON the lone surrogate U+DCE9 that Python's {@code
 * surrogateescape} gives the byte back from. Never U+FFFD, which names no file and makes {@code
 * lat<E9>.txt} and {@code lat<FF>.txt} one name.
 */
class NonUtf8FileNamesTest {

  private static final String BAD_ORDER =
      "S: 220 hi\nC: PASS secret\nS: 503 Login with USER first.\n";

  @TempDir Path temp;

  private Path dir;

  @BeforeEach
  void latin1Names() throws Exception {
    dir = temp.resolve("logs");
    Files.createDirectory(dir);
    Files.writeString(dir.resolve("body"), BAD_ORDER);
    // lat<E9>.txt, a hard link to it named lat<FF>.txt (one file: left out, naming both)
    Process shell =
        new ProcessBuilder(
                "sh",
                "-c",
                "mv body \"$(printf 'lat\\351.txt')\" && ln \"$(printf 'lat\\351.txt')\""
                    + " \"$(printf 'lat\\377.txt')\"")
            .directory(dir.toFile())
            .inheritIO()
            .start();
    assumeTrue(shell.waitFor(10, TimeUnit.SECONDS) && shell.exitValue() == 0, "no sh here");
    try (var names = Files.list(dir)) {
      assumeTrue(names.count() == 2, "this file system keeps no such names");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "markdown", "junit", "github", "html", "sarif", "json"})
  void everyReportNamesTheFileByItsBytes(String format) throws Exception {
    CliRun run = CliRun.of("check", "--report", format, dir.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out() + run.err()).doesNotContain("\ufffd");
    String shown = dir + "/lat\\xe9.txt";
    assertThat(run.err())
        .as("the hard link left out, on standard error")
        .contains(dir + "/lat\\xff.txt")
        .contains(shown);
    switch (format) {
      case "text" -> assertThat(run.out()).startsWith(shown + ":2: error PASS_WITHOUT_USER");
      case "sarif" -> {
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertThat(
                sarif
                    .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                    .asText())
            .endsWith("logs/lat%E9.txt");
      }
      case "json" -> {
        JsonNode json = new ObjectMapper().readTree(run.out());
        String source = json.at("/sessions/0/source").asText();
        assertThat(source).isEqualTo(dir + "/lat\udce9.txt");
        assertThat(FileNames.bytes(source)).endsWith('l', 'a', 't', 0xe9, '.', 't', 'x', 't');
        assertThat(run.out()).contains("lat\\udce9.txt").contains("lat\\udcff.txt");
      }
      case "github" -> assertThat(run.out()).contains("file=" + shown + ",line=2,");
      default -> assertThat(run.out()).contains("lat\\xe9.txt");
    }
  }

  /**
   * A name given on the command line reaches the JVM with such a byte already U+FFFD, so it names
   * no file: check and simulate say so, and what to name instead, rather than only that there is no
   * such file.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void aNameGivenAsAnArgumentThatLostItsBytesSaysWhy(String lang) {
    String argument = dir + "/lat\ufffd.txt"; // what the JVM makes of lat<E9>.txt in its arguments
    String why =
        switch (lang) {
          case "fr" -> "pas de l’UTF-8";
          case "ja" -> "UTF-8 ではないバイト";
          default -> "bytes that are not UTF-8";
        };

    CliRun check = CliRun.of("check", "--lang", lang, argument);
    CliRun simulate = CliRun.of("simulate", "--lang", lang, "--profile", "vsftpd", argument);

    assertThat(check.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(check.out()).contains(argument).contains(why);
    assertThat(simulate.out() + simulate.err()).contains(why);
  }
}
