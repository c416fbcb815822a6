package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins {@code ftpseq compare} pages in every language: {@code compare-A-B.LANG.txt} under {@code
 * golden/explain} is the text output of {@code ftpseq compare A B --lang LANG}.
 */
class GoldenExplainTest {

  private static final Path FOLDER = Path.of("src/test/resources/golden/explain");
  private static final List<String> PAIRS = List.of("220 503", "211 503");
  private static final List<String> LANGUAGES = List.of("en", "fr", "ja");

  static Stream<Arguments> pages() {
    return PAIRS.stream()
        .flatMap(pair -> LANGUAGES.stream().map(language -> Arguments.of(pair, language)));
  }

  private static Path golden(String pair, String language) {
    return FOLDER.resolve("compare-" + pair.replace(' ', '-') + "." + language + ".txt");
  }

  @ParameterizedTest(name = "compare {0} --lang {1}")
  @MethodSource("pages")
  void compareMatchesItsGoldenFile(String pair, String language) throws IOException {
    String[] codes = pair.split(" ", -1);
    CliRun run = CliRun.of("compare", codes[0], codes[1], "--lang", language);
    assertThat(run.exitCode()).isZero();
    Path expected = golden(pair, language);
    if (Boolean.getBoolean("ftpseq.golden.write")) {
      Files.writeString(expected, run.out(), StandardCharsets.UTF_8);
    }
    assertThat(run.out()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenFileIsChecked() throws IOException {
    List<Path> expected =
        pages().map(a -> golden((String) a.get()[0], (String) a.get()[1])).sorted().toList();
    try (Stream<Path> files = Files.list(FOLDER)) {
      assertThat(files.sorted().toList()).isNotEmpty().isEqualTo(expected);
    }
  }
}
