package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job's findings table lists the findings of {@code ftpseq check}, in the order its reports
 * list them (input by input as check reads them, session by session as they start, each session's
 * findings in turn), and its summary line is check's: over the samples and over a generated log of
 * many sessions whose lines interleave. The job sorted findings by file and line, then by session
 * and rule, so findings of one line, and of sessions that interleave, came in another order.
 */
@ExtendWith(LocalSparkSession.class)
class SameFindingsAsCheckTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"samples", "generated vsftpd log"})
  void findingsTheirOrderAndTheSummaryLineAreChecks(String inputs, SparkSession spark)
      throws IOException {
    String input = inputs;
    if (inputs.startsWith("generated")) {
      Path log = temp.resolve("in/vsftpd.log");
      Files.createDirectories(log.getParent());
      LogGenerator.vsftpd(log, 2L << 20);
      input = log.getParent().toString();
    }
    Path json = temp.resolve("check.json");
    CliRun.of("check", "--report", "json", "-o", json.toString(), input);
    CliRun text = CliRun.of("check", input);
    Path output = temp.resolve("out");

    CheckResult job = SparkCheck.run(spark, CheckOptions.of(List.of(input), output.toString()));

    List<String> expected = new ArrayList<>();
    for (JsonNode session : MAPPER.readTree(json.toFile()).get("sessions")) {
      for (JsonNode finding : session.get("findings")) {
        expected.add(
            String.join(
                " ",
                session.get("source").asText(),
                finding.path("line").asText(finding.path("packet").asText()),
                session.get("session").asText(),
                finding.get("rule").asText(),
                finding.get("message").asText()));
      }
    }
    List<String> rows = new ArrayList<>();
    try (Stream<Path> parts = Files.list(output.resolve("findings/jsonl"))) {
      for (Path part : parts.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (String line : Files.readAllLines(part)) {
          JsonNode row = MAPPER.readTree(line);
          rows.add(
              String.join(
                  " ",
                  row.get("source").asText(),
                  row.get("line").isNull() ? row.get("packet").asText() : row.get("line").asText(),
                  row.get("session").asText(),
                  row.get("rule").asText(),
                  row.get("message").asText()));
        }
      }
    }
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(rows).containsExactlyElementsOf(expected);
    assertThat(job.summary()).isEqualTo(text.out().lines().reduce((a, b) -> b).orElseThrow());
  }
}
