package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.explain.Explainer;
import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A note on an input as a whole (here the lines of other programs passed over in a shared syslog
 * file) is shown by every report that lists the inputs' problems, in the run's language, where the
 * report's readers look: a list under the Markdown table, a list in the HTML overview, a SARIF
 * notification of level {@code note}, the {@code <system-out>} of the input's JUnit testcase and a
 * GitHub {@code ::notice} on the file.
 */
class InputNotesInEveryReportTest {

  @TempDir Path dir;
  private Path log;

  @BeforeEach
  void sharedSyslog() throws IOException {
    String vsftpd = "Nov 22 10:00:00 host vsftpd[101]: ";
    log = dir.resolve("syslog");
    Files.writeString(
        log,
        String.join(
            "\n",
            vsftpd + "CONNECT: Client \"127.0.0.1\"",
            "Nov 22 10:00:01 host CRON[1234]: (root) CMD (run-parts /etc/cron.hourly)",
            vsftpd + "FTP response: Client \"127.0.0.1\", \"220 Welcome\"",
            "Nov 22 10:00:01 host kernel: [ 1234.567890] eth0: link up",
            vsftpd + "FTP command: Client \"127.0.0.1\", \"QUIT\"",
            vsftpd + "FTP response: Client \"127.0.0.1\", \"221 Goodbye\"",
            "Nov 22 10:00:02 host systemd[1]: Started Session 5 of user root.",
            ""));
  }

  static Stream<Arguments> reportsAndLanguages() {
    List<Arguments> rows = new ArrayList<>();
    for (String report : List.of("markdown", "html", "sarif", "junit", "github")) {
      for (String language : List.of("en", "fr", "ja")) {
        rows.add(Arguments.of(report, language));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("reportsAndLanguages")
  void theNoteIsShownInTheRunsLanguage(String report, String language) throws Exception {
    Explainer explainer = Explainer.forLocale(Locale.forLanguageTag(language));
    String note = explainer.say(Phrase.of("note.input.otherPrograms", 3L, "CRON, kernel, systemd"));
    String noteLine = explainer.text("report.inputNote", log.toString(), note);

    CliRun run = CliRun.of("check", "--lang", language, "--report", report, log.toString());

    assertThat(run.err()).isEmpty();
    switch (report) {
      case "markdown" ->
          assertThat(run.out().lines().map(l -> l.replace("\\", "")))
              .as(run.out())
              .contains("- " + noteLine);
      case "html" ->
          assertThat(run.out().replace("&#39;", "'"))
              .contains("<ul class=\"input-notes\"><li>" + noteLine + "</li></ul>")
              .contains(explainer.text("html.overview.inputNotes"));
      case "sarif" -> {
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        JsonNode notifications =
            sarif.at("/runs/0/invocations/0/toolExecutionNotifications").get(0);
        assertThat(notifications.path("level").asText()).isEqualTo("note");
        assertThat(notifications.at("/message/text").asText()).isEqualTo(note);
        assertThat(notifications.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
            .endsWith("/syslog");
      }
      case "junit" -> {
        Document xml =
            DocumentBuilderFactory.newDefaultInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(run.out())));
        NodeList out = xml.getElementsByTagName("system-out");
        assertThat(out.getLength()).as(run.out()).isEqualTo(1);
        assertThat(out.item(0).getTextContent()).isEqualTo(noteLine + "\n");
        assertThat(out.item(0).getParentNode().getAttributes().getNamedItem("classname"))
            .hasToString("classname=\"ftpseq.input\"");
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("0");
      }
      case "github" ->
          assertThat(run.out().lines())
              .as(run.out())
              .containsExactly(
                  // neither the path nor the note holds a character a workflow command escapes
                  "::notice file=" + log + ",title=ftpseq::" + note);
      default -> throw new IllegalArgumentException(report);
    }
  }
}
