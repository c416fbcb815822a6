package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.cli.CliRun;
import io.ftpseq.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job finds, finding for finding, what {@code ftpseq check} finds: over the samples and
 * the shared corpus (logs of every format, and packet captures), every finding, problem, note and
 * session row equals the command line's JSON report, field for field, in Parquet and in JSON Lines.
 */
@ExtendWith(LocalSparkSession.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkCheckTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path CORPUS = Path.of("../shared/corpus");

  /** Columns the rows add to the JSON report's fields. */
  private static final Set<String> ADDED =
      Set.of("input", "format", "profile", "client", "server", "day");

  /** The tables the job writes. */
  private static final List<String> TABLES =
      List.of("findings", "problems", "notes", "sessions", "inputs", "summary");

  @TempDir static Path output;
  private static List<String> inputs;
  private static CheckResult result;
  private static JsonNode report;

  @BeforeAll
  static void checkBoth(SparkSession spark) throws IOException {
    inputs = new ArrayList<>(List.of("samples"));
    if (Files.isDirectory(CORPUS)) {
      inputs.add(CORPUS.toString());
    }
    result = SparkCheck.run(spark, CheckOptions.of(inputs, output.toString()));
    Path json = output.resolve("cli.json");
    List<String> args =
        new ArrayList<>(List.of("check", "--report", "json", "-o", json.toString()));
    args.addAll(inputs);
    CliRun.of(args.toArray(String[]::new));
    report = MAPPER.readTree(json.toFile());
  }

  @Test
  void findingsEqualTheCommandLines() throws IOException {
    List<JsonNode> expected = new ArrayList<>();
    for (JsonNode session : report.get("sessions")) {
      for (JsonNode finding : session.get("findings")) {
        expected.add(located(finding, session));
      }
    }
    List<JsonNode> rows = rows("findings");
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows).anyMatch(r -> r.has("packet")).anyMatch(r -> r.has("line"));
  }

  @Test
  void problemsEqualTheCommandLines() throws IOException {
    List<JsonNode> expected = new ArrayList<>();
    for (JsonNode session : report.get("sessions")) {
      for (JsonNode problem : session.get("problems")) {
        expected.add(located(problem, session));
      }
    }
    report.get("inputProblems").forEach(expected::add);
    assertThat(rows("problems")).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
  }

  @Test
  void notesEqualTheCommandLines() throws IOException {
    List<JsonNode> expected = new ArrayList<>();
    for (JsonNode session : report.get("sessions")) {
      for (JsonNode note : session.get("notes")) {
        expected.add(located(note, session));
      }
    }
    assertThat(rows("notes")).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
  }

  @Test
  void sessionsEqualTheCommandLines() throws IOException {
    List<String> expected = new ArrayList<>();
    for (JsonNode s : report.get("sessions")) {
      expected.add(
          String.join(
              " | ",
              s.get("source").asText(),
              s.get("session").asText(),
              s.get("format").asText(),
              s.get("profile").asText(),
              s.get("start").asText(),
              s.get("commands").asText(),
              s.get("replies").asText()));
    }
    List<String> actual =
        jsonLines("sessions").stream()
            .map(
                r ->
                    String.join(
                        " | ",
                        r.get("input").asText(),
                        r.get("session").asText(),
                        r.get("format").asText(),
                        r.get("profile").asText(),
                        r.get("start").asText(),
                        r.get("commands").asText(),
                        r.get("replies").asText()))
            .toList();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void summaryLineIsTheCommandLines() throws IOException {
    List<String> args = new ArrayList<>(List.of("check"));
    args.addAll(inputs);
    String[] text = CliRun.of(args.toArray(String[]::new)).out().strip().split("\n", -1);
    String cliSummary = text[text.length - 1];
    assertThat(result.summary()).isEqualTo(cliSummary);
    assertThat(Files.readString(output.resolve("summary.txt"))).isEqualTo(cliSummary + "\n");
    assertThat(Files.readString(output.resolve("summary.md")))
        .startsWith("## ftpseq\n\n" + cliSummary + "\n")
        .contains("### By rule", "| `PASS_WITHOUT_USER` |", "### By server", "### By day");
  }

  /**
   * Same input, same output, whatever did the work: on one core instead of two, with all groups in
   * one task instead of eight, and other shuffle partitions, every table's JSON Lines are the same
   * bytes in the same order, and the summaries the same text. Last, since it moves the JVM's one
   * Spark context to another master.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void oneCoreOneTaskAndOtherPartitionsWriteTheSameRows(LocalSparkSession.Sessions sessions)
      throws IOException {
    SparkSession oneCore = sessions.on("local[1]");
    oneCore.conf().set("spark.sql.shuffle.partitions", "5");
    // small files, so every table of more than 40 rows is range-partitioned over several
    oneCore.conf().set(TableWriter.ROWS_PER_FILE, "40");
    Path again = output.resolve("one-core");
    CheckOptions oneTask =
        new CheckOptions(inputs, again.toString(), "rfc", Severity.ERROR, "en", null, true, 1);
    try {
      assertThat(SparkCheck.run(oneCore, oneTask)).isEqualTo(result);
    } finally {
      oneCore.conf().unset(TableWriter.ROWS_PER_FILE);
    }
    for (String table : TABLES) {
      assertThat(jsonText(again, table)).as(table).isEqualTo(jsonText(output, table)).isNotEmpty();
    }
    try (Stream<Path> parts = Files.list(again.resolve("sessions/jsonl"))) {
      assertThat(parts.filter(p -> p.getFileName().toString().startsWith("part-")))
          .as("sessions written in several files")
          .hasSizeGreaterThan(2);
    }
    for (String summary : List.of("summary.txt", "summary.md")) {
      assertThat(again.resolve(summary)).hasSameTextualContentAs(output.resolve(summary));
    }
  }

  @Test
  void parquetHoldsTheSameRowsAsJsonLines(SparkSession spark) throws IOException {
    for (String table : TABLES) {
      List<String> parquet =
          spark
              .read()
              .parquet(output.resolve(table).resolve("parquet").toString())
              .toJSON()
              .collectAsList();
      List<JsonNode> fromParquet = new ArrayList<>();
      for (String line : parquet) {
        fromParquet.add(withoutNulls((ObjectNode) MAPPER.readTree(line)));
      }
      assertThat(fromParquet).as(table).containsExactlyElementsOf(jsonLines(table));
    }
  }

  @Test
  void summaryCountsFindingsPerRuleServerClientAndDay() throws IOException {
    List<JsonNode> summary = jsonLines("summary");
    long findings = result.findings();
    for (String dimension : List.of("rule", "server")) {
      assertThat(
              summary.stream()
                  .filter(r -> r.get("dimension").asText().equals(dimension))
                  .mapToLong(r -> r.get("findings").asLong())
                  .sum())
          .as(dimension)
          .isEqualTo(findings);
    }
    assertThat(summary)
        .anyMatch(r -> r.get("dimension").asText().equals("client"))
        .anyMatch(r -> r.get("dimension").asText().equals("day"));
  }

  /** A table's JSON Lines as written: every file of it, in file name order. */
  private static String jsonText(Path under, String table) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path part : jsonParts(under, table)) {
      text.append(Files.readString(part));
    }
    return text.toString();
  }

  private static List<Path> jsonParts(Path under, String table) throws IOException {
    try (Stream<Path> files = Files.list(under.resolve(table).resolve("jsonl"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** A report entry with the source and session of its session, as rows carry them. */
  private static JsonNode located(JsonNode entry, JsonNode session) {
    ObjectNode node = ((ObjectNode) entry).deepCopy();
    node.put("source", session.get("source").asText());
    node.put("session", session.get("session").asText());
    if (node.get("related") instanceof ObjectNode related) {
      related.put("source", session.get("source").asText());
    }
    return withoutNulls(node);
  }

  /** The rows of a table as written in JSON Lines, without the added columns and empty values. */
  private static List<JsonNode> rows(String table) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode row : jsonLines(table)) {
      ObjectNode node = ((ObjectNode) row).deepCopy();
      node.remove(ADDED);
      rows.add(node);
    }
    return rows;
  }

  /** The rows of a table as written in JSON Lines, in file order, without null values. */
  private static List<JsonNode> jsonLines(String table) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (Path part : jsonParts(output, table)) {
      for (String line : Files.readAllLines(part)) {
        rows.add(withoutNulls((ObjectNode) MAPPER.readTree(line)));
      }
    }
    return rows;
  }

  private static ObjectNode withoutNulls(ObjectNode node) {
    List<String> empty = new ArrayList<>();
    node.properties()
        .forEach(
            e -> {
              if (e.getValue().isNull()) {
                empty.add(e.getKey());
              } else if (e.getValue().isObject()) {
                withoutNulls((ObjectNode) e.getValue());
              }
            });
    node.remove(empty);
    return node;
  }
}
