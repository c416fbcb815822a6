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
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server log cut by rotation into {@code ftp.log.2.gz}, {@code ftp.log.1} and {@code ftp.log},
 * with sessions running across the cuts, gives the findings {@code ftpseq check} gives for the
 * uncut log: same rule, session and line, the line pointed into the file it is in.
 */
@ExtendWith(LocalSparkSession.class)
class RotatedLogsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "samples/vsftpd/log-ftp-protocol-two-sessions.log",
        "samples/proftpd/tracelog-two-sessions-interleaved.log",
        "samples/zeek/ftp-two-connections-handmade.log"
      })
  void rotatedLogIsCheckedAsTheWholeLog(String sample, SparkSession spark, @TempDir Path temp)
      throws IOException {
    List<String> lines = Files.readAllLines(Path.of(sample), StandardCharsets.ISO_8859_1);
    Path logs = Files.createDirectories(temp.resolve("logs"));
    int first = lines.size() / 3;
    int second = 2 * lines.size() / 3;
    write(logs.resolve("ftp.log.2.gz"), lines.subList(0, first), true);
    write(logs.resolve("ftp.log.1"), lines.subList(first, second), false);
    write(logs.resolve("ftp.log"), lines.subList(second, lines.size()), false);
    Map<String, Integer> offsets =
        Map.of(
            logs + "/ftp.log.2.gz", 0,
            logs + "/ftp.log.1", first,
            logs + "/ftp.log", second);

    CheckResult rotated =
        SparkCheck.run(spark, CheckOptions.of(List.of(logs.toString()), temp + "/out"));
    List<String> found = new ArrayList<>();
    for (Row row : spark.read().parquet(temp + "/out/findings/parquet").collectAsList()) {
      String source = row.getAs("source");
      assertThat(offsets).containsKey(source);
      assertThat((String) row.getAs("input")).isEqualTo(logs + "/ftp.log");
      long line = offsets.get(source) + (Long) row.getAs("line");
      found.add(row.getAs("rule") + " " + row.getAs("session") + " " + line);
    }

    JsonNode report = MAPPER.readTree(CliRun.of("check", "--report", "json", sample).out());
    List<String> expected = new ArrayList<>();
    for (JsonNode session : report.get("sessions")) {
      for (JsonNode finding : session.get("findings")) {
        expected.add(
            finding.get("rule").asText()
                + " "
                + session.get("session").asText()
                + " "
                + finding.get("line").asLong());
      }
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rotated.sessions()).isEqualTo(report.get("summary").get("sessions").asLong());
    assertThat(rotated.inputs()).isEqualTo(3);

    CheckOptions apart =
        new CheckOptions(
            List.of(logs.toString()), temp + "/apart", "rfc", null, "en", null, false, 0);
    CheckResult alone = SparkCheck.run(spark, apart);
    assertThat(List.of(alone.sessions(), alone.findings(), alone.problems(), alone.notes()))
        .as("checked file by file, the sessions across the cuts fall apart")
        .isNotEqualTo(
            List.of(rotated.sessions(), rotated.findings(), rotated.problems(), rotated.notes()));
  }

  private static void write(Path file, List<String> lines, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
      }
    }
  }
}
