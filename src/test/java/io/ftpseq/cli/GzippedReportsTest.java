package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A report named {@code NAME.gz} is gzip-compressed, as check reads such a file: it was the plain
 * report under a name that says gzip, which gunzip and zcat refuse.
 */
class GzippedReportsTest {

  private static final String INPUT = "samples/dialogue/bad-order.txt";

  @TempDir Path temp;

  private static String gunzipped(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  /** Every format, each alone (JSON alone is written as the run goes, the others after it). */
  @ParameterizedTest
  @EnumSource(CheckCommand.ReportFormat.class)
  void everyReportNamedDotGzIsItsReportGzipped(CheckCommand.ReportFormat format) throws Exception {
    Path plain = temp.resolve("plain." + format);
    Path gzipped = temp.resolve("r." + format + ".gz");

    CliRun.of("check", "--report", format.name(), "-o", plain.toString(), INPUT);
    CliRun run = CliRun.of("check", "--report", format.name(), "-o", gzipped.toString(), INPUT);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(gunzipped(gzipped))
        .contains("PASS_WITHOUT_USER")
        .isEqualTo(Files.readString(plain, UTF_8));
  }

  @Test
  void anOutputAloneNamedJsonGzIsAGzippedJsonReport() throws Exception {
    Path report = temp.resolve("R.JSON.GZ");

    CliRun run = CliRun.of("check", "-o", report.toString(), INPUT);

    assertThat(run.err()).isEmpty();
    assertThat(
            new ObjectMapper().readTree(gunzipped(report)).get("summary").get("sessions").asInt())
        .isEqualTo(1);
  }

  /** A JSON report written as the run goes beside one written after it: both gzipped whole. */
  @Test
  void reportsWrittenAsTheRunGoesAndAfterItAreBothGzipped() throws Exception {
    Path json = temp.resolve("r.json.gz");
    Path sarif = temp.resolve("r.sarif.gz");
    Path text = temp.resolve("r.txt");

    for (String[] other : new String[][] {{"sarif", sarif.toString()}, {"text", text.toString()}}) {
      CliRun run =
          CliRun.of(
              "check",
              "--report",
              "json",
              "-o",
              json.toString(),
              "--report",
              other[0],
              "-o",
              other[1],
              INPUT);
      assertThat(run.err()).isEmpty();
      assertThat(new ObjectMapper().readTree(gunzipped(json)).get("sessions").size()).isEqualTo(1);
    }
    assertThat(new ObjectMapper().readTree(gunzipped(sarif)).get("runs").size()).isEqualTo(1);
    assertThat(Files.readString(text, UTF_8)).contains("PASS_WITHOUT_USER"); // not gzipped
  }
}
