package io.ftpseq.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.explain.Explainer;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.rules.Unlisted;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The report for tools: one JSON document with every session, its findings, notes and problems, and
 * a summary. Positions are {@code "line": N}, the 1-based line of a text input, or {@code "packet":
 * N}, the 1-based packet (frame) number of a capture, with {@code "time"} (ISO 8601) when the input
 * gives one.
 */
public final class JsonReport implements ReportWriter {

  private static final ObjectMapper MAPPER = Json.MAPPER;

  private final Explainer explainer;

  /** A JSON report with texts in the explainer's language. */
  public JsonReport(Explainer explainer) {
    this.explainer = explainer;
  }

  @Override
  public void write(CheckRun run, Writer out) throws IOException {
    // written session by session: a run may hold more sessions than memory
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("sessions");
      for (SessionCheck session : run.sessions()) {
        json.writeTree(session(session));
      }
      json.writeEndArray();
      json.writeArrayFieldStart("inputProblems");
      for (Problem problem : run.inputProblems()) {
        ObjectNode node = MAPPER.createObjectNode().put("source", problem.source().file());
        if (problem.source().line() > 0) {
          Json.position(node, problem.source());
        }
        json.writeTree(node.put("message", problem.message()));
      }
      json.writeEndArray();
      json.writeArrayFieldStart("inputs");
      for (InputSummary input : run.inputs()) {
        json.writeTree(input(input));
      }
      json.writeEndArray();
      json.writeFieldName("summary");
      json.writeTree(summary(run));
      json.writeEndObject();
    }
    out.write("\n");
    out.flush();
  }

  private static ObjectNode summary(CheckRun run) {
    ObjectNode summary = MAPPER.createObjectNode();
    summary.put("inputs", run.inputCount());
    summary.put("sessions", run.sessionCount());
    summary.put("errors", run.count(Severity.ERROR));
    summary.put("warnings", run.count(Severity.WARNING));
    summary.put("infos", run.count(Severity.INFO));
    summary.put("problems", run.problemCount());
    for (Source.Unit unit : Source.Unit.values()) {
      long[] counts = run.lines(unit);
      if (counts[0] > 0 || unit == Source.Unit.LINE) {
        summary
            .putObject(unit == Source.Unit.LINE ? "lines" : "packets")
            .put("read", counts[0])
            .put("dialogue", counts[1])
            .put("skipped", counts[2])
            .put("problems", counts[3]);
      }
    }
    return summary;
  }

  /** What one input held: its format and how many of its lines were what. */
  private static ObjectNode input(InputSummary input) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("source", input.source());
    node.put("format", input.format());
    node.put("unit", input.unit() == Source.Unit.LINE ? "lines" : "packets");
    node.put("read", input.read());
    node.put("dialogue", input.dialogue());
    node.put("skipped", input.skipped());
    node.put("problems", input.problems());
    node.put("sessions", input.sessions());
    return node;
  }

  private ObjectNode session(SessionCheck session) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("source", session.source());
    node.put("session", session.session());
    node.put("format", session.format());
    node.put("profile", session.profile().name());
    if (session.profileBasis().isAuto()) {
      node.putObject("profileChoice")
          .put("by", session.profileBasis().kind().name().toLowerCase(Locale.ROOT))
          .put("evidence", session.profileBasis().evidence());
    }
    node.put("start", session.start() == SessionCheck.Start.COMPLETE ? "complete" : "mid-session");
    node.put("commands", session.commands());
    node.put("replies", session.replies());
    ArrayNode findings = node.putArray("findings");
    for (Finding finding : session.findings()) {
      findings.add(finding(finding, session));
    }
    if (!session.replyLog().isEmpty()) {
      ArrayNode replies = node.putArray("replyLog");
      for (ReplyReceived reply : session.replyLog()) {
        Json.position(replies.addObject(), reply.source())
            .put("code", reply.reply().code().value())
            .put("text", reply.reply().text())
            .put("class", explainer.category(reply.reply().code()))
            .put("meaning", explainer.standardText(reply.reply().code().value()));
      }
    }
    if (!session.unlisted().isEmpty()) {
      Unlisted unlisted = session.unlisted();
      node.putObject("unlisted")
          .put("errors", unlisted.errors())
          .put("warnings", unlisted.warnings())
          .put("infos", unlisted.infos())
          .put("problems", unlisted.problems())
          .put("notes", unlisted.notes())
          .put("steps", unlisted.steps());
    }
    ArrayNode problems = node.putArray("problems");
    for (Problem problem : session.problems()) {
      Json.position(problems.addObject(), problem.source()).put("message", problem.message());
    }
    ArrayNode notes = node.putArray("notes");
    for (Note note : session.notes()) {
      Json.position(notes.addObject(), note.source())
          .put("kind", note.kind().name())
          .put("text", explainer.note(note.kind()))
          .put("detail", note.detail());
    }
    return node;
  }

  private ObjectNode finding(Finding finding, SessionCheck session) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rule", finding.rule().name());
    node.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
    Json.position(node, finding.source());
    node.put("command", finding.command() == null ? null : finding.command().text());
    Reply reply = finding.reply();
    if (reply == null) {
      node.putNull("reply");
    } else {
      node.putObject("reply")
          .put("code", reply.code().value())
          .put("text", reply.text())
          .put("class", explainer.category(reply.code()))
          .put("meaning", explainer.standardText(reply.code().value()));
    }
    if (finding.context() == null) {
      node.putNull("related");
    } else {
      Json.position(node.putObject("related"), finding.contextSource())
          .put("command", finding.context().text());
    }
    node.put("message", explainer.message(finding, session.profile()));
    node.put("explanation", explainer.explanation(finding.rule()));
    node.put("fix", explainer.fix(finding.rule()));
    node.put("reference", finding.rule().reference());
    return node;
  }
}
