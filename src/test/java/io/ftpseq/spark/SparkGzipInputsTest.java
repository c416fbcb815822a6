package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.cli.CliRun;
import io.ftpseq.rules.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gzip inputs are read by the job as {@code ftpseq check} reads them: a file that starts with
 * gzip's bytes is decompressed whatever its name (a rotated {@code x.log.1}), and a broken one is a
 * problem said in ftpseq's words, in the run's language. The job said the JDK's English ("Not in
 * GZIP format", "Unexpected end of ZLIB input stream") and read a gzip file not named .gz as
 * unreadable lines.
 */
@ExtendWith(LocalSparkSession.class)
class SparkGzipInputsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void brokenAndUnnamedGzipInputsAreSaidAsTheCommandLineSaysThem(String lang, SparkSession spark)
      throws IOException {
    Path in = Files.createDirectories(temp.resolve("in"));
    byte[] dialogue = Files.readAllBytes(Path.of("samples/dialogue/bad-order.txt"));
    byte[] gzipped = gzip(dialogue);
    Files.write(in.resolve("compressed.log.1"), gzipped);
    Files.write(in.resolve("cut.txt.gz"), Arrays.copyOf(gzipped, 60));
    Files.write(in.resolve("plain.txt.gz"), dialogue);
    Path output = temp.resolve("out");

    CheckResult result =
        SparkCheck.run(
            spark,
            new CheckOptions(
                List.of(in.toString()),
                output.toString(),
                "rfc",
                Severity.ERROR,
                lang,
                null,
                true,
                0));
    Path json = temp.resolve("cli.json");
    CliRun cli =
        CliRun.of(
            "check", "--lang", lang, "--report", "json", "-o", json.toString(), in.toString());

    List<String> expected = new ArrayList<>();
    for (JsonNode problem : MAPPER.readTree(json.toFile()).get("inputProblems")) {
      expected.add(problem.get("source").asText() + ": " + problem.get("message").asText());
    }
    List<String> rows = new ArrayList<>();
    for (JsonNode row : rows(output.resolve("problems/jsonl"))) {
      rows.add(row.get("source").asText() + ": " + row.get("message").asText());
    }
    // the cut file gave 3 bytes, the start of its first line: one problem, the break (its start
    // was read as a line too, "not an FTP transcript")
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected).hasSize(2);
    List<String> text = CliRun.of("check", "--lang", lang, in.toString()).out().lines().toList();
    assertThat(result.summary()).isEqualTo(text.get(text.size() - 1));
    assertThat(cli.exitCode()).isEqualTo(SparkCheck.EXIT_INPUT);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private static List<JsonNode> rows(Path table) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> parts = Files.list(table)) {
      for (Path part : parts.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (String line : Files.readAllLines(part)) {
          rows.add(MAPPER.readTree(line));
        }
      }
    }
    return rows;
  }
}
