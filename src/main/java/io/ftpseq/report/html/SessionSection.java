package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.UnsafeCharacters;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.Problem;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One session of the page: its name and how it was checked, its findings in a list that links to
 * the diagram, its problems, its sequence diagram and the raw input lines around its steps.
 */
final class SessionSection {

  private final Explainer explainer;
  private final HtmlReport.Options options;

  /** How many quiet rows the diagrams written so far hold in their folds. */
  private int folded;

  /** How many raw lines the sessions written so far embed. */
  private int embedded;

  SessionSection(Explainer explainer, HtmlReport.Options options) {
    this.explainer = explainer;
    this.options = options;
  }

  /**
   * The session's name as headings and lists show it, on one line: a line feed or tab in a file's
   * or session's name shows as its escape ({@link UnsafeCharacters#oneLine}).
   */
  static String name(SessionCheck session) {
    return UnsafeCharacters.oneLine(
        session.session().isEmpty()
            ? session.source()
            : session.source() + " [" + session.session() + "]");
  }

  /**
   * Writes the session with the given id.
   *
   * @param listed the findings written in full at their arrows; the others are counted by rule
   */
  void write(Writer out, SessionCheck session, String id, ListedFindings.Choice listed)
      throws IOException {
    Map<Long, String> raw = rawLines(session, listed.findings());
    Anchors anchors = new Anchors(id, listed.findings(), raw.keySet(), explainer);
    List<Row> rows = Timeline.of(session, listed.findings(), explainer, options.predictions());
    Set<String> rules = new TreeSet<>();
    Set<String> severities = new TreeSet<>();
    for (Finding finding : session.findings()) {
      rules.add(finding.rule().name());
      severities.add(FindingView.severity(finding));
    }
    out.write(
        "<section class=\"session\" id=\""
            + id
            + "\" data-rules=\""
            + String.join(" ", rules)
            + "\" data-severities=\""
            + String.join(" ", severities)
            + "\">\n<h2><a class=\"self\" href=\"#"
            + id
            + "\">#"
            + id.substring(1)
            + "</a> "
            + escape(name(session))
            + "</h2>\n");
    meta(out, session);
    findingList(out, session, listed, anchors, rows.isEmpty());
    problems(out, session.problems(), anchors);
    if (rows.isEmpty()) {
      out.write("<p class=\"empty\">" + escape(explainer.text("html.session.noSteps")) + "</p>\n");
    } else {
      SequenceDiagram diagram =
          new SequenceDiagram(
              explainer,
              anchors,
              options.explainAll(),
              SequenceDiagram.hasDataLane(rows),
              SequenceDiagram.PAGE_FOLDED_ROWS - folded);
      diagram.write(out, rows, session.profile());
      folded += diagram.folded();
    }
    rawSection(out, session, anchors, raw, rows);
    out.write("</section>\n");
  }

  private void meta(Writer out, SessionCheck session) throws IOException {
    String start = "html.session.start." + session.start().name();
    out.write(
        "<p class=\"meta\"><span>"
            + escape(explainer.text("html.session.format", explainer.formatName(session.format())))
            + "</span><span>"
            + escape(explainer.text("html.session.profile", session.profile().name()))
            + "</span><span>"
            + escape(explainer.text(start))
            + "</span><span>"
            + escape(
                explainer.text(
                    "html.session.counts",
                    Integer.toString(session.commands()),
                    Integer.toString(session.replies())))
            + "</span></p>\n");
    String note = explainer.profileNote(name(session), session.profile(), session.profileBasis());
    if (!note.isEmpty()) {
      out.write("<p class=\"meta\">" + escape(note) + "</p>\n");
    }
  }

