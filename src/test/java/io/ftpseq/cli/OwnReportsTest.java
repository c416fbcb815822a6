package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.explain.Explainer;
import io.ftpseq.listing.OwnReports;
import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report written into a checked directory is left out when the directory is checked again: the
 * same command run twice gives the same result. It used to be read as a transcript (exit 3), and
 * refused as an output that is also an input (exit 2).
 */
class OwnReportsTest {

  private static final List<String> FORMATS =
      List.of("text", "json", "junit", "sarif", "github", "markdown", "html");

  @TempDir Path temp;

  @Test
  void theSameCheckRunTwiceIntoItsOwnDirectoryGivesTheSameResult() throws IOException {
    for (String language : List.of("en", "fr", "ja")) {
      for (String format : FORMATS) {
        Path logs = Files.createDirectories(temp.resolve(language + "-" + format));
        Files.copy(Path.of("samples/dialogue/bad-order.txt"), logs.resolve("bad-order.txt"));
        Path report = logs.resolve("ftpseq-report.out");
        String[] check = {
          "check", "--lang", language, logs.toString(), "--report", format, "-o", report.toString()
        };

        CliRun first = CliRun.of(check);
        String written = Files.readString(report);
        CliRun second = CliRun.of(check);

        String what = language + " " + format + ": " + second.err();
        assertThat(first.exitCode()).as(what).isEqualTo(ExitCodes.FINDINGS);
        assertThat(second.exitCode()).as(what).isEqualTo(ExitCodes.FINDINGS);
        // said in the run's language: "left out" in English, "laissée de côté" in French
        Explainer explainer =
            Explainer.forLocale(
                language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language));
        assertThat(second.err())
            .as(what)
            .isEqualTo(
                "ftpseq: "
                    + explainer.text(
                        "input.leftOut",
                        report.toString(),
                        explainer.say(Phrase.of("input.ownReport", format)))
                    + System.lineSeparator());
        if (language.equals("en")) {
          assertThat(second.err())
              .isEqualTo(
                  "ftpseq: left out "
                      + report
                      + ": a report ftpseq wrote ("
                      + format
                      + "); name the file to check it"
                      + System.lineSeparator());
        }
        assertThat(Files.readString(report)).as(what).isEqualTo(written);
      }
    }
  }

  /**
   * Log rotation compresses old reports ({@code report.json.1.gz}, or without the suffix): ftpseq
   * reads gzip inputs, so they were read back as transcripts (exit 3); they are left out too.
   */
  @Test
  void aReportCompressedByLogRotationIsLeftOutToo() throws IOException {
    for (String format : FORMATS) {
      Path logs = Files.createDirectories(temp.resolve("rotated-" + format));
      Files.copy(Path.of("samples/dialogue/bad-order.txt"), logs.resolve("bad-order.txt"));
      Path report = logs.resolve("report." + format);
      CliRun written =
          CliRun.of("check", logs.toString(), "--report", format, "-o", report.toString());
      assertThat(written.exitCode()).as(format).isEqualTo(ExitCodes.FINDINGS);
      Path gz = gzip(report, logs.resolve("report." + format + ".1.gz"));
      Path unsuffixed = gzip(report, logs.resolve("report." + format + ".2"));
      Files.delete(report);

      CliRun run = CliRun.of("check", logs.toString());

      String what = format + ": " + run.out() + run.err();
      assertThat(run.exitCode()).as(what).isEqualTo(ExitCodes.FINDINGS);
      assertThat(run.out()).as(what).contains("1 session(s) in 1 input(s)");
      assertThat(run.err().lines())
          .as(what)
          .containsExactly(
              "ftpseq: left out "
                  + gz
                  + ": a report ftpseq wrote ("
                  + format
                  + "); name the file to check it",
              "ftpseq: left out "
                  + unsuffixed
                  + ": a report ftpseq wrote ("
                  + format
                  + "); name the file to check it");
    }
  }

  /**
   * A rotated text report is known by its last line only when its check has read it; a directory
   * that holds nothing else is still a directory with no file to check, and the report is still
   * left out, counted and said once.
   */
  @Test
  void aDirectoryOfOnlyARotatedTextReportChecksNothingAndSaysSo() throws IOException {
    Path logs = Files.createDirectories(temp.resolve("only-rotated"));
    Path report = temp.resolve("report.txt");
    CliRun.of("check", "samples/dialogue/bad-order.txt", "-o", report.toString());
    Path gz = gzip(report, logs.resolve("report.txt.1.gz"));

    CliRun run = CliRun.of("check", logs.toString());

    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out())
        .contains(
            logs + ": problem: the directory holds no files to check, only ftpseq's own output")
        .contains("0 session(s) in 1 input(s)")
        .contains(" 1 input(s) left out, each named on standard error with why.");
    assertThat(run.err())
        .isEqualTo(
            "ftpseq: left out "
                + gz
                + ": a report ftpseq wrote (text); name the file to check it"
                + System.lineSeparator());
  }

  /** A gzip-compressed transcript is still checked: only reports are left out. */
  @Test
  void aCompressedTranscriptIsStillChecked() throws IOException {
    Path logs = Files.createDirectories(temp.resolve("compressed"));
    gzip(Path.of("samples/dialogue/bad-order.txt"), logs.resolve("bad-order.txt.gz"));
    CliRun run = CliRun.of("check", logs.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("bad-order.txt.gz:3: error PASS_WITHOUT_USER");
  }

  /**
   * Telling a rotated log from a rotated report read each gzip file to its end for its last line,
   * so every compressed log in a checked directory was decompressed twice. A log its head shows to
   * be one is now known from its head. Measured by the bytes this process reads (Linux counts them
   * in {@code /proc/self/io}), so the test does not depend on the machine's speed.
   */
  @Test
  void aCompressedLogIsKnownFromItsHeadNotReadToItsEnd() throws IOException {
    Path io = Path.of("/proc/self/io");
    assumeTrue(Files.isReadable(io), "Linux counts the bytes a process reads");
    Path log = temp.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 16 << 20);
    Path gz = gzip(log, temp.resolve("vsftpd.log.1.gz"));
    long compressed = Files.size(gz);
    assertThat(OwnReports.kind(gz)).isEmpty(); // loads the classes, whose reading would count

    long before = bytesRead(io);
    assertThat(OwnReports.kind(gz)).isEmpty();
    long read = bytesRead(io) - before;

    assertThat(read).as("bytes read of a %d-byte gzip file", compressed).isLessThan(compressed / 4);
  }

  /**
   * A compressed log whose first 4 KB no reader knows (here a banner longer than that) was
   * decompressed twice: to its end for its last line, in case it was a rotated text report, and
   * again to be checked. It is now decompressed once, by its check, which looks at its last line
   * when it is there. Measured, as above, by the bytes this process reads during a whole check.
   */
  @Test
  void aCompressedLogWhoseHeadNoReaderKnowsIsDecompressedOnce() throws IOException {
    Path io = Path.of("/proc/self/io");
    assumeTrue(Files.isReadable(io), "Linux counts the bytes a process reads");
    Path warmUp = bannerLog(Files.createDirectories(temp.resolve("warm-up")), 64 << 10);
    Path gz = bannerLog(Files.createDirectories(temp.resolve("logs")), 8 << 20);
    long compressed = Files.size(gz);
    Path report = temp.resolve("report.json");
    CliRun first = check(warmUp.getParent(), report); // loads the classes, whose reading counts
    assertThat(first.err()).as(first.out()).isEmpty();

    long before = bytesRead(io);
    CliRun run = check(gz.getParent(), report);
    long read = bytesRead(io) - before;

    assertThat(run.err()).isEmpty();
    long sessions =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(report.toFile())
            .path("summary")
            .path("sessions")
            .asLong();
    assertThat(sessions).as("sessions checked").isPositive();
    assertThat(read)
        .as("bytes read to check a %d-byte gzip file", compressed)
        .isLessThan(compressed * 3 / 2);
  }

  /**
   * A vsftpd log of about {@code bytes} after a banner line longer than 4 KB, gzipped in {@code
   * dir}.
   */
  private Path bannerLog(Path dir, long bytes) throws IOException {
    Path log = Files.createTempFile(temp, "vsftpd", ".log");
    LogGenerator.vsftpd(log, bytes);
    Path gz = dir.resolve("vsftpd.log.1.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(("# " + "=".repeat(5000) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Files.copy(log, out);
    }
    return gz;
  }

  private static CliRun check(Path dir, Path report) {
    return CliRun.of(
        "check", "--threads", "1", "--report", "json", "-o", report.toString(), dir.toString());
  }

  private static long bytesRead(Path io) throws IOException {
    for (String line : Files.readAllLines(io)) {
      if (line.startsWith("rchar:")) {
        return Long.parseLong(line.substring("rchar:".length()).strip());
      }
    }
    throw new IllegalStateException("no rchar in " + io);
  }

  private static Path gzip(Path from, Path to) throws IOException {
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(to))) {
      Files.copy(from, out);
    }
    return to;
  }

  @Test
  void aReportNamedItselfIsStillChecked() throws IOException {
    Path report = temp.resolve("report.json");
    CliRun.of(
        "check", "samples/dialogue/bad-order.txt", "--report", "json", "-o", report.toString());
    CliRun named = CliRun.of("check", report.toString());
    assertThat(named.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(named.out()).contains(report + ": problem: not an FTP transcript");
  }

  @Test
  void aDirectoryOfReportsAloneChecksNothingAndSaysSo() throws IOException {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    CliRun.of(
        "check",
        "samples/dialogue/bad-order.txt",
        "--report",
        "text",
        "-o",
        logs.resolve("report.txt").toString());
    assertThat(logs.resolve("report.txt")).isNotEmptyFile();
    CliRun run = CliRun.of("check", logs.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out())
        .contains(
            logs + ": problem: the directory holds no files to check, only ftpseq's own output");
  }

  /**
   * {@code ftpseq check logs/ > logs/out.txt}: the shell makes the file, empty, before the run, so
   * it was read as an empty input (exit 3) on every run; it is this run's own output, left out.
   */
  @Test
  void theFileTheShellMadeForThisRunsOutputIsLeftOut() throws Exception {
    Path logs = Files.createDirectories(temp.resolve("redirected"));
    Files.copy(Path.of("samples/dialogue/bad-order.txt"), logs.resolve("bad-order.txt"));
    Path out = logs.resolve("out.txt");
    for (int run = 1; run <= 2; run++) {
      Process check =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "check",
                  logs.toString())
              .redirectOutput(out.toFile())
              .redirectError(temp.resolve("err.txt").toFile())
              .start();
      assertThat(check.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      String err = Files.readString(temp.resolve("err.txt"));
      assertThat(check.exitValue()).as("run " + run + ": " + err).isEqualTo(ExitCodes.FINDINGS);
      assertThat(err)
          .isEqualTo(
              "ftpseq: left out "
                  + out
                  + ": this run's standard output (the shell made it before the run)"
                  + System.lineSeparator());
      assertThat(Files.readString(out)).contains("PASS_WITHOUT_USER").doesNotContain("out.txt");
    }
  }

  /**
   * Files that only look like a report in part are not taken for one, so they are checked, and an
   * -o onto one is still refused as an input: a capture whose last packet carries a report's
   * summary line, a transcript that opens with a "## ftpseq" comment, a user's JSON with
   * "sessions". The first version of this took them, and an -o then wrote over them.
   */
  @Test
  void aFileThatOnlyPartlyLooksLikeAReportIsNoReport() throws IOException {
    String summary =
        "3 session(s) in 2 input(s): 1 error(s), 0 warning(s), 0 info, 0 problem(s). 9 line(s)"
            + " read, 0 of them unreadable.\n";
    Path capture = temp.resolve("capture.pcap");
    byte[] pcap = Files.readAllBytes(Path.of("samples/pcap/apache-ftpserver-out-of-order.pcap"));
    Files.write(capture, pcap);
    Files.writeString(capture, summary, java.nio.file.StandardOpenOption.APPEND);
    Path markdownLike = temp.resolve("md.txt");
    Files.writeString(
        markdownLike, "## ftpseq\n" + Files.readString(Path.of("samples/dialogue/bad-order.txt")));
    Path json = temp.resolve("sessions.json");
    Files.writeString(json, "{\n  \"sessions\" : [ {\n    \"id\" : 1\n  } ]\n}\n");

    for (Path file : List.of(capture, markdownLike, json)) {
      assertThat(OwnReports.kind(file)).as(file.toString()).isEmpty();
    }
    CliRun overwrite =
        CliRun.of("check", temp.toString(), "--report", "json", "-o", json.toString());
    assertThat(overwrite.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(overwrite.err()).contains("is an input of this run");
    assertThat(Files.readString(json)).contains("\"id\" : 1");
  }

  /** A report a stopped run left unfinished beside its place is ftpseq's too. */
  @Test
  void anUnfinishedReportIsLeftOut() throws IOException {
    Path logs = Files.createDirectories(temp.resolve("stopped"));
    Files.copy(Path.of("samples/dialogue/bad-order.txt"), logs.resolve("bad-order.txt"));
    Path partial = logs.resolve(".report.txt.1fbsy1qevik08.partial");
    Files.writeString(partial, "samples/x.txt:3: error PASS_WITHOUT_USER: PASS was sent");
    CliRun run = CliRun.of("check", logs.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.err())
        .isEqualTo(
            "ftpseq: left out "
                + partial
                + ": a report ftpseq wrote (unfinished); name the file to check it"
                + System.lineSeparator());
  }

  /** No transcript of any format, good or bad, is taken for a report. */
  @Test
  void noSampleOrCorpusTranscriptIsTakenForAReport() throws IOException {
    List<Path> roots = new ArrayList<>(List.of(Path.of("samples")));
    if (Files.isDirectory(Path.of("../shared/corpus"))) {
      roots.add(Path.of("../shared/corpus"));
    }
    int looked = 0;
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(OwnReports.kind(file)).as(file.toString()).isEmpty();
          looked++;
        }
      }
    }
    assertThat(looked).isGreaterThan(50);
  }
}
