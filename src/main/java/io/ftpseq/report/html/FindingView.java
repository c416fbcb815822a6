package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * One finding as the page shows it: its severity, rule and message in a line, and on expand why the
 * rule exists, how to fix it, what the server said, the reference and the related command.
 */
final class FindingView {

  private final Explainer explainer;
  private final Anchors anchors;

  FindingView(Explainer explainer, Anchors anchors) {
    this.explainer = explainer;
    this.anchors = anchors;
  }

  /** The severity's CSS class and filter value: {@code error}, {@code warning} or {@code info}. */
  static String severity(Finding finding) {
    return severity(finding.severity());
  }

  /** The severity's CSS class and filter value. */
  static String severity(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  /** Writes the finding as an element that expands, with the given id. */
  void write(Writer out, Finding finding, String id, ServerProfile profile) throws IOException {
    String severity = severity(finding);
    out.write(
        "<details class=\"finding sev-"
            + severity
            + "\" id=\""
            + id
            + "\" data-rule=\""
            + finding.rule().name()
            + "\" data-severity=\""
            + severity
            + "\"><summary><span class=\"badge sev-"
            + severity
            + "\">"
            + escape(explainer.severity(finding.severity()))
            + "</span> <code class=\"rule\">"
            + finding.rule().name()
            + "</code> <span class=\"msg\">"
            + escape(explainer.message(finding, profile))
            + "</span></summary><dl>");
    entry(out, "html.finding.why", escape(explainer.explanation(finding.rule())));
    entry(out, "html.finding.fix", escape(explainer.fix(finding.rule())));
    if (finding.reply() != null) {
      entry(
          out,
          finding.replyNotFromServer() ? "html.finding.replyNotFromServer" : "html.finding.reply",
          "<code>"
              + escape(finding.reply().firstLine())
              + "</code> ("
              + escape(explainer.meaning(finding.reply().code()))
              + ")");
    }
    if (finding.context() != null) {
      entry(
          out,
          "html.finding.related",
          anchors.position(finding.contextSource())
              + " <code>"
              + escape(finding.context().text())
              + "</code>");
    }
    entry(out, "html.finding.reference", escape(finding.rule().reference()));
    out.write("</dl></details>");
  }

  private void entry(Writer out, String key, String html) throws IOException {
    out.write("<dt>" + escape(explainer.text(key)) + "</dt><dd>" + html + "</dd>");
  }
}
