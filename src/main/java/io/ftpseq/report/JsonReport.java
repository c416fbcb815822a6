package io.ftpseq.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
import java.io.OutputStream;
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

  // the names of the fields of every finding and reply, kept as the JSON they are written as
  private static final SerializableString RULE = new SerializedString("rule");
  private static final SerializableString SEVERITY = new SerializedString("severity");
  private static final SerializableString COMMAND = new SerializedString("command");
  private static final SerializableString REPLY = new SerializedString("reply");
  private static final SerializableString RELATED = new SerializedString("related");
  private static final SerializableString MESSAGE = new SerializedString("message");
  private static final SerializableString EXPLANATION = new SerializedString("explanation");
  private static final SerializableString FIX = new SerializedString("fix");
  private static final SerializableString REFERENCE = new SerializedString("reference");
  private static final SerializableString CODE = new SerializedString("code");
  private static final SerializableString TEXT = new SerializedString("text");
  private static final SerializableString CLASS = new SerializedString("class");
  private static final SerializableString MEANING = new SerializedString("meaning");

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
    return start(MAPPER.getFactory().createGenerator(out));
  }

  /**
   * Starts the report as UTF-8 bytes written straight into the stream: the text is not held as
   * characters to be encoded again (on a log whose report is twice its size, the encoder was a
   * seventh of the thread that judges and writes).
   */
  @Override
  public Sessions start(OutputStream out) throws IOException {
    return start(MAPPER.getFactory().createGenerator(out));
  }

  private Sessions start(JsonGenerator json) throws IOException {
    // written session by session: a run may hold more sessions than memory
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
        json.flush(); // Jackson's generator flushes the output beneath it too
      }

      @Override
      public void end(CheckRun run) throws IOException {
        try (json) { // closing flushes the output beneath, which stays open
          json.writeEndArray();
          rest(run, json);
          json.writeEndObject();
          json.writeRaw('\n'); // the last line's end
        }
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
    field(json, RULE, finding.rule().name());
    repeated.field(json, SEVERITY, finding.severity().name().toLowerCase(Locale.ROOT));
    Json.position(json, finding.source());
    field(json, COMMAND, finding.command() == null ? null : finding.command().text());
    json.writeFieldName(REPLY);
    if (finding.reply() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      reply(finding.reply(), json);
      if (finding.replyNotFromServer()) {
        json.writeBooleanField("notFromServer", true); // made by a proxy between the two
      }
      json.writeEndObject();
    }
    json.writeFieldName(RELATED);
    if (finding.context() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      Json.position(json, finding.contextSource());
      field(json, COMMAND, finding.context().text());
      json.writeEndObject();
    }
    field(json, MESSAGE, explainer.message(finding, session.profile()));
    repeated.field(json, EXPLANATION, explainer.explanation(finding.rule()));
    repeated.field(json, FIX, explainer.fix(finding.rule()));
    repeated.field(json, REFERENCE, finding.rule().reference());
    json.writeEndObject();
  }

  /** A reply's code, text, class and the meaning of its code. */
  private void reply(Reply reply, JsonGenerator json) throws IOException {
    json.writeFieldName(CODE);
    json.writeNumber(reply.code().value());
    field(json, TEXT, reply.text());
    repeated.field(json, CLASS, explainer.category(reply.code()));
    repeated.field(json, MEANING, explainer.standardText(reply.code().value()));
  }

  private static void field(JsonGenerator json, SerializableString name, String value)
      throws IOException {
    json.writeFieldName(name);
    json.writeString(value);
  }
}
