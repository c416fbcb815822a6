package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/spark-tables.md documents every field the job writes: for each table, the fields of the
 * Parquet files a run writes and the page's rows agree, name by name, in order, with their types,
 * and every JSON Lines row has the same fields; so neither can change without the other.
 */
@ExtendWith(LocalSparkSession.class)
class SparkTablesDocTest {

  private static final Path DOC = Path.of("docs/spark-tables.md");

  /** A field's row: {@code | `reply.code` | int | ... |}. */
  private static final Pattern FIELD = Pattern.compile("^\\| `([a-z_A-Z.]+)` \\| ([a-z<>]+) \\|");

  @TempDir static Path temp;

  private static Path output;

  /** One run for every test: the tables' fields do not depend on which test reads them. */
  @BeforeAll
  static void runTheJob(SparkSession spark) {
    output = temp.resolve("out");
    StringWriter err = new StringWriter();
    // every sample: rows in every table, so that each has JSON Lines to read
    int code =
        SparkCheck.run(
            new String[] {"--output", output.toString(), "--fail-on", "never", "samples/"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isIn(SparkCheck.EXIT_OK, SparkCheck.EXIT_INPUT);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"findings", "problems", "notes", "sessions", "inputs", "summary"})
  void documentedFieldsAreTheWrittenOnes(String table, SparkSession spark) throws IOException {
    StructType written =
        spark.read().parquet(output.resolve(table + "/parquet").toString()).schema();

    assertThat(fields(written, ""))
        .as("docs/spark-tables.md, ## `%s`", table)
        .containsExactlyEntriesOf(documented(table));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"findings", "problems", "notes", "sessions", "inputs", "summary"})
  void jsonLinesHaveEveryFieldOfTheParquet(String table, SparkSession spark) throws IOException {
    List<String> parquet =
        List.of(spark.read().parquet(output.resolve(table + "/parquet").toString()).columns());
    Path jsonl = output.resolve(table + "/jsonl");
    try (var files = Files.list(jsonl)) {
      Path part =
          files
              .filter(f -> f.getFileName().toString().startsWith("part-"))
              .findFirst()
              .orElseThrow();
      String first = Files.readAllLines(part, StandardCharsets.UTF_8).get(0);
      List<String> keys = new ArrayList<>();
      new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(first)
          .fieldNames()
          .forEachRemaining(keys::add);
      assertThat(keys).containsExactlyElementsOf(parquet);
    }
  }

  @Test
  void theFieldTheReadmeLeftOutIsDocumented() throws IOException {
    assertThat(documented("findings")).containsEntry("reply.notFromServer", "boolean");
    assertThat(Files.readString(Path.of("README.md"))).contains("docs/spark-tables.md");
  }

  /** The fields of a schema, nested ones as {@code parent.field}, each with its type. */
  private static Map<String, String> fields(StructType schema, String prefix) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (StructField field : schema.fields()) {
      String name = prefix + field.name();
      if (field.dataType() instanceof StructType nested) {
        fields.put(name, "struct");
        fields.putAll(fields(nested, name + "."));
      } else {
        fields.put(name, field.dataType().simpleString());
      }
    }
    return fields;
  }

  /** The fields the page lists under a table's heading, in order, each with its type. */
  private static Map<String, String> documented(String table) throws IOException {
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    int start = lines.indexOf("## `" + table + "`");
    assertThat(start).as("a heading ## `%s` in %s", table, DOC).isNotNegative();
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher field = FIELD.matcher(line);
      if (field.find()) {
        assertThat(fields.put(field.group(1), field.group(2))).as("%s twice", line).isNull();
      }
    }
    return fields;
  }
}
