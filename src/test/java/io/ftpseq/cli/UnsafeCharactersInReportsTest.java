package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

/**
 * Control characters and invisible format characters from a transcript (an escape sequence, a
 * right-to-left override that makes a finding read reversed, the other bidirectional marks and
 * isolates, a tag character, a line separator) are shown escaped in every report, wherever they
 * stand: in a command, a reply, an input's name and a session's name.
 */
class UnsafeCharactersInReportsTest {

  private static final String RLO = of(0x202e);
  private static final String KINDS =
      RLO
          + of(0x2066)
          + of(0x2067)
          + of(0x2068)
          + of(0x2069)
          + of(0x200e)
          + of(0x200f)
          + of(0x061c)
          + of(0x200b)
          + of(0xfeff)
          + of(0x00ad)
          + of(0xe0041)
          + of(0x2028)
          + of(0x2029)
          + of(0x85)
          + of(0x9b)
          + of(0x7f)
          + "\u001b[31m\u0000\u000b\u0007";

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "markdown", "junit", "sarif", "github", "html"})
  void everyUnsafeCharacterIsEscapedWhereverItStands(String format) throws Exception {
    Path dialogue =
        Files.writeString(
            temp.resolve("gpj" + RLO + "exe.txt"),
            "S: 220 hi "
                + KINDS
                + "\nC: USER a"
                + KINDS
                + "b\nS: 331 ok\nC: RNTO c"
                + KINDS
                + "d\nS: 503 no"
                + KINDS
                + "\nS: 5"
                + KINDS
                + "\n");
    String client = "Client \"127.0.0.1" + RLO + "x\"";
    Path vsftpd =
        Files.writeString(
            temp.resolve("vsftpd.log"),
            "Mon Nov 23 06:40:23 2026 [pid 17062] CONNECT: "
                + client
                + "\nMon Nov 23 06:40:23 2026 [pid 17062] FTP response: "
                + client
                + ", \"220 (vsFTPd 3.0.3)\"\nMon Nov 23 06:40:23 2026 [pid 17062] FTP command: "
                + client
                + ", \"RNTO e"
                + KINDS
                + "f\"\nMon Nov 23 06:40:23 2026 [pid 17062] FTP response: "
                + client
                + ", \"503 RNFR required first.\"\n");

    CliRun run =
        CliRun.of(
            "check", "--report", format, "--explain-all", dialogue.toString(), vsftpd.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
    String shown = run.out();
    if (format.equals("github")) {
      // the runner finds the file only by its exact name: the file property holds it as it is
      assertThat(shown).contains("file=" + dialogue.toString().replace(":", "%3A") + ",");
      shown = shown.replaceAll("(?m)^(::[a-z]+ )file=[^,]*,", "$1");
    }
    assertThat(unsafe(shown)).as(run.out()).isEmpty();
    switch (format) {
      case "json", "sarif" -> {
        JsonNode report = new ObjectMapper().readTree(run.out());
        if (format.equals("json")) {
          // written as JSON escapes, so each value stays what the input held
          assertThat(report.path("sessions").get(1).path("session").asText()).contains(RLO);
          assertThat(report.path("sessions").get(0).path("source").asText()).contains(RLO);
          assertThat(run.out()).contains("gpj\\u202eexe.txt", "c\\u202e\\u2066");
        } else {
          // a message is shown to people as it is, so its escapes are visible
          assertThat(report.toString()).contains("gpj%E2%80%AEexe.txt", "c\\\\u202e\\\\u2066");
        }
      }
      case "junit" -> {
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(run.out())));
        assertThat(run.out()).contains("gpj\\u202eexe.txt", "c\\u202e\\u2066");
      }
      case "github" ->
          assertThat(shown)
              .contains("\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f")
              .contains("\\x1b[31m\\x00\\x0b\\x07");
      default ->
          assertThat(run.out())
              .contains("gpj\\u202eexe.txt", "\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f")
              .contains("\\u061c\\u200b\\ufeff\\xad\\U000e0041\\u2028\\u2029\\x85\\x9b\\x7f")
              .contains("\\x1b[31m\\x00\\x0b\\x07");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void aNameLeftOutIsEscapedOnStandardError(String format) throws Exception {
    Path input =
        Files.writeString(temp.resolve("a" + RLO + "b\u001b[2J.txt"), "C: NOOP\nS: 200 ok\n");

    CliRun run = CliRun.of("check", "--report", format, input.toString(), input.toString());

    assertThat(run.err()).contains("a\\u202eb\\x1b[2J.txt");
    assertThat(unsafe(run.err())).isEmpty();
  }

  /** The unsafe characters of a text, as code points in hex. */
  private static List<String> unsafe(String text) {
    return text.codePoints()
        .filter(
            c ->
                c != '\n'
                    && c != '\t'
                    && switch (Character.getType(c)) {
                      case Character.CONTROL,
                          Character.FORMAT,
                          Character.LINE_SEPARATOR,
                          Character.PARAGRAPH_SEPARATOR,
                          Character.SURROGATE ->
                          true;
                      default -> false;
                    })
        .mapToObj(Integer::toHexString)
        .collect(Collectors.toList());
  }

  private static String of(int codePoint) {
    return Character.toString(codePoint);
  }
}
