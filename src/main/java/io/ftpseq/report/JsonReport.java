package io.ftpseq.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The report for tools: one JSON document with every session, its findings, notes and problems, and
 * a summary. Positions are {@code "line": N}, the 1-based line of a text input, or {@code "packet":
 * N}, the 1-based packet (frame) number of a capture, with {@code "time"} (ISO 8601) when the input
 * gives one.
 */
public final class JsonReport implements StreamedReport {

  private static final ObjectMapper MAPPER = Json.MAPPER;

  private final Explainer explainer;
  private final Set<Detail> details;
  private final RepeatedTexts repeated = new RepeatedTexts();

  /** A JSON report with texts in the explainer's language; the reply log when steps were kept. */
  public JsonReport(Explainer explainer) {
    this(explainer, EnumSet.of(Detail.REPLY_LOG));
  }

  /**
   * A JSON report that also shows the given details of the kept steps: {@code "replyLog"}, and
   * {@code "exchanges"} with each command's predicted and real reply.
   */
  public JsonReport(Explainer explainer, Set<Detail> details) {
    this.explainer = explainer;
    this.details = Set.copyOf(details);
  }

  @Override
  public Sessions start(Writer out) throws IOException {
    // written session by session: a run may hold more sessions than memory
    JsonGenerator json = MAPPER.getFactory().createGenerator(out);
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeArrayFieldStart("sessions");
    return new Sessions() {
      @Override
      public void session(SessionCheck session) throws IOException {
        JsonReport.this.session(session, json);
      }

      @Override
      public void flush() throws IOException {
        json.flush(); // Jackson's generator flushes the writer beneath it too
      }

      @Override
      public void end(CheckRun run) throws IOException {
        try (json) {
          json.writeEndArray();
          rest(run, json);
          json.writeEndObject();
        }
        out.write("\n");
        out.flush();
      }
    };
  }

