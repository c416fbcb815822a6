package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.transcript.TranscriptFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format has a name in each language, and a message that names the format an input is read as
 * says that name in the run's language: a French report said {@code ce n’est pas une ligne de ce
 * format (Pure-FTPd log)}, the English name inside a French sentence.
 */
class FormatNamesTest {

  /**
   * A line of no format, a comment, and a line that is blank: each reader says what it makes of
   * them.
   */
  private static final List<String> INPUTS =
      List.of("something else entirely\n", "# a comment\n", "# a comment\nsomething else\n");

  @TempDir Path dir;

  static Stream<Arguments> formatsAndLanguages() {
    return TranscriptFormats.names().stream()
        .flatMap(f -> Stream.of(Arguments.of(f, "fr"), Arguments.of(f, "ja")));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("formatsAndLanguages")
  void theFormatIsNamedInTheRunsLanguage(String format, String language) throws IOException {
    String key = "format.name." + format;
    String english = bundle("").getProperty(key);
    String translated = bundle("_" + language).getProperty(key);
    assertThat(english).as(key + " in English").isNotBlank();
    assertThat(translated).as(key + " in " + language).isNotBlank().isNotEqualTo(english);

    for (int i = 0; i < INPUTS.size(); i++) {
      Path input = Files.writeString(dir.resolve("input" + i + ".log"), INPUTS.get(i));
      CliRun inEnglish = CliRun.of("check", "--lang", "en", "--format", format, input.toString());
      CliRun inLanguage =
          CliRun.of("check", "--lang", language, "--format", format, input.toString());
      String said = inLanguage.out() + inLanguage.err();
      if ((inEnglish.out() + inEnglish.err()).contains(english)) {
        assertThat(said).as(INPUTS.get(i)).contains(translated);
      }
      if (!translated.contains(english)) {
        assertThat(said).as(INPUTS.get(i)).doesNotContain(english);
      }
    }
  }

  private static Properties bundle(String suffix) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        FormatNamesTest.class.getResourceAsStream(
            "/io/ftpseq/explain/Messages" + suffix + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
