package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.ftpseq.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The reports CI systems display: JUnit XML, SARIF, GitHub annotations and Markdown. */
class CiReportsTest {

  private static final String BAD = "samples/dialogue/bad-order.txt";
  private static final String QUIRKS = "samples/dialogue/server-quirks.txt";

  @TempDir Path temp;

  @Test
  void junitReportIsValidAndHasAFailurePerFinding() throws Exception {
    Path xml = temp.resolve("junit.xml");
    CliRun.of(
        "check",
        "--lang",
        "en",
        "--report",
        "junit",
        "-o",
        xml.toString(),
        BAD,
        QUIRKS,
        "missing.txt");
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(new StreamSource(resource("/schemas/junit-report.xsd")))
        .newValidator()
        .validate(new StreamSource(xml.toFile()));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("3");
    assertThat(Files.readString(xml)).contains("type=\"PASS_WITHOUT_USER\"");
  }

  @Test
  void sarifReportIsValidAgainstTheSarif210Schema() throws Exception {
    Path sarif = temp.resolve("out.sarif");
    CliRun.of(
        "check",
        "--lang",
        "en",
        "--report",
        "sarif",
        "-o",
        sarif.toString(),
        BAD,
        QUIRKS,
        "missing.txt");
    JsonSchema schema;
    try (InputStream in = resource("/schema/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    Set<ValidationMessage> errors = schema.validate(log);
    assertThat(errors).isEmpty();
    JsonNode run = log.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(Rule.values().length);
    assertThat(run.path("results")).hasSize(7);
    JsonNode first = run.path("results").get(0);
    assertThat(first.path("ruleId").asText()).isEqualTo("PASS_WITHOUT_USER");
    assertThat(
            first
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("region")
                .path("startLine")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void githubAnnotationsNameFileLineAndRule() {
    CliRun run = CliRun.of("check", "--lang", "en", "--report", "github", BAD);
    assertThat(run.out().lines())
        .contains(
            "::warning file=samples/dialogue/bad-order.txt,line=11,"
                + "title=TRANSFER_WITHOUT_DATA_CHANNEL::RETR report.csv was sent with no data"
                + " channel prepared; most servers answer 425 Can't open data connection.%0Afix:"
                + " Send PASV or EPSV (or PORT or EPRT) before every transfer command; each one"
                + " prepares a single transfer.");
    assertThat(run.out().lines()).allMatch(l -> l.startsWith("::"));
  }

  @Test
  void githubIsAddedAutomaticallyInGithubActions() {
    StringWriter out = new StringWriter();
    CheckCommand check = new CheckCommand();
    check.environment = Map.of("GITHUB_ACTIONS", "true");
    picocli.CommandLine cli = new picocli.CommandLine(check);
    cli.setOut(new PrintWriter(out));
    cli.execute("--lang", "en", BAD);
    assertThat(out.toString())
        .contains(BAD + ":3: error PASS_WITHOUT_USER")
        .contains("::error file=" + BAD + ",line=3,title=PASS_WITHOUT_USER::");
  }

  @Test
  void markdownSummaryHasASessionTableAndAFindingTable() {
    CliRun run = CliRun.of("check", "--lang", "en", "--report", "markdown", BAD);
    assertThat(run.out())
        .contains("| " + BAD + " | dialogue | rfc | complete | 2 | 1 | 0 | 0 |")
        .contains("| " + BAD + ":3 | error | `PASS_WITHOUT_USER` |");
  }

  @Test
  void severalReportsInOneRun() throws IOException {
    Path json = temp.resolve("r.json");
    Path xml = temp.resolve("r.xml");
    CliRun run =
        CliRun.of(
            "check",
            "--report",
            "text",
            "--report",
            "json",
            "-o",
            json.toString(),
            "--report",
            "junit",
            "--output",
            xml.toString(),
            BAD);
    assertThat(run.out()).contains("PASS_WITHOUT_USER");
    assertThat(Files.readString(json)).startsWith("{");
    assertThat(Files.readString(xml)).startsWith("<?xml");
    CliRun twoOnStdout = CliRun.of("check", "--report", "text", "--report", "json", BAD);
    assertThat(twoOnStdout.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  private static InputStream resource(String name) {
    InputStream in = CiReportsTest.class.getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