  /**
   * Everything after the sessions: the inputs' problems, those left out, the inputs, the summary.
   */
  private void rest(CheckRun run, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("inputProblems");
    for (Problem problem : run.inputProblems()) {
      json.writeStartObject();
      json.writeStringField("source", problem.source().file());
      if (problem.source().line() > 0) {
        Json.position(json, problem.source());
      }
      json.writeStringField("message", explainer.problem(problem));
      json.writeEndObject();
    }
    json.writeEndArray();
    if (!run.inputNotes().isEmpty()) {
      json.writeArrayFieldStart("inputNotes");
      for (CheckRun.InputNote note : run.inputNotes()) {
        json.writeStartObject();
        json.writeStringField("source", note.source());
        json.writeStringField("message", explainer.say(note.note()));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (run.leftOutCount() > 0) {
      json.writeArrayFieldStart("leftOut");
      for (CheckRun.LeftOut input : run.leftOut()) {
        json.writeStartObject();
        json.writeStringField("source", input.input());
        json.writeStringField("why", explainer.say(input.why()));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeArrayFieldStart("inputs");
    for (InputSummary input : run.inputs()) {
      json.writeTree(input(input));
    }
    json.writeEndArray();
    json.writeFieldName("summary");
    json.writeTree(summary(run));
  }

  private static ObjectNode summary(CheckRun run) {
    ObjectNode summary = MAPPER.createObjectNode();
    summary.put("inputs", run.inputCount());
    summary.put("sessions", run.sessionCount());
    summary.put("errors", run.count(Severity.ERROR));
    summary.put("warnings", run.count(Severity.WARNING));
    summary.put("infos", run.count(Severity.INFO));
    summary.put("problems", run.problemCount());
    if (run.leftOutCount() > 0) {
      summary.put("leftOut", run.leftOutCount()); // inputs found but not checked, on purpose
    }
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

  /**
   * Writes one session straight to the output, field by field: a run may hold millions of sessions,
   * and a tree per session (then walked to be written) cost as much as the writing.
   */
  private void session(SessionCheck session, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("source", session.source());
    json.writeStringField("session", session.session());
    json.writeStringField("format", session.format());
    json.writeStringField("profile", session.profile().name());
    if (session.profileBasis().isAuto()) {
      json.writeObjectFieldStart("profileChoice");
      json.writeStringField("by", session.profileBasis().kind().name().toLowerCase(Locale.ROOT));
      json.writeStringField("evidence", session.profileBasis().evidence());
      json.writeEndObject();
    }
    json.writeStringField(
        "start", session.start() == SessionCheck.Start.COMPLETE ? "complete" : "mid-session");
    json.writeNumberField("commands", session.commands());
    json.writeNumberField("replies", session.replies());
    json.writeArrayFieldStart("findings");
    for (Finding finding : session.findings()) {
      finding(finding, session, json);
    }
    json.writeEndArray();
    if (details.contains(Detail.PREDICTIONS) && !session.steps().isEmpty()) {
      PredictedExchanges.json(session, json);
    }
    if (details.contains(Detail.REPLY_LOG) && !session.replyLog().isEmpty()) {
      json.writeArrayFieldStart("replyLog");
      for (ReplyReceived reply : session.replyLog()) {
        json.writeStartObject();
        Json.position(json, reply.source());
        reply(reply.reply(), json);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (!session.unlisted().isEmpty()) {
      Unlisted unlisted = session.unlisted();
      json.writeObjectFieldStart("unlisted");
      json.writeNumberField("errors", unlisted.errors());
      json.writeNumberField("warnings", unlisted.warnings());
      json.writeNumberField("infos", unlisted.infos());
      json.writeNumberField("problems", unlisted.problems());
      json.writeNumberField("notes", unlisted.notes());
      json.writeNumberField("steps", unlisted.steps());
      json.writeEndObject();
    }
    json.writeArrayFieldStart("problems");
    for (Problem problem : session.problems()) {
      json.writeStartObject();
      Json.position(json, problem.source());
      json.writeStringField("message", explainer.problem(problem));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("notes");
    for (Note note : session.notes()) {
      json.writeStartObject();
      Json.position(json, note.source());
      json.writeStringField("kind", note.kind().name());
      json.writeStringField("text", explainer.note(note.kind()));
      json.writeStringField("detail", explainer.detail(note));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void finding(Finding finding, SessionCheck session, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("rule", finding.rule().name());
    json.writeStringField("severity", finding.severity().name().toLowerCase(Locale.ROOT));
    Json.position(json, finding.source());
    json.writeStringField("command", finding.command() == null ? null : finding.command().text());
    if (finding.reply() == null) {
      json.writeNullField("reply");
    } else {
      json.writeObjectFieldStart("reply");
      reply(finding.reply(), json);
      if (finding.replyNotFromServer()) {
        json.writeBooleanField("notFromServer", true); // made by a proxy between the two
      }
      json.writeEndObject();
    }
    if (finding.context() == null) {
      json.writeNullField("related");
    } else {
      json.writeObjectFieldStart("related");
      Json.position(json, finding.contextSource());
      json.writeStringField("command", finding.context().text());
      json.writeEndObject();
    }
    json.writeStringField("message", explainer.message(finding, session.profile()));
    repeated.field(json, "explanation", explainer.explanation(finding.rule()));
    repeated.field(json, "fix", explainer.fix(finding.rule()));
    repeated.field(json, "reference", finding.rule().reference());
    json.writeEndObject();
  }

  /** A reply's code, text, class and the meaning of its code. */
  private void reply(Reply reply, JsonGenerator json) throws IOException {
    json.writeNumberField("code", reply.code().value());
    json.writeStringField("text", reply.text());
    repeated.field(json, "class", explainer.category(reply.code()));
    repeated.field(json, "meaning", explainer.standardText(reply.code().value()));
  }
}
