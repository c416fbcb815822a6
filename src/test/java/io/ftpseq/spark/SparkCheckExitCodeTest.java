package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.cli.CliRun;
import io.ftpseq.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Spark job's options and exit codes mean what they mean for {@code ftpseq check}; the codes
 * for every mix of counts are pinned in {@link CheckResultTest}.
 */
@ExtendWith(LocalSparkSession.class)
class SparkCheckExitCodeTest {

  @TempDir Path temp;

  @Test
  void exitCodesAreTheCommandLines() {
    assertThat(
            List.of(
                SparkCheck.EXIT_OK,
                SparkCheck.EXIT_FINDINGS,
                SparkCheck.EXIT_USAGE,
                SparkCheck.EXIT_INPUT,
                SparkCheck.EXIT_INTERNAL))
        .containsExactly(
            ExitCodes.OK, ExitCodes.FINDINGS, ExitCodes.USAGE, ExitCodes.INPUT, ExitCodes.INTERNAL);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "samples/dialogue/bad-order.txt",
        "--fail-on never --profile auto --lang fr samples/dialogue/bad-order.txt",
        "samples/dialogue/clean-session.txt no/such/file",
        "--profile nonesuch samples/dialogue/bad-order.txt",
        "--format nonesuch samples/dialogue/bad-order.txt",
        "--lang xx samples/dialogue/bad-order.txt",
        "--profile no/such/profile.json samples/dialogue/bad-order.txt",
        "--bogus samples/dialogue/bad-order.txt",
        "--lang fr --bogus samples/dialogue/bad-order.txt",
        "--lang=ja --fail-on sometimes samples/dialogue/bad-order.txt",
        "--fail-on sometimes samples/dialogue/bad-order.txt --lang fr",
        "--lang ja --profile nonesuch samples/dialogue/bad-order.txt"
      })
  void exitCodeIsTheCommandLines(String arguments, SparkSession spark) {
    List<String> args = List.of(arguments.split(" "));
    CliRun cli = CliRun.of(with("check", args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> sparkArgs = new ArrayList<>(List.of("--output", temp.toString()));
    sparkArgs.addAll(args);
    int code =
        SparkCheck.run(
            sparkArgs.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isEqualTo(cli.exitCode());
    assertThat(err.toString()).doesNotContain("\tat ");
    if (code == SparkCheck.EXIT_USAGE) {
      // the same one-line message in the same language, then where help is, each line naming
      // the program
      List<String> lines = err.toString().lines().toList();
      List<String> cliLines = cli.err().lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0).replaceFirst("^spark-check: ", "ftpseq: "))
          .isEqualTo(
              cli.err()
                  .lines()
                  .findFirst()
                  .orElse("")
                  .replaceFirst(" \\(did you mean '[^']*'\\?\\)", ""));
      assertThat(lines.get(1))
          .isEqualTo(
              cliLines
                  .get(1)
                  .replaceFirst("^ftpseq: ", "spark-check: ")
                  .replace("ftpseq check --help", "spark-check --help"));
    }
    assertThat(spark.sparkContext().isStopped()).as("a running session is left running").isFalse();
  }

  private static String[] with(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all.toArray(String[]::new);
  }
}
