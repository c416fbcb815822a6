package io.ftpseq.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ftpseq.explain.Explainer;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Prediction;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Step;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Every exchange of a session with the reply its server profile predicted from the session so far
 * beside the first reply the server really gave ({@code check --predict}): as JSON, and as a table
 * for people in which a differing reply is marked {@code !} and a step with no prediction {@code
 * ?}.
 */
final class PredictedExchanges {

  private static final int TEXT_WIDTH = 44;

  private PredictedExchanges() {}

  /**
   * Writes the session's exchanges as the field {@code "exchanges": [{"line"|"packet", "command",
   * "reply": {"code","text"} | null, "predicted": {"code","text","situation"} | null}]}.
   */
  static void json(SessionCheck session, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("exchanges");
    for (Step step : session.steps()) {
      json.writeStartObject();
      Json.position(json, step.source());
      json.writeStringField(
          "command",
          step.exchange().isUnsolicited() ? null : step.exchange().command().command().text());
      Reply first = first(step);
      if (first == null) {
        json.writeNullField("reply");
      } else {
        json.writeObjectFieldStart("reply");
        json.writeNumberField("code", first.code().value());
        json.writeStringField("text", first.text());
        json.writeEndObject();
      }
      Prediction prediction = step.prediction();
      if (prediction == null) {
        json.writeNullField("predicted");
      } else {
        json.writeObjectFieldStart("predicted");
        json.writeNumberField("code", prediction.code());
        json.writeStringField("text", prediction.text());
        json.writeStringField("situation", prediction.situation().toString());
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** The session's exchanges as a table: mark, position, command, predicted, real. */
  static void text(SessionCheck session, Explainer explainer, Writer out) throws IOException {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "",
          explainer.text("report.predict.position"),
          explainer.text("report.predict.command"),
          explainer.text("report.predict.predicted"),
          explainer.text("report.predict.real")
        });
    for (Step step : session.steps()) {
      if (step.exchange().isUnsolicited()) {
        continue;
      }
      Reply first = first(step);
      Prediction prediction = step.prediction();
      rows.add(
          new String[] {
            mark(prediction, first),
            explainer.position(step.source()),
            step.exchange().command().command().text(),
            predicted(prediction, explainer),
            first == null ? "-" : cut(first.firstLine())
          });
    }
    out.write(
        UnsafeCharacters.oneLine(
                explainer.text("report.predict.header", name(session), session.profile().name()))
            + "\n");
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = UnsafeCharacters.oneLine(row[i]); // escaped before measured, so columns align
        widths[i] = Math.max(widths[i], DisplayWidth.of(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - DisplayWidth.of(row[i]) + 2));
        }
      }
      out.write(line.toString().stripTrailing() + "\n");
    }
  }

  /** {@code !} for a reply other than predicted, {@code ?} for no prediction, else blank. */
  private static String mark(Prediction prediction, Reply first) {
    if (prediction == null || !prediction.predicts()) {
      return "?";
    }
    int real = first == null ? 0 : first.code().value();
    if (first == null && !prediction.closes()) {
      return "";
    }
    return prediction.agreesWith(real) ? "" : "!";
  }

  private static String predicted(Prediction prediction, Explainer explainer) {
    if (prediction == null) {
      return "-";
    }
    String reply =
        prediction.closes()
            ? explainer.text("report.predict.closes")
            : prediction.code() == 0
                ? "?"
                : cut((prediction.code() + " " + prediction.text()).strip());
    return prediction.isSituation() ? reply + " [" + prediction.situation() + "]" : reply;
  }

  private static Reply first(Step step) {
    List<ReplyReceived> replies = step.exchange().replies();
    return replies.isEmpty() ? null : replies.get(0).reply();
  }

  private static String cut(String text) {
    return text.length() <= TEXT_WIDTH ? text : text.substring(0, TEXT_WIDTH - 1) + "…";
  }

  private static String name(SessionCheck session) {
    return session.session().isEmpty()
        ? session.source()
        : session.source() + " [" + session.session() + "]";
  }
}
