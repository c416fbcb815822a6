package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown report's Mermaid sequence diagrams: one per session with findings, the steps around
 * each finding with the finding as a note, syntax characters escaped, and bounded for large runs.
 */
class MarkdownDiagramTest {

  private static final Pattern BLOCK = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL);

  @TempDir Path temp;

  private static List<String> diagrams(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  @Test
  void sessionWithFindingsGetsADiagramWithEachFindingAsANote() {
    CliRun run =
        CliRun.of(
            "check",
            "--lang",
            "en",
            "--report",
            "markdown",
            "samples/dialogue/bad-order.txt",
            "samples/dialogue/clean-session.txt");
    List<String> diagrams = diagrams(run.out());
    assertThat(diagrams).hasSize(1);
    String diagram = diagrams.get(0);
    assertThat(diagram)
        .startsWith("sequenceDiagram\n    participant C as client\n    participant S as server\n")
        .contains("    C->>S: PASS **** (line 3)\n    Note over C,S: error PASS_WITHOUT_USER: PASS")
        .contains("    S-->>C: 503 Login with USER first. (line 4)\n")
        .contains("Note over C,S: error RNTO_WITHOUT_RNFR")
        .contains("Note over C,S: warning TRANSFER_WITHOUT_DATA_CHANNEL");
    assertThat(run.out()).contains("#### samples/dialogue/bad-order.txt\n\n```mermaid");
  }

  @Test
  void mermaidSyntaxInTheInputIsEscaped() throws IOException {
    Path transcript = temp.resolve("odd.txt");
    Files.writeString(
        transcript,
        "S: 220 ready; #1 <b>`x`</b> 100%\nC: RNTO a;b#c`d`<e>\nS: 503 no\nC: QUIT\nS: 221 bye\n");
    String diagram =
        diagrams(CliRun.of("check", "--report", "markdown", transcript.toString()).out()).get(0);
    assertThat(diagram)
        .contains("S-->>C: 220 ready#59; #35;1 #lt;b#gt;#96;x#96;#lt;/b#gt; 100#37; (line 1)")
        .contains("C->>S: RNTO a#59;b#35;c#96;d#96;#lt;e#gt; (line 2)");
    for (String line : diagram.lines().toList()) {
      String message =
          line.contains(": ")
              ? line.substring(line.indexOf(": ") + 2).replaceAll("#\\w+;", "")
              : "";
      assertThat(message).doesNotContain(";", "`", "<b>", "%");
    }
  }

  @Test
  void largeRunsStayWithinBounds() throws IOException {
    StringBuilder noisy =
        new StringBuilder("S: 220 ready\nC: USER a\nS: 331 ok\nC: PASS b\nS: 230 ok\n");
    for (int i = 0; i < 200; i++) {
      noisy.append("C: RNTO x").append(i).append("\nS: 503 no\n");
    }
    List<String> args = new ArrayList<>(List.of("check", "--report", "markdown"));
    for (int i = 0; i < 25; i++) {
      Path file = temp.resolve("noisy-" + i + ".txt");
      Files.writeString(file, noisy);
      args.add(file.toString());
    }
    String markdown = CliRun.of(args.toArray(String[]::new)).out();
    List<String> diagrams = diagrams(markdown);
    assertThat(diagrams).hasSize(20);
    for (String diagram : diagrams) {
      long arrows = diagram.lines().filter(l -> l.contains("->>")).count();
      assertThat(arrows).isLessThanOrEqualTo(2 * 40);
      assertThat(diagram.length()).isLessThan(50_000);
    }
    assertThat(markdown).contains("5 more session(s) with findings are in the table above");
  }
}
