package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.InputSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A session with more than a report lists is reported whole, in every language and format. */
class UnlistedInReportsTest {

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void sessionWithMoreProblemsThanListedSaysSoInTheTextReportInItsLanguage(String language)
      throws Exception {
    Path log = temp.resolve("many.txt");
    StringBuilder text = new StringBuilder("S: 220 hi\n");
    for (int i = 0; i < InputSummary.LISTED_PROBLEMS + 5; i++) {
      text.append("S: 22 bad\n");
    }
    Files.writeString(log, text);

    CliRun run = CliRun.of("check", "--lang", language, log.toString());

    // before, the text report stopped with an internal error at the line that says so
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    String name = log.toString();
    // the session's line (not a numbered problem line) gives the 5 problems not listed
    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith(name)
                    && !Character.isDigit(l.charAt(name.length() + 1))
                    && l.contains("5"));
    // each listed problem is labelled in the report's language
    String label =
        switch (language) {
          case "fr" -> "problème";
          case "ja" -> "問題";
          default -> "problem";
        };
    assertThat(
            lines.stream()
                .filter(
                    l ->
                        l.startsWith(name + ":3")
                            && !Character.isDigit(l.charAt(name.length() + 2))))
        .singleElement()
        .asString()
        .contains(label);
    // and the summary still ends the report
    assertThat(lines.get(lines.size() - 1)).startsWith("1 ");
  }
}
