package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a terminal, where the progress line is drawn ({@link Progress#forTerminal}: {@code
 * System.console()}, so standard input and output are the terminal), a report on standard output
 * shows each session as it is judged, as it does when redirected, and the progress line is cleared
 * for it and drawn again below it, never left inside a line of the report. The terminal is a real
 * pseudo-terminal ({@code script}), the input a FIFO that a slow writer keeps open.
 */
class ProgressLineTest {

  private static final Path LOG = Path.of("samples/vsftpd/log-ftp-protocol-two-sessions.log");

  /** The progress line as it is drawn for an input of unknown size (a FIFO). */
  private static final Pattern PROGRESS =
      Pattern.compile("ftpseq: [0-9.]+ MB, [0-9,]+ sessions, [0-9,]+ findings");

  @TempDir Path dir;

  @ParameterizedTest(name = "--report {0}")
  @ValueSource(strings = {"text", "json"})
  void sessionsAppearAsTheyAreJudgedAboveTheProgressLine(String report) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no script(1) here");
    Path fifo = dir.resolve("live.log");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String run =
        String.join(
            " ",
            quoted(java),
            "-Dftpseq.jvm=here",
            "-cp",
            quoted(System.getProperty("java.class.path")),
            Main.class.getName(),
            "check",
            "--report",
            report,
            quoted(fifo.toString()));
    ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", run, "/dev/null");
    Map<String, String> environment = builder.environment();
    environment.remove("CI"); // the progress line is never drawn in CI
    environment.remove("GITHUB_ACTIONS");
    Process process = builder.redirectErrorStream(true).start();
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    Thread reader = copying(process.getInputStream(), terminal);
    AtomicBoolean inputEnds = new AtomicBoolean();
    Thread writer = feeding(fifo, inputEnds);
    try {
      // a session's finding and the progress line, both while the input still has more to come
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      boolean seenWhileOpen = false;
      while (!seenWhileOpen && writer.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        String shown = text(terminal);
        seenWhileOpen = shown.contains("PASS_WITHOUT_USER") && PROGRESS.matcher(shown).find();
      }
      boolean inputWasOpen = writer.isAlive();
      inputEnds.set(true);
      writer.join(10_000);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ended by itself").isTrue();
      reader.join(10_000);

      assertThat(seenWhileOpen && inputWasOpen)
          .as(
              "a finding and the progress line were shown before the input ended:%n%s",
              text(terminal))
          .isTrue();
      for (String line : visibleLines(text(terminal))) {
        if (line.contains("ftpseq: ") && PROGRESS.matcher(line).find()) {
          assertThat(line).as("a line with the progress line in it").matches(PROGRESS);
        }
      }
      assertThat(process.exitValue())
          .as("script -e gives the run's exit code")
          .isEqualTo(ExitCodes.FINDINGS);
    } finally {
      inputEnds.set(true);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      writer.join(10_000);
    }
  }

  /**
   * The line that says an input gives nothing yet (a FIFO with no writer) is written above the
   * progress line, as the report is, never inside it: two FIFOs are checked at once, the first fed
   * slowly so that the progress line is drawn, the second with no writer until well after its
   * notice.
   */
  @org.junit.jupiter.api.Test
  void theNoticeOfAnInputThatWaitsIsWrittenAboveTheProgressLine() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no script(1) here");
    Path fed = dir.resolve("live.log");
    Path late = dir.resolve("late.log");
    for (Path fifo : List.of(fed, late)) {
      Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
      assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String run =
        String.join(
            " ",
            quoted(java),
            "-Dftpseq.jvm=here",
            "-cp",
            quoted(System.getProperty("java.class.path")),
            Main.class.getName(),
            "check",
            "--threads",
            "2",
            "--report",
            "text",
            quoted(fed.toString()),
            quoted(late.toString()));
    ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", run, "/dev/null");
    builder.environment().remove("CI");
    builder.environment().remove("GITHUB_ACTIONS");
    Process process = builder.redirectErrorStream(true).start();
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    Thread reader = copying(process.getInputStream(), terminal);
    AtomicBoolean inputEnds = new AtomicBoolean();
    Thread writer = feeding(fed, inputEnds);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!text(terminal).contains("waiting for") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(1_000); // the progress line drawn again after the notice
      Files.write(late, Files.readAllBytes(LOG)); // the second FIFO's writer comes, and goes
      inputEnds.set(true);
      writer.join(10_000);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ended by itself").isTrue();
      reader.join(10_000);

      String shown = text(terminal);
      assertThat(PROGRESS.matcher(shown).find())
          .as("the progress line was drawn:%n%s", shown)
          .isTrue();
      List<String> notices =
          visibleLines(shown).stream().filter(l -> l.contains("waiting for")).toList();
      assertThat(notices).as(shown).hasSize(1);
      assertThat(notices.get(0)).as(shown).startsWith("ftpseq: waiting for " + late);
    } finally {
      inputEnds.set(true);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      writer.join(10_000);
    }
  }

  /**
   * The lines as the terminal shows them: each line is what follows its last carriage return (the
   * progress line is drawn after {@code \r}), with the erase-line sequence taken out.
   */
  private static List<String> visibleLines(String terminal) {
    List<String> lines = new ArrayList<>();
    for (String line : terminal.replace("\033[K", "").split("\n", -1)) {
      String shown = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      lines.add(shown.substring(shown.lastIndexOf('\r') + 1));
    }
    return lines;
  }

  /** Writes a copy of the log into the FIFO every 150 ms until told the input ends, or 15 s. */
  private static Thread feeding(Path fifo, AtomicBoolean ends) {
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                byte[] log = Files.readAllBytes(LOG);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (!ends.get() && System.nanoTime() < until) {
                  out.write(log);
                  out.flush();
                  Thread.sleep(150);
                }
              } catch (IOException e) {
                // the run ended first
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "progress-line-test-input");
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  private static Thread copying(InputStream in, ByteArrayOutputStream into) {
    Thread reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  synchronized (into) {
                    into.write(buffer, 0, n);
                  }
                }
              } catch (IOException e) {
                // the terminal closed
              }
            },
            "progress-line-test-terminal");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private static String text(ByteArrayOutputStream terminal) {
    synchronized (terminal) {
      return terminal.toString(UTF_8);
    }
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
