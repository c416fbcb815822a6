package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run whose standard output cannot be written (a full disk) has lost its report or answer: it
 * says so on standard error and exits with 2, as when a report file cannot be written, whatever it
 * found. A pipe whose reader has gone is no loss but the reader's choice (ClosedPipeTest): exit
 * code 141 and nothing said.
 */
class StandardOutputFailureTest {

  private static final String CLEAN = "samples/dialogue/clean-session.txt";

  private static final String BAD = "samples/dialogue/bad-order.txt";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"check " + CLEAN, "check " + BAD, "explain 503"})
  void aFullStandardOutputIsSaidAndExitsWithTwo(String arguments) throws Exception {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "no /dev/full here");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Dftpseq.jvm=here", "-cp", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(List.of(arguments.split(" ")));
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(full.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended by itself").isTrue();
    } finally {
      process.destroyForcibly();
    }

    assertThat(process.exitValue()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(err, UTF_8))
        .isEqualTo("ftpseq: cannot write to standard output: no space is left on the device\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "check " + CLEAN,
        "check " + BAD,
        "check --report json " + CLEAN,
        "explain 503",
        "explain RNTO --format html",
        "compare 220 503",
        "rules",
        "profiles",
        "graph",
        "--help",
        "--version",
        "check --help",
      })
  void everyCommandSaysItsOutputWasLost(String arguments) {
    StringWriter err = new StringWriter();

    int code =
        Main.run(
            arguments.split(" "), new Failing("No space left on device"), new PrintWriter(err));

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            "ftpseq: cannot write to standard output: no space is left on the device"
                + System.lineSeparator());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "check " + CLEAN,
        "check " + BAD,
        "check --report junit " + BAD,
        "explain 503",
        "rules",
        "--help",
      })
  void everyCommandWhoseReaderHasGoneEndsWith141AndSaysNothing(String arguments) {
    StringWriter err = new StringWriter();

    int code = Main.run(arguments.split(" "), new Failing("Broken pipe"), new PrintWriter(err));

    assertThat(code).isEqualTo(ExitCodes.OUTPUT_CLOSED);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anOutputThatWorksSaysNothingMore() {
    CliRun run = CliRun.of("check", CLEAN);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnreadableInputStillExitsWithTwoWhenItsReportIsLost() {
    StringWriter err = new StringWriter();
    String missing = new File(dir.toFile(), "missing.txt").toString();

    int code =
        Main.run(
            new String[] {"check", missing},
            new Failing("No space left on device"),
            new PrintWriter(err));

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("cannot write to standard output");
  }

  /** Standard output that fails every write as the system says it. */
  private static final class Failing extends OutputStream {
    private final String reason;

    Failing(String reason) {
      this.reason = reason;
    }

    @Override
    public void write(int b) throws IOException {
      throw new IOException(reason);
    }
  }
}
