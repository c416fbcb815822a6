package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input of nothing but blank lines is one plain problem: its blank lines were counted as that
 * many unreadable lines ("25,000 of them unreadable"), and past 10,000 of them the problem spoke of
 * the first 10,000 only.
 */
class BlankInputTest {

  @TempDir Path temp;

  @Test
  void onlyBlankLinesIsOneProblemAndNoUnreadableLine() throws IOException {
    Path blank = temp.resolve("blank.log");
    Files.writeString(blank, "\n".repeat(25_000));

    CliRun run = CliRun.of("check", "--lang", "en", blank.toString());

    assertThat(run.out())
        .contains("problem: no FTP dialogue: all 25,000 lines of the input are blank")
        .contains("25,000 line(s) read, 0 of them unreadable")
        .doesNotContain("the first 10,000 lines are blank");
  }

  @Test
  void fewBlankLinesAreSaidSoToo() throws IOException {
    Path blank = temp.resolve("blank.log");
    Files.writeString(blank, "\n\r\n  \n");

    CliRun run = CliRun.of("check", "--lang", "en", blank.toString());

    assertThat(run.out())
        .contains("problem: no FTP dialogue: all 3 lines of the input are blank")
        .contains("3 line(s) read, 0 of them unreadable");
  }
}
