package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A CI system that shows only the JUnit, SARIF or GitHub report shows every input the run did not
 * read: each input left out on purpose (a link to a directory, a file named twice) with why, each
 * input that could not be read, and each line that could not be.
 */
class LeftOutInCiReportsTest {

  private static final String UP = "a symbolic link to a directory, not followed";
  private static final String TWICE = "named more than once; each file is checked once";

  @TempDir Path temp;
  private Path logs;
  private Path good;
  private String[] inputs;

  @BeforeEach
  void logs() throws Exception {
    logs = Files.createDirectories(temp.resolve("logs"));
    good = Files.writeString(logs.resolve("a.txt"), "S: 220 hi\nC: RNTO x\nS: 503 no\nS: 2\n");
    Files.writeString(logs.resolve("b.txt"), "hello\nnot ftp\n");
    Files.createSymbolicLink(logs.resolve("c-up"), Path.of(".."));
    inputs = new String[] {logs.toString(), good.toString(), temp.resolve("missing").toString()};
  }

  @Test
  void junitHasASkippedTestcasePerInputLeftOutAndAnErrorPerInputOrLineNotRead() throws Exception {
    CliRun run = check("junit");

    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(new StreamSource(resource("/schemas/junit-report.xsd")))
        .newValidator()
        .validate(new StreamSource(new StringReader(run.out())));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(run.out())));
    List<String> skipped = messages(doc.getElementsByTagName("skipped"));
    assertThat(skipped).hasSize(2);
    assertThat(skipped.get(0)).isEqualTo("left out: " + UP + "; name it to check it");
    assertThat(skipped.get(1)).isEqualTo("left out: " + TWICE);
    assertThat(messages(doc.getElementsByTagName("error")))
        .hasSize(3)
        .anyMatch(m -> m.contains("no such file or directory"))
        .anyMatch(m -> m.startsWith("not an FTP transcript"))
        .anyMatch(m -> m.contains(":4: reply code is not three digits"));
    assertThat(run.out())
        .contains("<testsuite name=\"" + logs.resolve("c-up") + "\" tests=\"1\"")
        .contains("<testsuite name=\"" + good + "\" tests=\"1\" failures=\"0\" errors=\"0\"");
  }

  @Test
  void sarifHasAWarningNotificationPerInputLeftOut() throws Exception {
    CliRun run = check("sarif");

    JsonNode log = new ObjectMapper().readTree(run.out());
    JsonSchema schema;
    try (InputStream in = resource("/schema/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    assertThat(schema.validate(log)).isEmpty();
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode notification :
        log.path("runs").get(0).path("invocations").get(0).path("toolExecutionNotifications")) {
      String uri =
          notification
              .path("locations")
              .get(0)
              .path("physicalLocation")
              .path("artifactLocation")
              .path("uri")
              .asText();
      String text = uri + " " + notification.path("message").path("text").asText();
      (notification.path("level").asText().equals("warning") ? warnings : errors).add(text);
    }
    assertThat(warnings)
        .containsExactly(
            logs.resolve("c-up") + " left out: " + UP + "; name it to check it",
            good + " left out: " + TWICE);
    assertThat(errors).hasSize(3);
  }

  @Test
  void githubHasAWarningPerInputLeftOutInTheRunsLanguage() {
    CliRun run = check("github");
    CliRun french = CliRun.of(args("github", "--lang", "fr"));

    assertThat(run.out().lines())
        .contains("::warning file=" + good + ",title=ftpseq::left out: " + TWICE)
        .anyMatch(l -> l.startsWith("::warning file=" + logs.resolve("c-up") + ",title=ftpseq::"))
        .anyMatch(l -> l.startsWith("::error file=" + temp.resolve("missing") + ","))
        .anyMatch(l -> l.startsWith("::error file=" + logs.resolve("b.txt") + ","))
        .anyMatch(l -> l.startsWith("::error file=" + good + ",line=4,"));
    assertThat(french.out().lines())
        .contains(
            "::warning file="
                + good
                + ",title=ftpseq::laissée de côté\u00a0: nommé plus d’une fois\u00a0;"
                + " chaque fichier n’est vérifié qu’une fois");
  }

  @Test
  void jsonNamesEachInputLeftOutWithWhy() throws Exception {
    JsonNode report = new ObjectMapper().readTree(check("json").out());

    assertThat(report.path("summary").path("leftOut").asInt()).isEqualTo(2);
    assertThat(report.path("leftOut")).hasSize(2);
    assertThat(report.path("leftOut").get(1).path("source").asText()).isEqualTo(good.toString());
    assertThat(report.path("leftOut").get(1).path("why").asText()).isEqualTo(TWICE);
  }

  private CliRun check(String format) {
    CliRun run = CliRun.of(args(format));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err().lines()).hasSize(2);
    return run;
  }

  private String[] args(String format, String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--report", format));
    args.addAll(List.of(more));
    args.addAll(List.of(inputs));
    return args.toArray(String[]::new);
  }

  private static List<String> messages(NodeList elements) {
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < elements.getLength(); i++) {
      messages.add(((Element) elements.item(i)).getAttribute("message"));
    }
    return messages;
  }

  private static InputStream resource(String name) {
    InputStream in = LeftOutInCiReportsTest.class.getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
