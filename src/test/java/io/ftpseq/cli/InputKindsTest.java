package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What a check does with names that are not regular files. Named on the command line, a FIFO is
 * read (a user may pipe into one, or use {@code <(zcat ...)}); inside a directory, a link to a file
 * is read as the file, and a FIFO, a socket, a link to a directory or to nothing is left out with
 * one line that names it and says why. All of these used to be skipped without a word, and a FIFO
 * named was refused.
 */
class InputKindsTest {

  private static final String BAD = "samples/dialogue/bad-order.txt";
  private static final Duration BOUND = Duration.ofSeconds(30);

  /** When a late writer comes: well after the 3 s a check waits before it says it waits. */
  private static final Duration LATE = Duration.ofMillis(4500);

  @TempDir Path temp;
  private Path logs;

  @BeforeEach
  void logs() throws IOException {
    logs = Files.createDirectories(temp.resolve("logs"));
    Files.copy(Path.of(BAD), logs.resolve("a.txt"));
  }

  @Test
  void linkToAFileOutsideTheDirectoryIsReadAsThatFile() throws IOException {
    Path outside = Files.copy(Path.of(BAD), temp.resolve("elsewhere.txt"));
    Files.createSymbolicLink(logs.resolve("b.txt"), outside);

    CliRun run = CliRun.of("check", logs.toString());

    assertThat(run.out())
        .contains(logs.resolve("b.txt") + ":3: error PASS_WITHOUT_USER")
        .contains("2 session(s) in 2 input(s)");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void linkToAFileTheDirectoryHoldsIsReadOnceAndSaysSo() throws IOException {
    Files.createSymbolicLink(logs.resolve("0-current.txt"), Path.of("a.txt"));

    CliRun run = CliRun.of("check", logs.toString());

    assertThat(run.out()).contains("1 session(s) in 1 input(s)");
    assertThat(run.err())
        .isEqualTo(
            "ftpseq: left out "
                + logs.resolve("0-current.txt")
                + ": a symbolic link to "
                + logs.resolve("a.txt")
                + ", which is checked"
                + System.lineSeparator());
  }

  @Test
  void linkToADirectoryIsNotFollowedAndSaysSo() throws IOException {
    Path other = Files.createDirectories(temp.resolve("other"));
    Files.copy(Path.of(BAD), other.resolve("c.txt"));
    Files.createSymbolicLink(logs.resolve("other"), other);
    Files.createSymbolicLink(logs.resolve("up"), Path.of("..")); // a loop, if it were followed

    CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.of("check", logs.toString()));

    assertThat(run.out()).contains("1 session(s) in 1 input(s)");
    assertThat(run.err().lines())
        .containsExactly(
            "ftpseq: left out "
                + logs.resolve("other")
                + ": a symbolic link to a directory, not followed; name it to check it",
            "ftpseq: left out "
                + logs.resolve("up")
                + ": a symbolic link to a directory, not followed; name it to check it");
    assertThat(CliRun.of("check", logs.resolve("other").toString()).out())
        .contains(logs.resolve("other").resolve("c.txt") + ":3: error PASS_WITHOUT_USER");
  }

  @Test
  void fifoSocketAndLinkToNothingInADirectoryAreLeftOutWithOneLineEach() throws IOException {
    assumeLinux();
    Path fifo = mkfifo(logs.resolve("b-fifo.txt"));
    Files.createSymbolicLink(logs.resolve("c-gone.txt"), Path.of("rotated-away.txt"));
    Files.createSymbolicLink(logs.resolve("d-fifo-link.txt"), fifo.getFileName());
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(logs.resolve("e-socket")));

      CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.of("check", logs.toString()));

      assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
      assertThat(run.out()).contains("1 session(s) in 1 input(s)");
      assertThat(run.err().lines())
          .containsExactly(
              "ftpseq: left out "
                  + fifo
                  + ": a FIFO (named pipe), which would wait for a writer; name it to read it",
              "ftpseq: left out "
                  + logs.resolve("c-gone.txt")
                  + ": a symbolic link to nothing (rotated-away.txt)",
              "ftpseq: left out "
                  + logs.resolve("d-fifo-link.txt")
                  + ": a symbolic link to a FIFO (named pipe), which would wait for a writer;"
                  + " name it to read it",
              "ftpseq: left out "
                  + logs.resolve("e-socket")
                  + ": a socket, which cannot be read as a file");
    }
  }

  /**
   * Each input left out had its line on standard error, but the summary counted only what was
   * checked, so a report read alone (a file, CI) did not show that anything was skipped.
   */
  @Test
  void everyInputLeftOutIsCountedInTheSummary() throws IOException {
    assumeLinux();
    mkfifo(logs.resolve("b-fifo"));
    Files.createSymbolicLink(logs.resolve("c-up"), Path.of(".."));
    Path report = logs.resolve("d-report.json");
    assertThat(CliRun.of("check", BAD, "--report", "json", "-o", report.toString()).exitCode())
        .isEqualTo(ExitCodes.FINDINGS);

    CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.of("check", logs.toString()));
    CliRun french =
        assertTimeoutPreemptively(BOUND, () -> CliRun.of("check", "--lang", "fr", logs.toString()));
    CliRun json =
        assertTimeoutPreemptively(
            BOUND, () -> CliRun.of("check", "--report", "json", logs.toString()));

    assertThat(run.err().lines()).hasSize(3);
    assertThat(lastLine(run.out()))
        .startsWith("1 session(s) in 1 input(s): 2 error(s)")
        .endsWith(" 3 input(s) left out, each named on standard error with why.");
    assertThat(lastLine(french.out()))
        .endsWith(
            " 3 entrée(s) laissée(s) de côté, chacune nommée avec sa raison sur la sortie"
                + " d’erreur.");
    JsonNode summary = new ObjectMapper().readTree(json.out()).path("summary");
    assertThat(summary.path("inputs").asInt()).isEqualTo(1);
    assertThat(summary.path("leftOut").asInt()).isEqualTo(3);
    CliRun nothingLeftOut = CliRun.of("check", "--report", "json", BAD);
    assertThat(new ObjectMapper().readTree(nothingLeftOut.out()).path("summary").has("leftOut"))
        .isFalse();
    assertThat(CliRun.of("check", BAD).out()).doesNotContain("left out");
    // this run's own report file is no input: left out, said, and not counted, so that the same
    // run into its own directory gives the same report every time
    CliRun again =
        assertTimeoutPreemptively(
            BOUND, () -> CliRun.of("check", logs.toString(), "-o", report.toString()));
    assertThat(again.err().lines()).hasSize(3);
    assertThat(new ObjectMapper().readTree(report.toFile()).path("summary").path("leftOut").asInt())
        .isEqualTo(2);
  }

  /**
   * A file named on the command line and also found in a directory named with it was checked twice,
   * its sessions counted twice; so was a file named twice, by the same name or another (a link, a
   * path through {@code ..}). Each file is checked once, by its real path, and every other name of
   * it is left out with one line and counted as such.
   */
  @Test
  void aFileNamedAgainOrAlsoInANamedDirectoryIsCheckedOnce() throws IOException {
    Path file = logs.resolve("a.txt");
    Path roundabout = logs.resolve("..").resolve("logs").resolve("a.txt");
    Path link = Files.createSymbolicLink(temp.resolve("link.txt"), file);

    CliRun run =
        CliRun.of(
            "check",
            logs.toString(),
            file.toString(),
            roundabout.toString(),
            link.toString(),
            logs.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out())
        .containsOnlyOnce(file + ":3: error PASS_WITHOUT_USER")
        .doesNotContain(roundabout + ":3:")
        .doesNotContain(link + ":3:");
    assertThat(lastLine(run.out()))
        .startsWith("1 session(s) in 1 input(s): 2 error(s), 1 warning(s)")
        .endsWith(" 4 input(s) left out, each named on standard error with why.");
    assertThat(run.err().lines())
        .containsExactly(
            "ftpseq: left out " + file + ": named more than once; each file is checked once",
            "ftpseq: left out " + roundabout + ": the same file as " + file + ", which is checked",
            "ftpseq: left out " + link + ": the same file as " + file + ", which is checked",
            "ftpseq: left out " + file + ": named more than once; each file is checked once");
  }

  /**
   * A file named before the directory that holds it keeps its name; the directory's is left out.
   */
  @Test
  void aFileNamedBeforeItsDirectoryIsCheckedByTheNameGivenFirst() throws IOException {
    Files.copy(Path.of(BAD), logs.resolve("b.txt"));
    Path roundabout = logs.resolve(".").resolve("b.txt");

    CliRun run = CliRun.of("check", roundabout.toString(), logs.toString());

    assertThat(run.out())
        .contains(roundabout + ":3: error PASS_WITHOUT_USER")
        .contains(logs.resolve("a.txt") + ":3: error PASS_WITHOUT_USER")
        .doesNotContain(logs.resolve("b.txt") + ":3:")
        .contains("2 session(s) in 2 input(s)");
    assertThat(run.err())
        .isEqualTo(
            "ftpseq: left out "
                + logs.resolve("b.txt")
                + ": the same file as "
                + roundabout
                + ", which is checked"
                + System.lineSeparator());
  }

  /**
   * A hard link is the same file under another real path: a directory that held one, or a file
   * named beside its hard link, checked it (and counted its sessions) twice.
   */
  @Test
  void aHardLinkIsTheSameFileAndIsCheckedOnce() throws IOException {
    Path file = logs.resolve("a.txt");
    Path hard = Files.createLink(logs.resolve("hard.txt"), file);
    Path outside = Files.createLink(temp.resolve("outside.txt"), file);
    Path linkToHard = Files.createSymbolicLink(temp.resolve("to-hard.txt"), hard);

    CliRun inDirectory = CliRun.of("check", logs.toString());
    CliRun named = CliRun.of("check", outside.toString(), logs.toString(), linkToHard.toString());

    assertThat(inDirectory.out())
        .containsOnlyOnce(":3: error PASS_WITHOUT_USER")
        .contains(file + ":3: error PASS_WITHOUT_USER");
    assertThat(lastLine(inDirectory.out()))
        .startsWith("1 session(s) in 1 input(s)")
        .endsWith(" 1 input(s) left out, each named on standard error with why.");
    assertThat(inDirectory.err())
        .isEqualTo(
            "ftpseq: left out "
                + hard
                + ": the same file as "
                + file
                + ", which is checked"
                + System.lineSeparator());
    assertThat(named.out())
        .containsOnlyOnce(":3: error PASS_WITHOUT_USER")
        .contains(outside + ":3: error PASS_WITHOUT_USER");
    assertThat(named.err().lines())
        .containsExactly(
            "ftpseq: left out " + file + ": the same file as " + outside + ", which is checked",
            "ftpseq: left out " + hard + ": the same file as " + outside + ", which is checked",
            "ftpseq: left out "
                + linkToHard
                + ": the same file as "
                + outside
                + ", which is checked");
  }

  @Test
  void aDirectoryOfNothingButAFifoChecksNothingAndSaysSo() throws IOException {
    assumeLinux();
    Path only = Files.createDirectories(temp.resolve("only"));
    mkfifo(only.resolve("pipe"));

    CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.of("check", only.toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out())
        .contains(only + ": problem: the directory holds no files to check, only names left out");
  }

  @Test
  void fifoNamedOnTheCommandLineIsRead() throws IOException {
    assumeLinux();
    for (String report : new String[] {"text", "html"}) {
      Path fifo = mkfifo(temp.resolve("pipe-" + report));
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> feed(fifo));

      CliRun run =
          assertTimeoutPreemptively(
              BOUND, () -> CliRun.of("check", "--report", report, fifo.toString()));

      try {
        // the writer may still be closing after the check read it all: wait for it, as opening
        // the FIFO once it is gone would wait for a writer that never comes (a CI run hung here)
        writer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        try (var unblock = Files.newInputStream(fifo)) {
          unblock.readAllBytes(); // the check did not read it: let the writer end
        }
        writer.join();
      } catch (InterruptedException | ExecutionException e) {
        throw new AssertionError("the writer of " + fifo + " failed", e);
      }
      assertThat(run.exitCode())
          .as(report + ": " + run.out() + run.err())
          .isEqualTo(ExitCodes.FINDINGS);
      assertThat(run.out()).as(report).contains("PASS_WITHOUT_USER");
    }
  }

  /**
   * A FIFO named with no writer yet waited without a word, and the run looked hung. After a few
   * seconds one line on standard error names it; the FIFO is still read when a writer comes, and
   * standard output holds the report alone.
   */
  @Test
  @Execution(ExecutionMode.CONCURRENT) // waits for its late writer beside the others
  void fifoWithNoWriterYetIsNamedOnceOnStandardErrorAndStillRead() throws Exception {
    assumeLinux();
    Path fifo = mkfifo(temp.resolve("pipe"));

    CliRun run = withLateWriter(fifo, "check", fifo.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).contains(fifo + ":3: error PASS_WITHOUT_USER").doesNotContain("waiting");
    assertThat(run.err().lines())
        .containsExactly(
            "ftpseq: waiting for "
                + fifo
                + ", a FIFO (named pipe): nothing has come from it for 3 s; it is read as soon as"
                + " something writes to it");
  }

  /**
   * The notice names the FIFO as every other line on standard error names an input: an escape
   * sequence or a line feed in its name is shown escaped, in check and in simulate.
   */
  @Test
  @Execution(ExecutionMode.CONCURRENT) // waits for its late writer beside the others
  void theNoticeShowsAFifosNameEscaped() throws Exception {
    assumeLinux();
    Path fifo = mkfifo(temp.resolve("a\u001b[2Jb\nftpseq: forged"));
    Path script = mkfifo(temp.resolve("s\u001b[2Jt"));

    CliRun check = withLateWriter(fifo, "check", fifo.toString());
    CliRun simulate = withLateWriter(script, "simulate", "--profile", "vsftpd", script.toString());

    assertThat(check.err().lines())
        .as(check.err())
        .singleElement(as(STRING))
        .startsWith("ftpseq: waiting for " + temp + "/a\\x1b[2Jb\\x0aftpseq: forged, a FIFO");
    assertThat(simulate.err().lines())
        .as(simulate.err())
        .singleElement(as(STRING))
        .startsWith("ftpseq simulate: waiting for " + temp + "/s\\x1b[2Jt, a FIFO");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT) // waits for its late writer beside the others
  void quietSaysNothingWhileAFifoWaitsForItsWriter() throws Exception {
    assumeLinux();
    Path fifo = mkfifo(temp.resolve("pipe"));

    CliRun run = withLateWriter(fifo, "check", "--quiet", fifo.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.err()).isEmpty();
  }

  /** Standard input on a terminal, or from a program that has not written yet, waits the same. */
  @Test
  void standardInputThatGivesNothingYetIsNamedOnceOnStandardError() throws Exception {
    InputStream original = System.in;
    PipedOutputStream writer = new PipedOutputStream();
    ExecutorService threads = daemons();
    try (PipedInputStream stdin = new PipedInputStream(writer)) {
      System.setIn(stdin);
      Future<CliRun> check = threads.submit(() -> CliRun.of("check", "-"));
      Future<?> late =
          threads.submit(
              () -> {
                Thread.sleep(LATE.toMillis());
                try (writer) {
                  writer.write(Files.readAllBytes(Path.of(BAD)));
                }
                return null;
              });

      CliRun run = check.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      late.get(BOUND.toSeconds(), TimeUnit.SECONDS);

      assertThat(run.out()).contains("-:3: error PASS_WITHOUT_USER");
      assertThat(run.err().lines())
          .containsExactly(
              "ftpseq: waiting for standard input: nothing has come from it for 3 s; it is read as"
                  + " soon as something writes to it");
    } finally {
      System.setIn(original);
      threads.shutdownNow();
    }
  }

  /**
   * Found with the FIFO above: simulate read a FIFO through a channel and failed (Illegal seek).
   */
  @Test
  @Execution(ExecutionMode.CONCURRENT) // waits for its late writer beside the others
  void simulateReadsAFifoAndSaysWhileItWaits() throws Exception {
    assumeLinux();
    Path fifo = mkfifo(temp.resolve("script"));

    CliRun run = withLateWriter(fifo, "simulate", "--profile", "vsftpd", fifo.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("RNFR required first");
    assertThat(run.err().lines())
        .containsExactly(
            "ftpseq simulate: waiting for "
                + fifo
                + ", a FIFO (named pipe): nothing has come from it for 3 s; it is read as soon"
                + " as something writes to it");
  }

  @Test
  void socketNamedOnTheCommandLineIsOneProblem() throws IOException {
    Path address = temp.resolve("socket");
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(address));
      assumeLinux();

      CliRun run = CliRun.of("check", address.toString(), BAD);

      assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
      assertThat(run.out())
          .contains(address + ": problem: a socket, which cannot be read as a file")
          .contains("PASS_WITHOUT_USER");
    }
  }

  /**
   * Runs the command line while a writer opens the FIFO only after the wait notice's patience, and
   * returns the run. Nothing here waits longer than {@link #BOUND}: a thread left blocked on the
   * FIFO is a daemon, which cannot keep the test run alive.
   */
  private static CliRun withLateWriter(Path fifo, String... args) throws Exception {
    ExecutorService threads = daemons();
    try {
      Future<CliRun> check = threads.submit(() -> CliRun.of(args));
      Future<?> writer =
          threads.submit(
              () -> {
                Thread.sleep(LATE.toMillis());
                feed(fifo);
                return null;
              });
      CliRun run = check.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      writer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      return run;
    } finally {
      threads.shutdownNow();
    }
  }

  /** Two threads that cannot keep the test run alive when one is left blocked on a FIFO. */
  private static ExecutorService daemons() {
    return Executors.newFixedThreadPool(
        2,
        task -> {
          Thread thread = new Thread(task, "InputKindsTest");
          thread.setDaemon(true);
          return thread;
        });
  }

  private static String lastLine(String text) {
    return text.lines().reduce((first, second) -> second).orElse("");
  }

  private static void assumeLinux() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "FIFOs made with mkfifo");
  }

  private static Path mkfifo(Path path) throws IOException {
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      assertThat(mkfifo.waitFor()).as("mkfifo " + path).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return path;
  }

  /** Writes the transcript into the FIFO; opening it waits for the check to open it too. */
  private static void feed(Path fifo) {
    try (OutputStream out = Files.newOutputStream(fifo)) {
      out.write(Files.readAllBytes(Path.of(BAD)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
