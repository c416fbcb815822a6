package io.ftpseq.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;

/**
 * A SARIF 2.1.0 log for code scanning: the rules table as {@code tool.driver.rules}, a result per
 * finding located at its file and line, and a tool notification per unreadable input or line.
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
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode sarifRun = root.putArray("runs").addObject();
    ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
    driver.put("name", "ftpseq");
    driver.put("version", version);
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : Rule.values()) {
      rules.add(rule(rule));
    }
    ArrayNode results = sarifRun.putArray("results");
    for (SessionCheck session : run.sessions()) {
      for (Finding finding : session.findings()) {
        results.add(result(finding, session));
      }
    }
    ArrayNode notifications =
        sarifRun
            .putArray("invocations")
            .addObject()
            .put("executionSuccessful", true)
            .putArray("toolExecutionNotifications");
    for (Problem problem : run.inputProblems()) {
      notifications.add(notification(problem));
    }
    for (SessionCheck session : run.sessions()) {
      session.problems().forEach(p -> notifications.add(notification(p)));
    }
    MAPPER.writeValue(out, root);
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
    node.put("ruleIndex", finding.rule().ordinal());
    node.put("level", level(finding.severity()));
    String message = explainer.message(finding, session.profile());
    node.putObject("message").put("text", Locations.text(explainer, finding.source(), message));
    node.putArray("locations").add(location(finding.source()));
    return node;
  }

  private ObjectNode notification(Problem problem) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("level", "error");
    node.putObject("message")
        .put("text", Locations.text(explainer, problem.source(), problem.message()));
    node.putArray("locations").add(location(problem.source()));
    return node;
  }

  private static ObjectNode location(Source source) {
    ObjectNode location = MAPPER.createObjectNode();
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", source.file().replace('\\', '/'));
    long line = Locations.line(source);
    if (line > 0) {
      physical.putObject("region").put("startLine", line);
    }
    return location;
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
