package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A write of the tables that fails midway, after the inputs were checked and the first tables
 * written, is one line in the run's language naming the table's path and why, and exit 2, as for an
 * output that cannot be written at all: not an internal error with Spark's stack trace.
 */
@ExtendWith(LocalSparkSession.class)
class SparkOutputFailureTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "--lang {0}")
  @CsvSource({
    "en, 'cannot write the tables and summaries under'",
    "fr, 'impossible d’écrire les tables et résumés sous'",
    "ja, '表と要約を'"
  })
  void aTableThatCannotBeWrittenMidwayIsOneLineAndExit2(
      String lang, String said, SparkSession spark) throws IOException, InterruptedException {
    Path output = Files.createDirectories(temp.resolve("out"));
    // the findings and problems are written first; then the sessions' directory refuses
    Path sessions = Files.createDirectories(output.resolve("sessions"));
    readOnly(sessions, true);
    try {
      Run run =
          run("--lang", lang, "--output", output.toString(), "samples/dialogue/bad-order.txt");

      assertThat(run.code).as(run.err).isEqualTo(SparkCheck.EXIT_USAGE);
      assertThat(run.err.lines().toList())
          .singleElement()
          .asString()
          .startsWith("spark-check: " + said)
          .contains(sessions.resolve("parquet").toString())
          .doesNotContain("Exception", "Mkdirs", "\tat ", "file:");
      assertThat(run.out).isEmpty();
      assertThat(output.resolve("findings/parquet")).isDirectory();
    } finally {
      readOnly(sessions, false);
    }
  }

  /**
   * Makes a directory read-only, or writable again: its permissions, and, where the tests run as
   * root (whom permissions do not stop), its immutable attribute.
   */
  private static void readOnly(Path directory, boolean on)
      throws IOException, InterruptedException {
    if (on) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    if ("root".equals(System.getProperty("user.name"))) {
      // an immutable directory's permissions cannot change: set after, cleared before them
      Process chattr =
          new ProcessBuilder("chattr", on ? "+i" : "-i", directory.toString())
              .redirectErrorStream(true)
              .start();
      assertThat(chattr.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(chattr.exitValue())
          .as(new String(chattr.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isZero();
    }
    if (!on) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkCheck.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