  /**
   * The findings written in full as links to their arrows, with no diagram (no steps kept) each
   * finding written out here instead; then how many of each rule are counted only.
   */
  private void findingList(
      Writer out, SessionCheck session, ListedFindings.Choice listed, Anchors anchors, boolean full)
      throws IOException {
    long past = session.unlisted().errors() + session.unlisted().warnings();
    past += session.unlisted().infos();
    if (session.findings().isEmpty() && past == 0) {
      out.write("<p class=\"clean\">" + escape(explainer.text("html.session.clean")) + "</p>\n");
      return;
    }
    out.write("<ul class=\"finding-index\">");
    FindingView view = new FindingView(explainer, anchors);
    for (Finding finding : listed.findings()) {
      String severity = FindingView.severity(finding);
      out.write(
          "<li data-rule=\"" + finding.rule().name() + "\" data-severity=\"" + severity + "\">");
      if (full) {
        view.write(out, finding, anchors.finding(finding), session.profile());
      } else {
        out.write(
            "<a href=\"#"
                + anchors.finding(finding)
                + "\"><span class=\"badge sev-"
                + severity
                + "\">"
                + escape(explainer.severity(finding.severity()))
                + "</span> "
                + escape(explainer.position(finding.source()))
                + " <code>"
                + finding.rule().name()
                + "</code></a>");
      }
      out.write("</li>");
    }
    for (Map.Entry<Rule, Integer> unlisted : listed.unlisted().entrySet()) {
      Rule rule = unlisted.getKey();
      String severity = FindingView.severity(rule.severity());
      out.write(
          "<li class=\"unlisted\" data-rule=\""
              + rule.name()
              + "\" data-severity=\""
              + severity
              + "\"><span class=\"badge sev-"
              + severity
              + "\">"
              + escape(explainer.severity(rule.severity()))
              + "</span> <code>"
              + rule.name()
              + "</code> "
              + escape(
                  explainer.text("html.session.unlisted", Integer.toString(unlisted.getValue())))
              + "</li>");
    }
    out.write("</ul>\n");
    if (!listed.unlisted().isEmpty()) {
      out.write(
          "<p class=\"unlisted\">"
              + escape(
                  explainer.text(
                      "html.session.unlistedWhy",
                      Integer.toString(ListedFindings.PER_RULE),
                      Integer.toString(ListedFindings.PER_SESSION),
                      Integer.toString(ListedFindings.MAX)))
              + "</p>\n");
    }
    if (past > 0) {
      out.write(
          "<p class=\"unlisted\">"
              + escape(
                  explainer.text(
                      "html.session.pastListed",
                      Long.toString(past),
                      Integer.toString(session.findings().size())))
              + "</p>\n");
    }
  }

  private void problems(Writer out, List<Problem> problems, Anchors anchors) throws IOException {
    if (problems.isEmpty()) {
      return;
    }
    out.write("<h3>" + escape(explainer.text("html.problems")) + "</h3>\n<ul class=\"problems\">");
    for (Problem problem : problems) {
      out.write(
          "<li>"
              + anchors.position(problem.source())
              + ": "
              + escape(explainer.problem(problem))
              + "</li>");
    }
    out.write("</ul>\n");
  }

  private Map<Long, String> rawLines(SessionCheck session, List<Finding> findings) {
    NavigableSet<Long> wanted = RawWindow.of(session, findings, RawWindow.PAGE_LINES - embedded);
    if (wanted.isEmpty()) {
      return Map.of();
    }
    try {
      Map<Long, String> raw = options.inputLines().read(session.source(), session.format(), wanted);
      embedded += raw.size();
      return raw;
    } catch (IOException e) {
      return Map.of(); // the report still draws the session; only the raw lines are missing
    }
  }

  /**
   * The embedded raw lines, each linking back to its arrow; they come masked from {@link
   * InputLines}, as what was read from each line is.
   */
  private void rawSection(
      Writer out, SessionCheck session, Anchors anchors, Map<Long, String> raw, List<Row> rows)
      throws IOException {
    if (raw.isEmpty()) {
      return;
    }
    Map<Long, Integer> rowAt = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      rowAt.putIfAbsent(rows.get(i).source().line(), i);
    }
    out.write(
        "<details class=\"raw\"><summary>"
            + escape(UnsafeCharacters.oneLine(explainer.text("html.raw", session.source())))
            + "</summary><pre>");
    long previous = -1;
    for (long line : new TreeSet<>(raw.keySet())) {
      if (previous != -1 && line != previous + 1) {
        out.write("<span class=\"skip\">\u22ef</span>\n");
      }
      previous = line;
      Integer row = rowAt.get(line);
      String number =
          row == null
              ? "<span class=\"n\">" + line + "</span>"
              : "<a class=\"n\" href=\"#" + anchors.row(row) + "\">" + line + "</a>";
      out.write(
          "<span class=\"ln\" id=\""
              + anchors.session()
              + "-L"
              + line
              + "\">"
              + number
              + escape(raw.get(line))
              + "</span>\n");
    }
    out.write("</pre></details>\n");
  }
}
