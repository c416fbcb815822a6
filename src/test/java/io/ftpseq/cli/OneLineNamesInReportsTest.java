package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * An input's name is a value on one line in every report and on standard error: a line feed,
 * carriage return, tab, escape, right-to-left override or line separator in a file's name is shown
 * escaped, so that a file named {@code odd<LF>forged.txt} cannot start a line of its own that reads
 * like a finding ({@code forged.txt:3: error PASS_WITHOUT_USER ...}). The JSON report keeps the
 * name exact, as JSON escapes.
 */
class OneLineNamesInReportsTest {

  /** A transcript with three findings, so that the name leads several lines. */
  private static final String BAD_ORDER =
      """
      # PASS before USER, RNTO without RNFR, RETR without PASV
      S: 220 (vsFTPd 3.0.3)
      C: PASS wonderland
      S: 503 Login with USER first.
      C: USER alice
      S: 331 Please specify the password.
      C: PASS wonderland
      S: 230 Login successful.
      C: RNTO renamed.txt
      S: 503 RNFR required first.
      C: RETR report.csv
      S: 425 Use PORT or PASV first.
      """;

  /** A character a file's name may hold, and how the reports for people show it. */
  private record Hostile(String character, String shown) {}

  private static final List<Hostile> HOSTILE =
      List.of(
          new Hostile("\n", "\\x0a"),
          new Hostile("\r", "\\x0d"),
          new Hostile("\t", "\\x09"),
          new Hostile("\u001b", "\\x1b"),
          new Hostile("\u202e", "\\u202e"),
          new Hostile("\u2028", "\\u2028"));

  private static final List<String> FORMATS =
      List.of("text", "markdown", "html", "junit", "sarif", "github", "json");

  @TempDir Path temp;

  static Stream<Arguments> formatsAndNames() {
    List<Arguments> rows = new ArrayList<>();
    for (String format : FORMATS) {
      for (Hostile hostile : HOSTILE) {
        rows.add(Arguments.of(format, hostile));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("formatsAndNames")
  void aFileNameStaysOnOneLine(String format, Hostile hostile) throws Exception {
    Path input =
        Files.writeString(temp.resolve("odd" + hostile.character() + "forged.txt"), BAD_ORDER);
    String name = input.toString();

    CliRun run = CliRun.of("check", "--report", format, name);

    assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
    // the Actions runner ends a line at CR or LF alone (GithubAnnotationFilesTest reads it so)
    assertThat(
            format.equals("github")
                ? Stream.of(run.out().split("[\n\r]"))
                    .filter(line -> line.strip().startsWith("forged"))
                    .toList()
                : linesStartingForged(run.out()))
        .as(run.out())
        .isEmpty();
    // a line feed is the reports' own line end; any other of these characters is never written raw
    String raw = hostile.character().equals("\n") ? "\u0000" : hostile.character();
    String escaped = name.replace(hostile.character(), hostile.shown());
    switch (format) {
      case "json" -> {
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("sessions").get(0).path("source").asText()).isEqualTo(name);
        assertThat(run.out()).doesNotContain(raw);
      }
      case "sarif" -> {
        JsonNode report = new ObjectMapper().readTree(run.out());
        String uri =
            report
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText();
        assertThat(uri).endsWith("odd" + percentEncoded(hostile.character()) + "forged.txt");
        assertThat(run.out()).doesNotContain(raw);
      }
      case "github" -> {
        // workflow commands have their own escapes (%0A, %0D), which GitHub decodes to the name
        assertThat(run.out().lines().filter(l -> l.startsWith("::"))).hasSize(3);
      }
      case "junit" -> {
        Element suite =
            (Element)
                DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new InputSource(new StringReader(run.out())))
                    .getElementsByTagName("testsuite")
                    .item(0);
        assertThat(suite.getAttribute("name")).isEqualTo(escaped);
        assertThat(run.out()).contains(escaped + ":3: PASS was sent");
      }
      case "text" ->
          assertThat(run.out().lines().filter(l -> l.contains(" error ")))
              .hasSize(2)
              .allMatch(l -> l.startsWith(escaped + ":"));
      default -> assertThat(run.out()).contains(hostile.shown() + "forged").doesNotContain(raw);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void aFileNameStaysOnOneLineOnStandardError(Hostile hostile) throws Exception {
    Path input =
        Files.writeString(temp.resolve("odd" + hostile.character() + "forged.txt"), BAD_ORDER);
    String name = input.toString();

    CliRun run = CliRun.of("check", "--report", "json", name, name);

    assertThat(linesStartingForged(run.err())).as(run.err()).isEmpty();
    assertThat(run.err())
        .contains("left out " + name.replace(hostile.character(), hostile.shown()))
        .doesNotContain(hostile.character().equals("\n") ? "\n\n" : hostile.character());
  }

  static Stream<Hostile> hostile() {
    return HOSTILE.stream();
  }

  /**
   * The lines that start with what followed the hostile character, cut wherever a terminal, an
   * editor or a CI log viewer starts a new line.
   */
  private static List<String> linesStartingForged(String text) {
    return Stream.of(text.split("[\n\r\u2028\u2029\u0085]"))
        .filter(line -> line.strip().startsWith("forged"))
        .toList();
  }

  private static String percentEncoded(String character) {
    StringBuilder out = new StringBuilder();
    for (byte b : character.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      out.append(String.format("%%%02X", b));
    }
    return out.toString();
  }
}
