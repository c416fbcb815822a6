package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README shows what the tool really prints. */
class ReadmeTest {

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
  }

  @Test
  void rulesTableIsTheGeneratedOne() throws IOException {
    String readme = readme();
    String table =
        readme.substring(
            readme.indexOf("<!-- rules:start -->\n") + "<!-- rules:start -->\n".length(),
            readme.indexOf("<!-- rules:end -->"));
    assertThat(table).isEqualTo(CliRun.of("rules", "--format", "markdown", "--lang", "en").out());
  }

  @Test
  void exampleFindingLinesAreWhatCheckPrints() throws IOException {
    String command = "$ java -jar target/ftpseq.jar check samples/dialogue/bad-order.txt\n";
    String readme = readme();
    int start = readme.indexOf(command) + command.length();
    String example = readme.substring(start, readme.indexOf("```", start));
    List<String> actual =
        CliRun.of("check", "--lang", "en", "samples/dialogue/bad-order.txt").out().lines().toList();
    // every line the example shows whole, the summary line included, is a line check prints
    assertThat(example.lines().filter(l -> !l.equals("  ...")))
        .hasSizeGreaterThan(5)
        .allSatisfy(l -> assertThat(actual).contains(l));
  }

  @Test
  void startsWithTheTwoCommands() throws IOException {
    assertThat(readme())
        .startsWith(
            "# ftpseq\n\n```sh\n"
                + "mvn -q -DskipTests package && java -jar target/ftpseq.jar check samples/\n"
                + "mvn verify\n```\n");
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws IOException {
    String ci = Files.readString(Path.of(".ci/run"), StandardCharsets.UTF_8);
    assertThat(ci.strip()).endsWith("mvn verify");
  }

  @Test
  void compareExampleIsWhatComparePrints() throws IOException {
    String readme = readme();
    String block =
        readme.substring(
            readme.indexOf("$ java -jar target/ftpseq.jar compare 220 503\n")
                + "$ java -jar target/ftpseq.jar compare 220 503\n".length(),
            readme.indexOf("```\n<!-- compare:end -->"));
    assertThat(block).isEqualTo(CliRun.of("compare", "220", "503", "--lang", "en").out());
  }
}
