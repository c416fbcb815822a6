package io.ftpseq.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.FileNames;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A SARIF 2.1.0 log for code scanning: the rules table as {@code tool.driver.rules}, a result per
 * finding located at its file and line, and a tool execution notification per unreadable input or
 * line (an error), per input left out on purpose (a warning) and per note on an input (a note).
 */
public final class SarifReport implements ReportWriter {

  private static final ObjectMapper MAPPER = Json.MAPPER;

  private final Explainer explainer;
  private final String version;

  /** A SARIF report naming the given ftpseq version. */
  public SarifReport(Explainer explainer, String version) {
    this.explainer = explainer;
    this.version = version;
  }

  @Override
  public void write(CheckRun run, Writer out) throws IOException {
    // written as it goes: a run's results are as many as its findings
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      ObjectNode driver = MAPPER.createObjectNode().put("name", "ftpseq").put("version", version);
      ArrayNode rules = driver.putArray("rules");
      for (Rule rule : Rule.values()) {
        rules.add(rule(rule));
      }
      json.writeFieldName("driver");
      json.writeTree(driver);
      json.writeEndObject();
      json.writeArrayFieldStart("results");
      for (SessionCheck session : run.sessions()) {
        for (Finding finding : session.findings()) {
          json.writeTree(result(finding, session));
        }
      }
      json.writeEndArray();
      json.writeArrayFieldStart("invocations");
      json.writeStartObject();
      json.writeBooleanField("executionSuccessful", true);
      json.writeArrayFieldStart("toolExecutionNotifications");
      for (Problem problem : run.inputProblems()) {
        json.writeTree(notification(problem));
      }
      for (CheckRun.LeftOut input : run.leftOut()) {
        json.writeTree(leftOut(input));
      }
      for (CheckRun.InputNote note : run.inputNotes()) {
        json.writeTree(inputNote(note));
      }
      for (SessionCheck session : run.sessions()) {
        for (Problem problem : session.problems()) {
          json.writeTree(notification(problem));
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write("\n");
    out.flush();
  }

  private ObjectNode rule(Rule rule) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", rule.name());
    node.putObject("shortDescription").put("text", explainer.title(rule));
    node.putObject("fullDescription").put("text", explainer.explanation(rule));
    node.putObject("help").put("text", explainer.fix(rule));
    node.putObject("defaultConfiguration").put("level", level(rule.severity()));
    node.putObject("properties").put("reference", rule.reference());
    return node;
  }

  private ObjectNode result(Finding finding, SessionCheck session) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ruleId", finding.rule().name());
    // the driver's rules are listed in declaration order (Rule.values()), so the ordinal is the
    // index
    @SuppressWarnings("EnumOrdinal")
    int ruleIndex = finding.rule().ordinal();
    node.put("ruleIndex", ruleIndex);
    node.put("level", level(finding.severity()));
    String message = explainer.message(finding, session.profile());
    node.putObject("message")
        .put("text", text(Locations.text(explainer, finding.source(), message)));
    node.putArray("locations").add(location(finding.source()));
    return node;
  }

  private ObjectNode notification(Problem problem) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("level", "error");
    node.putObject("message")
        .put("text", text(Locations.text(explainer, problem.source(), explainer.problem(problem))));
    node.putArray("locations").add(location(problem.source()));
    return node;
  }

  /**
   * A message as code scanning shows it to people: every unsafe character (a control character, a
   * bidirectional override) shown as its visible escape, as the other reports for people show it.
   */
  private static String text(String message) {
    return UnsafeCharacters.oneLine(message);
  }

  /** A warning that an input was left out on purpose, located at the input. */
  private ObjectNode leftOut(CheckRun.LeftOut input) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("level", "warning");
    node.putObject("message")
        .put("text", text(explainer.text("report.leftOut", explainer.say(input.why()))));
    node.putArray("locations").add(location(new Source(input.input(), 0)));
    return node;
  }

  /**
   * A note on an input as a whole (the lines of other programs passed over in a shared syslog
   * file), located at the input: a notification of level {@code note}, beside the input's problems,
   * as it is about what was read, not a result about the transcript.
   */
  private ObjectNode inputNote(CheckRun.InputNote note) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("level", "note");
    node.putObject("message").put("text", text(explainer.say(note.note())));
    node.putArray("locations").add(location(new Source(note.source(), 0)));
    return node;
  }

  private static ObjectNode location(Source source) {
    ObjectNode location = MAPPER.createObjectNode();
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(source.file()));
    long line = Locations.line(source);
    if (line > 0) {
      physical.putObject("region").put("startLine", line);
    }
    return location;
  }

  /**
   * The file as a SARIF URI reference (RFC 3986): a relative path stays relative, with its
   * separators as slashes and every character that is not allowed in a path percent-encoded (a
   * space, {@code #}, {@code ?}, {@code %}, non-ASCII letters), and so is a colon before the first
   * slash, which would make {@code 10:00.log} a URI of scheme {@code 10} (RFC 3986 §4.2).
   */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    StringBuilder uri = new StringBuilder();
    boolean firstSegment = true;
    for (byte b : FileNames.bytes(path)) { // a byte of the name that is no UTF-8 as it is
      int c = b & 0xff;
      firstSegment &= c != '/';
      if (c < 0x80
          && (Character.isLetterOrDigit(c) || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0)
          && !(c == ':' && firstSegment)) {
        uri.append((char) c);
      } else {
        uri.append(String.format(Locale.ROOT, "%%%02X", c));
      }
    }
    return uri.toString();
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
