package io.ftpseq.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.explain.Explainer;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The report for tools: one JSON document with every session, its findings and problems, and a
 * summary. Lines are the 1-based lines of the input.
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
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode sessions = root.putArray("sessions");
    for (SessionCheck session : run.sessions()) {
      sessions.add(session(session));
    }
    ArrayNode inputProblems = root.putArray("inputProblems");
    for (Problem problem : run.inputProblems()) {
      inputProblems
          .addObject()
          .put("source", problem.source().file())
          .put("message", problem.message());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("inputs", run.inputs());
    summary.put("sessions", run.sessions().size());
    summary.put("errors", run.count(Severity.ERROR));
    summary.put("warnings", run.count(Severity.WARNING));
    summary.put("infos", run.count(Severity.INFO));
    summary.put("problems", run.problemCount());
    MAPPER.writeValue(out, root);
    out.write("\n");
    out.flush();
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
        ObjectNode entry = replies.addObject().put("line", reply.source().line());
        time(entry, reply.source());
        entry
            .put("code", reply.reply().code().value())
            .put("text", reply.reply().text())
            .put("class", explainer.category(reply.reply().code()))
            .put("meaning", explainer.standardText(reply.reply().code().value()));
      }
    }
    ArrayNode problems = node.putArray("problems");
    for (Problem problem : session.problems()) {
      ObjectNode entry = problems.addObject().put("line", problem.source().line());
      time(entry, problem.source());
      entry.put("message", problem.message());
    }
    return node;
  }

  private ObjectNode finding(Finding finding, SessionCheck session) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rule", finding.rule().name());
    node.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
    node.put("line", finding.source().line());
    time(node, finding.source());
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
      ObjectNode related = node.putObject("related").put("line", finding.contextSource().line());
      time(related, finding.contextSource());
      related.put("command", finding.context().text());
    }
    node.put("message", explainer.message(finding, session.profile()));
    node.put("explanation", explainer.explanation(finding.rule()));
    node.put("fix", explainer.fix(finding.rule()));
    node.put("reference", finding.rule().reference());
    return node;
  }

  /** Adds the time the input gives for the place, if it gives one. */
  private static void time(ObjectNode node, Source source) {
    if (source.hasTime()) {
      node.put("time", source.time());
    }
  }
}
