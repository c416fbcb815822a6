package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSON report written to a file, or to the process's standard output, is written as UTF-8 bytes
 * straight from the generator, and one on a writer (as a test's standard output) as characters:
 * they are the same report, byte for byte, in every language, with every kind of character a
 * transcript can hold (accents, Japanese, characters past the basic plane, unsafe ones written as
 * escapes, bytes that are not UTF-8), gzipped or not.
 */
class JsonReportFileTest {

  /** Every kind of character, in a command, a reply, a session's name and an input's name. */
  private static final String CHARACTERS =
      "é日本語\uD83D\uDCC1\uD83D\uDE00\u202e\u2066\u200b\ufeff\u00ad\uDB40\uDC41\u2028\u0085\u007f\u001b[31m";

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void theFileHoldsWhatStandardOutputShows(String language) throws Exception {
    Path dialogue =
        Files.writeString(
            temp.resolve("dialogue " + CHARACTERS + ".txt"),
            "S: 220 hi "
                + CHARACTERS
                + "\nC: USER a"
                + CHARACTERS
                + "\nS: 331 ok\nC: RNTO c"
                + CHARACTERS
                + "\nS: 503 no "
                + CHARACTERS
                + "\nC: STOR \uD83D\uDCC1\nS: 425 no"
                + "\n");
    Path latin1 = temp.resolve("latin1.txt");
    Files.write(
        latin1,
        "C: CWD caf\u00e9\nS: 550 \u00e9chec\nC: RNTO x\nS: 503 \u00ff\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    String[] inputs = {"samples/", dialogue.toString(), latin1.toString()};

    CliRun shown = CliRun.of(arguments(language, null, inputs));
    Path file = temp.resolve("report.json");
    CliRun filed = CliRun.of(arguments(language, file, inputs));
    Path gzipped = temp.resolve("report.json.gz");
    CliRun zipped = CliRun.of(arguments(language, gzipped, inputs));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int streamed =
        Main.run(
            arguments(language, null, inputs), bytes, new PrintWriter(new StringWriter(), true));

    assertThat(shown.out()).contains("\"sessions\"", "\\u202e", "日本語", "é", "\\ud83d\\udcc1");
    assertThat(filed.exitCode()).isEqualTo(shown.exitCode());
    assertThat(filed.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(shown.out());
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(shown.out());
    }
    assertThat(zipped.exitCode()).isEqualTo(shown.exitCode());
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(shown.out());
    assertThat(streamed).isEqualTo(shown.exitCode());
  }

  private static String[] arguments(String language, Path output, String... inputs) {
    List<String> all =
        new ArrayList<>(List.of("check", "--lang", language, "--report", "json", "--explain-all"));
    if (output != null) {
      all.add("-o");
      all.add(output.toString());
    }
    all.addAll(List.of(inputs));
    return all.toArray(String[]::new);
  }
}
