package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Prediction;
import java.io.IOException;
import java.io.Writer;

/**
 * What the diagram writes beside an arrow, findings aside: the rest of a multi-line reply, the
 * predicted reply next to the real one, the reply's explanation ({@code --explain-all}) and the
 * state the step changed.
 */
final class Annotations {

  private final Explainer explainer;
  private final boolean explainAll;

  Annotations(Explainer explainer, boolean explainAll) {
    this.explainer = explainer;
    this.explainAll = explainAll;
  }

  /** Writes the annotations of one arrow. */
  void write(Writer out, Row.Message message) throws IOException {
    Reply reply = message.reply();
    if (reply != null && reply.isMultiLine()) {
      out.write(
          "<details class=\"more\"><summary>"
              + escape(explainer.text("html.reply.lines", Integer.toString(reply.lines().size())))
              + "</summary><pre>"
              + escape(String.join("\n", reply.lines()))
              + "</pre></details>");
    }
    if (message.prediction() != null) {
      prediction(out, message.prediction(), reply);
    }
    if (reply != null && explainAll) {
      int code = reply.code().value();
      out.write(
          "<details class=\"explain\"><summary>"
              + escape(explainer.meaning(reply.code()))
              + "</summary>"
              + (explainer.hasReply(code, "description")
                  ? "<p>" + escape(explainer.reply(code, "description")) + "</p>"
                  : "")
              + "</details>");
    }
    for (String change : message.changes()) {
      out.write("<span class=\"chip state\">" + escape(change) + "</span>");
    }
  }

  /**
   * The predicted reply; marked as differing when the real first reply says otherwise (125 and 150
   * say the same).
   */
  private void prediction(Writer out, Prediction prediction, Reply reply) throws IOException {
    boolean same = reply != null && prediction.agreesWith(reply.code().value());
    String shown =
        prediction.text().isEmpty()
            ? Integer.toString(prediction.code())
            : prediction.code() + " " + prediction.text();
    out.write(
        "<span class=\"chip predicted "
            + (same ? "same" : "differs")
            + "\" title=\""
            + escape(prediction.situation().toString())
            + "\">"
            + escape(explainer.text(same ? "html.predicted.same" : "html.predicted", shown))
            + "</span>");
  }
}
