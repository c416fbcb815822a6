package io.ftpseq.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The page of a run that found no session says what the run found: the problems its tile counts are
 * in the notes and problems chart, and nothing points at sessions in a table that has none.
 */
class EmptyInputPageTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "--lang {0}")
  @CsvSource({
    "en, Notes and problems, None., each has its line",
    "fr, Notes et problèmes, Aucun., chacune a sa ligne",
    "ja, 注記と問題, なし。, 1 行ずつあります"
  })
  void emptyInputsProblemIsInTheChartAndNoSessionIsPointedAt(
      String lang, String chart, String none, String pointer) throws IOException {
    Path empty = Files.writeString(temp.resolve("empty.log"), "");

    String page = CliRun.of("check", "--lang", lang, "--report", "html", empty.toString()).out();

    int start = page.indexOf("<h3>" + chart + "</h3>");
    assertThat(start).as("the notes and problems chart").isPositive();
    String notes = page.substring(start, page.indexOf("</div>", start));
    assertThat(notes).doesNotContain(none).contains("<span class=\"count\">1</span>");
    assertThat(page).contains("<span class=\"value\">1</span><span class=\"label\">");
    assertThat(page).doesNotContain(pointer);
  }
}
