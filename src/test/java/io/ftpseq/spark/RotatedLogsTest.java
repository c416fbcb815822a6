package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server logs cut by rotation into {@code ftp.log.2.gz}, {@code ftp.log.1} and {@code ftp.log},
 * with sessions running across the cuts, give the findings {@code ftpseq check} gives for the uncut
 * logs: same rule, session and line, the line pointed into the file it is in.
 */
@ExtendWith(LocalSparkSession.class)
class RotatedLogsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final List<String> SAMPLES =
      List.of(
          "samples/vsftpd/log-ftp-protocol-two-sessions.log",
          "samples/proftpd/tracelog-two-sessions-interleaved.log",
          "samples/zeek/ftp-two-connections-handmade.log");

  @TempDir Path temp;

  /** Where each rotated file starts in its uncut log: the line before its first. */
  private final Map<String, Integer> offsets = new HashMap<>();

  /** The uncut log each rotated file was cut from. */
  private final Map<String, String> origins = new HashMap<>();

  @Test
  void rotatedLogsAreCheckedAsTheWholeLogs(SparkSession spark) throws IOException {
    List<String> expected = new ArrayList<>();
    long sessions = 0;
    long problems = 0;
    for (String sample : SAMPLES) {
      rotate(sample, Files.createDirectories(temp.resolve("logs").resolve(sample)));
      JsonNode report = MAPPER.readTree(CliRun.of("check", "--report", "json", sample).out());
      for (JsonNode session : report.get("sessions")) {
        for (JsonNode finding : session.get("findings")) {
          expected.add(
              String.join(
                  " ",
                  sample,
                  finding.get("rule").asText(),
                  session.get("session").asText(),
                  finding.get("line").asText(),
                  finding.path("related").path("line").asText("-")));
        }
      }
      sessions += report.get("summary").get("sessions").asLong();
      problems += report.get("summary").get("problems").asLong();
    }
    // a server whose older log cannot be opened (not gzip) and whose current log is empty: each
    // file a problem, as the command line counts them, and the group still read
    Path broken = Files.createDirectories(temp.resolve("logs").resolve("broken"));
    Files.writeString(broken.resolve("ftp.log.1.gz"), "not gzip\n");
    Files.writeString(broken.resolve("ftp.log"), "");
    CliRun brokenByCli = CliRun.of("check", "--report", "json", broken.toString());
    JsonNode brokenSummary = MAPPER.readTree(brokenByCli.out()).get("summary");

    String logs = temp.resolve("logs").toString();
    CheckResult rotated = SparkCheck.run(spark, CheckOptions.of(List.of(logs), temp + "/out"));
    List<String> found = new ArrayList<>();
    int relocated = 0;
    for (Row row : spark.read().parquet(temp + "/out/findings/parquet").collectAsList()) {
      String source = row.getAs("source");
      assertThat(offsets).containsKey(source);
      assertThat(row.<String>getAs("input")).isEqualTo(source.replaceFirst("\\.(1|2\\.gz)$", ""));
      long line = offsets.get(source) + row.<Long>getAs("line");
      String relatedLine = "-";
      Row related = row.getAs("related");
      if (related != null) {
        String relatedSource = related.getAs("source");
        long inItsFile = related.<Long>getAs("line");
        relatedLine = "" + (offsets.get(relatedSource) + inItsFile);
        // the message names the related command's place as the row does, in its own file
        String place =
            relatedSource.equals(source)
                ? "line " + inItsFile + ")"
                : "line " + inItsFile + " of " + Path.of(relatedSource).getFileName() + ")";
        assertThat(row.<String>getAs("message")).contains(place);
        relocated += offsets.get(relatedSource) > 0 ? 1 : 0;
      }
      found.add(
          String.join(
              " ",
              origins.get(source),
              row.getAs("rule"),
              row.getAs("session"),
              "" + line,
              relatedLine));
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
    assertThat(relocated).as("related commands past the first cut").isPositive();
    assertThat(rotated.sessions()).isEqualTo(sessions);
    assertThat(brokenSummary.get("inputs").asLong()).isEqualTo(2);
    assertThat(brokenSummary.get("problems").asLong()).isEqualTo(2);
    assertThat(rotated.inputs()).isEqualTo(3L * SAMPLES.size() + 2);
    assertThat(rotated.problems()).isEqualTo(problems + 2);
    assertThat(Files.readString(Path.of(temp + "/out/summary.txt")))
        .startsWith(rotated.summary())
        .contains(" in " + (3 * SAMPLES.size() + 2) + " input(s)");

    CheckOptions apart =
        new CheckOptions(List.of(logs), temp + "/apart", "rfc", null, "en", null, false, 0);
    CheckResult alone = SparkCheck.run(spark, apart);
    assertThat(List.of(alone.sessions(), alone.findings(), alone.problems(), alone.notes()))
        .as("checked file by file, the sessions across the cuts fall apart")
        .isNotEqualTo(
            List.of(rotated.sessions(), rotated.findings(), rotated.problems(), rotated.notes()));
  }

  /** Cuts a log in three generations, the oldest compressed. */
  private void rotate(String sample, Path directory) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(sample), StandardCharsets.ISO_8859_1);
    int first = lines.size() / 3;
    int second = 2 * lines.size() / 3;
    write(directory, "ftp.log.2.gz", lines.subList(0, first), 0, sample);
    write(directory, "ftp.log.1", lines.subList(first, second), first, sample);
    write(directory, "ftp.log", lines.subList(second, lines.size()), second, sample);
  }

  private void write(Path directory, String name, List<String> lines, int offset, String sample)
      throws IOException {
    Path file = directory.resolve(name);
    offsets.put(file.toString(), offset);
    origins.put(file.toString(), sample);
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
      }
    }
  }
}
