package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.benchmark.LogGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Report files are whole or absent: written beside their name and moved into place. */
class ReportFileTest {

  @TempDir Path temp;

  /**
   * A file that exists and cannot be written, in a folder that takes no new file: {@code
   * /proc/version} was said to be "no such file or directory" (of the partial file beside it).
   */
  @Test
  void anUnwritableFileIsSaidToBeUnwritableNotMissing() {
    Path version = Path.of("/proc/version");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(version), "no /proc here");

    for (CliRun run :
        List.of(
            CliRun.of("check", "-o", version.toString(), "samples/dialogue/clean-session.txt"),
            CliRun.of("profiles", "--save", "vsftpd", version.toString()))) {
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err())
          .contains("/proc/version: ")
          .doesNotContain("no such file")
          .containsAnyOf(": permission denied", ": the file is read-only (r--r--r--): ");
    }
  }

  private List<String> namesIn(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void reportWrittenAgainReplacesTheOldOneAndLeavesNothingElse() throws Exception {
    Path report = temp.resolve("report.json");
    Files.writeString(report, "an older report, longer than nothing");

    CliRun run =
        CliRun.of(
            "check", "--report", "json", "-o", report.toString(), "samples/dialogue/bad-order.txt");

    assertThat(run.err()).isEmpty();
    assertThat(new ObjectMapper().readTree(report.toFile()).get("summary").get("sessions").asInt())
        .isEqualTo(1);
    assertThat(namesIn(temp)).containsExactly("report.json");
  }

  @Test
  void reportNamedByALinkIsWrittenThroughTheLink() throws Exception {
    Path real = Files.writeString(temp.resolve("real.json"), "old");
    Path link = Files.createSymbolicLink(temp.resolve("link.json"), real);

    CliRun.of("check", "--report", "json", "-o", link.toString(), "samples/dialogue/bad-order.txt");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("\"summary\"");
    assertThat(namesIn(temp)).containsExactly("link.json", "real.json");
  }

  @Test
  void dashAndDevStdoutAreStandardOutputNotAFileOpenedAgain() {
    for (String name : List.of("-", "/dev/stdout")) {
      CliRun run =
          CliRun.of("check", "--report", "json", "-o", name, "samples/dialogue/bad-order.txt");
      assertThat(run.out()).as(name).contains("\"summary\"");
    }
    CliRun two =
        CliRun.of(
            "check",
            "--report",
            "text",
            "--report",
            "json",
            "-o",
            "/dev/stdout",
            "samples/dialogue");
    assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void outputThatIsAnInputOrAnotherReportsFileThroughALinkIsAUsageError() throws Exception {
    Path input = temp.resolve("in.txt");
    Files.copy(Path.of("samples/dialogue/bad-order.txt"), input);
    Path real = Files.writeString(temp.resolve("real.json"), "");
    Path link = Files.createSymbolicLink(temp.resolve("link.json"), real);

    CliRun overInput =
        CliRun.of("check", "--report", "json", "-o", input.toString(), input.toString());
    CliRun twice =
        CliRun.of(
            "check",
            "--report",
            "json",
            "-o",
            link.toString(),
            "--report",
            "sarif",
            "-o",
            real.toString(),
            input.toString());

    assertThat(overInput.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(overInput.err()).contains("is an input of this run");
    assertThat(input).hasSameTextualContentAs(Path.of("samples/dialogue/bad-order.txt"));
    assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(twice.err()).contains("two reports cannot both go to");
  }

  @Test
  void aReportCannotGoOverAFileOfADirectoryBeingChecked() throws Exception {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    Path log = logs.resolve("a.txt");
    Files.copy(Path.of("samples/dialogue/bad-order.txt"), log);

    CliRun over = CliRun.of("check", "--report", "text", "-o", log.toString(), logs.toString());

    // before, the log was read and then replaced by its own report
    assertThat(over.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(over.err()).contains("is an input of this run");
    assertThat(log).hasSameTextualContentAs(Path.of("samples/dialogue/bad-order.txt"));
  }

  /** A hard link to an input is that input: a report written through it replaced the log. */
  @Test
  void aReportCannotGoOverAHardLinkToAnInputNorTwoReportsIntoHardLinksOfOneFile() throws Exception {
    Path input = temp.resolve("a.txt");
    Files.copy(Path.of("samples/dialogue/bad-order.txt"), input);
    Path hard = Files.createLink(temp.resolve("hard.txt"), input);
    Path report = Files.writeString(temp.resolve("report.json"), "{}");
    Path reportLink = Files.createLink(temp.resolve("report-link.json"), report);

    CliRun over = CliRun.of("check", "--report", "text", "-o", hard.toString(), input.toString());
    CliRun twice =
        CliRun.of(
            "check",
            "--report",
            "json",
            "-o",
            report.toString(),
            "--report",
            "sarif",
            "-o",
            reportLink.toString(),
            input.toString());

    assertThat(over.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(over.err()).contains("--output " + hard + " is an input of this run");
    assertThat(input).hasSameTextualContentAs(Path.of("samples/dialogue/bad-order.txt"));
    assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(twice.err()).contains("two reports cannot both go to " + reportLink);
  }

  @Test
  void anOutputEndingWithASlashNamesADirectoryNotTheFileBeforeIt() throws Exception {
    Path file = temp.resolve("afile");
    Files.writeString(file, "keep me");

    CliRun run =
        CliRun.of("check", "--report", "json", "-o", file + "/", "samples/dialogue/bad-order.txt");

    // before, the slash was dropped and the file replaced by the report
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("ends with a slash");
    assertThat(file).hasContent("keep me");
  }

  @Test
  void anEmptyOutputIsNamedAsEmptyNotAsADirectory() {
    CliRun empty =
        CliRun.of("check", "--report", "json", "-o", "", "samples/dialogue/bad-order.txt");

    assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(empty.err()).contains("--output is empty").doesNotContain("directory");
  }

  /**
   * Beside a SARIF report the JSON report is written after the run; beside another JSON report, as
   * the run goes, opened before the first input: either way the one that cannot be written is one
   * line and the other is written whole.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sarif", "json"})
  void reportThatCannotBeWrittenIsOneLineAndTheOthersAreStillWritten(String other)
      throws Exception {
    Path dangling =
        Files.createSymbolicLink(temp.resolve("lost.json"), temp.resolve("no/such.json"));
    Path written = temp.resolve("report." + other);

    CliRun run =
        CliRun.of(
            "check",
            "--report",
            "json",
            "-o",
            dangling.toString(),
            "--report",
            other,
            "-o",
            written.toString(),
            "samples/dialogue/bad-order.txt");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip())
        .isEqualTo(
            "ftpseq: cannot write the json report to " + dangling + ": no such file or directory");
    assertThat(Files.readString(written)).contains("PASS_WITHOUT_USER");
    assertThat(new ObjectMapper().readTree(written.toFile()).isObject()).isTrue(); // whole
    assertThat(namesIn(temp)).containsExactlyInAnyOrder("lost.json", "report." + other);
  }

  @Test
  void reportWithAnotherHardLinkOrALongNameIsWrittenWhole() throws Exception {
    Path report = Files.writeString(temp.resolve("a.json"), "old");
    Path other = Files.createLink(temp.resolve("b.json"), report);
    Path longName = temp.resolve("r".repeat(245) + ".json");

    CliRun.of(
        "check", "--report", "json", "-o", report.toString(), "samples/dialogue/bad-order.txt");
    CliRun run =
        CliRun.of(
            "check",
            "--report",
            "json",
            "-o",
            longName.toString(),
            "samples/dialogue/bad-order.txt");

    // written into the file both names share, not replaced under one of them
    assertThat(Files.readString(other)).contains("\"summary\"");
    assertThat(run.err()).isEmpty();
    assertThat(Files.readString(longName)).contains("\"summary\"");
    assertThat(namesIn(temp)).hasSize(3);
  }

  /**
   * A run interrupted while it writes its report (Ctrl-C, a CI job's time limit) leaves no report
   * that looks whole to a CI system and cannot be read: before, the file stopped mid-session.
   */
  @Test
  void runStoppedWhileWritingItsReportLeavesNoHalfReport() throws Exception {
    Path log = temp.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 16L * 1024 * 1024);
    Path out = Files.createDirectory(temp.resolve("out"));
    Path report = out.resolve("report.json");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "check",
                "--explain-all",
                "--report",
                "json",
                "-o",
                report.toString(),
                log.toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("console.txt").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (namesIn(out).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(namesIn(out)).as("the report being written").hasSize(1);
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue())
          .as(Files.readString(temp.resolve("console.txt"), UTF_8))
          .isEqualTo(130);
      assertThat(namesIn(out)).isEmpty();
    } finally {
      process.destroyForcibly();
    }
  }
}
