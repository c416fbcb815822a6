package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.cli.CliRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the job's input and output as {@code ftpseq check} has them: its own output in a
 * directory it reads is left out, an output it cannot write is a usage error, and a link to nothing
 * is left out and counted.
 */
@ExtendWith(LocalSparkSession.class)
class SparkOutputAndListingTest {

  @TempDir Path temp;

  private Path inputs() throws IOException {
    Path in = Files.createDirectories(temp.resolve("in"));
    Files.copy(Path.of("samples/dialogue/bad-order.txt"), in.resolve("bad-order.txt"));
    Files.copy(Path.of("samples/dialogue/clean-session.txt"), in.resolve("clean-session.txt"));
    return in;
  }

  @ParameterizedTest(name = "--lang {0}")
  @ValueSource(strings = {"en", "fr", "ja"})
  void outputInsideAnInputIsLeftOutOnEveryRun(String lang, SparkSession spark) throws IOException {
    Path in = inputs();
    CliRun cli = CliRun.of("check", "--lang", lang, in.toString());
    String checked = cli.out().lines().reduce((a, b) -> b).orElseThrow();
    String output = in.resolve("outhere").toString();
    Run first = run("--lang", lang, "--output", output, in.toString());
    Run second = run("--lang", lang, "--output", output, in.toString());
    // an earlier run's output, under another name, is left out too, and counted as check counts
    // a report of its own
    Path moved = Files.move(in.resolve("outhere"), in.resolve("older"));
    Run third = run("--lang", lang, "--output", output, in.toString());

    assertThat(List.of(first.code, second.code, third.code))
        .as(second.err + third.err)
        .containsOnly(cli.exitCode());
    // this run's own output is said, but is no input left out: the summary is check's
    assertThat(first.out.lines().findFirst()).contains(checked);
    assertThat(second.out.lines().findFirst()).contains(checked);
    assertThat(second.err).contains(output).doesNotContain("\tat ");
    // an earlier run's output is an input left out, and counted
    assertThat(third.err).contains(moved.toString());
    String summary = third.out.lines().findFirst().orElseThrow();
    assertThat(summary).startsWith(checked).isNotEqualTo(checked);
  }

  @ParameterizedTest(name = "{0} --lang {1}")
  @CsvSource({
    "a file, en, 'cannot write the tables and summaries under'",
    "a file, fr, 'impossible d’écrire les tables et résumés sous'",
    "under a file, ja, '表と要約を'"
  })
  void outputThatCannotBeWrittenIsAUsageErrorNamingIt(
      String where, String lang, String said, SparkSession spark) throws IOException {
    Path in = inputs();
    Path file = Files.writeString(temp.resolve("a-file"), "x");
    Path output = where.equals("a file") ? file : file.resolve("out");

    Run run = run("--lang", lang, "--output", output.toString(), in.toString());

    assertThat(run.code).as(run.err).isEqualTo(SparkCheck.EXIT_USAGE);
    assertThat(run.err.lines().toList())
        .singleElement()
        .asString()
        .startsWith("spark-check: " + said)
        .contains(output.toString())
        .doesNotContain("Parent path", "Destination exists", "directory: file:");
    assertThat(run.out).isEmpty();
  }

  @ParameterizedTest(name = "--lang {0}")
  @ValueSource(strings = {"en", "fr", "ja"})
  void linkToNothingIsLeftOutAndCountedAsCheckDoes(String lang, SparkSession spark)
      throws IOException {
    Path in = inputs();
    Files.createSymbolicLink(in.resolve("gone.log"), temp.resolve("no-such-file"));
    CliRun cli = CliRun.of("check", "--lang", lang, in.toString());

    Run run = run("--lang", lang, "--output", temp.resolve("out").toString(), in.toString());

    assertThat(run.code).as(run.err).isEqualTo(cli.exitCode());
    String cliLeftOut =
        cli.err().lines().filter(l -> l.contains("gone.log")).findFirst().orElseThrow();
    assertThat(run.err.lines()).contains(cliLeftOut.replaceFirst("^ftpseq: ", "spark-check: "));
    assertThat(run.out.lines().findFirst().orElseThrow())
        .isEqualTo(cli.out().lines().reduce((a, b) -> b).orElseThrow());
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    int code =
        SparkCheck.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
