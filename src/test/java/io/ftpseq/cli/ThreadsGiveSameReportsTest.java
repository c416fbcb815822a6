package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.benchmark.CaptureThroughput;
import io.ftpseq.benchmark.LogGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking on one thread or on several gives the same reports, byte for byte, in every machine
 * format, in text and in HTML (whose sessions drawn keep their steps as they end): over the samples
 * (every format the project reads, 46 files) and over generated multi-session server logs, whose
 * sessions end in an order unlike the order they started. A JSON report written alone, as the run
 * goes, is the same as one written after the run.
 */
class ThreadsGiveSameReportsTest {

  private static final List<String> FORMATS = List.of("text", "json", "junit", "sarif", "html");

  @TempDir Path reports;

  @Test
  void samplesGiveTheSameReportsOnOneThreadAndOnFour() throws IOException {
    Map<String, String> oneThread = reports("1", "samples");
    assertThat(reports("4", "samples")).isEqualTo(oneThread);
    assertThat(alone("json", "4", "samples")).isEqualTo(oneThread.get("json"));
    assertThat(alone("text", "4", "samples")).isEqualTo(oneThread.get("text"));
  }

  @Test
  void generatedServerLogsGiveTheSameReportsOnOneThreadAndOnThree(@TempDir Path logs)
      throws IOException {
    LogGenerator.vsftpd(logs.resolve("vsftpd-a.log"), 300_000);
    LogGenerator.vsftpd(logs.resolve("vsftpd-b.log"), 200_000);
    LogGenerator.zeek(logs.resolve("zeek.log"), 250_000);
    Map<String, String> oneThread = reports("1", logs.toString());
    assertThat(oneThread.get("json")).contains("RNTO_WITHOUT_RNFR");
    assertThat(reports("3", logs.toString())).isEqualTo(oneThread);
    for (String threads : List.of("1", "3")) {
      assertThat(alone("json", threads, logs.toString())).isEqualTo(oneThread.get("json"));
      assertThat(alone("text", threads, logs.toString())).isEqualTo(oneThread.get("text"));
    }
  }

  @Test
  void oneLogOrCaptureGivesTheSameReportsReadAloneOrWithItsSessionsJudgedOnOtherThreads(
      @TempDir Path inputs) throws IOException {
    Path log = inputs.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 400_000);
    Path capture = inputs.resolve("ftp.pcap");
    CaptureThroughput.generate(capture, 400_000);
    assertThat(reports("1", log.toString()).get("json")).contains("RNTO_WITHOUT_RNFR");
    for (Path input : List.of(log, capture)) {
      Map<String, String> oneThread = reports("1", input.toString());
      assertThat(oneThread.get("text"))
          .as(input.toString())
          .containsPattern("\\d{2,} session\\(s\\)");
      assertThat(reports("3", input.toString())).as(input.toString()).isEqualTo(oneThread);
      for (String format : List.of("json", "text")) {
        assertThat(alone(format, "3", input.toString()))
            .as(format + " " + input)
            .isEqualTo(oneThread.get(format));
      }
    }
  }

  /**
   * The report of a check that writes it alone, as the run goes (its sessions first), JSON or text:
   * the same as when it is written after the run, beside reports that need the whole run first.
   */
  private String alone(String format, String threads, String input) throws IOException {
    Path report = reports.resolve("alone-" + threads + "." + format);
    CliRun run =
        CliRun.of(
            "check",
            "--threads",
            threads,
            "--quiet",
            "--report",
            format,
            "-o",
            report.toString(),
            input);
    assertThat(run.err()).isEmpty();
    return Files.readString(report);
  }

  /** Runs a check with every report to a file, and returns each report's text by format. */
  private Map<String, String> reports(String threads, String input) throws IOException {
    Path folder = Files.createDirectories(reports.resolve("threads-" + threads));
    List<String> args = new ArrayList<>(List.of("check", "--threads", threads, "--quiet"));
    for (String format : FORMATS) {
      args.addAll(List.of("--report", format, "-o", folder.resolve(format).toString()));
    }
    args.add(input);
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.err()).isEmpty();
    Map<String, String> texts = new TreeMap<>();
    for (String format : FORMATS) {
      texts.put(format, Files.readString(folder.resolve(format)));
    }
    return texts;
  }
}
