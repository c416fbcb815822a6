package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * U+0085 (next line), U+2028 (line separator) and U+2029 (paragraph separator) are ordinary
 * characters in a file name, and no log or FTP server ends a line at them. A sample whose file
 * names hold them must read as the same sessions, with the same findings, as the sample itself.
 */
class LineSeparatorCharactersTest {

  private static final Pattern PATH_ARGUMENT =
      Pattern.compile("\\b(?:RETR|STOR|CWD|SIZE|MKD|DELE|RNFR|RNTO|MDTM)[ \\t]+[\\w/]");
  private static final List<String> SEPARATORS = List.of("\u0085", "\u2028", "\u2029");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  static Stream<Path> samples() throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("samples"))) {
      for (Path sample : files.filter(Files::isRegularFile).sorted().toList()) {
        if (!sample.toString().endsWith(".pcap")
            && PATH_ARGUMENT.matcher(Files.readString(sample, StandardCharsets.UTF_8)).find()) {
          found.add(sample);
        }
      }
    }
    return found.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void fileNamesWithUnicodeLineSeparatorsReadLikeAnyOther(Path sample) throws IOException {
    String text = Files.readString(sample, StandardCharsets.UTF_8);
    JsonNode expected = summary(sample);
    for (String separator : SEPARATORS) {
      Path renamed = temp.resolve(sample.getFileName());
      Files.writeString(renamed, withInFileNames(text, separator), StandardCharsets.UTF_8);

      JsonNode actual = summary(renamed);

      String name = String.format("U+%04X", (int) separator.charAt(0));
      assertThat(actual.path("summary")).as(name).isEqualTo(expected.path("summary"));
      assertThat(actual.path("inputs").get(0).path("format"))
          .as(name)
          .isEqualTo(expected.path("inputs").get(0).path("format"));
    }
  }

  /** The text with the separator after the first character of every file name argument. */
  private static String withInFileNames(String text, String separator) {
    Matcher argument = PATH_ARGUMENT.matcher(text);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (argument.find()) {
      out.append(text, from, argument.end()).append(separator);
      from = argument.end();
    }
    return out.append(text, from, text.length()).toString();
  }

  private static JsonNode summary(Path input) throws IOException {
    CliRun run = CliRun.of("check", "--report", "json", input.toString());
    return JSON.readTree(run.out());
  }
}
