package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.explain.MarkdownRenderer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.Problem;
import java.io.IOException;
import java.io.Writer;

/**
 * A Markdown summary for CI job summaries (for example {@code $GITHUB_STEP_SUMMARY}) and pull
 * request comments: a table of sessions with their counts (and the problems of the inputs as a
 * whole), a list of the inputs' notes, a table of findings, then for each session with findings a
 * Mermaid sequence diagram of the steps around them, which GitHub draws.
 */
public final class MarkdownReport implements ReportWriter {

  private final Explainer explainer;

  /** A summary in the explainer's language. */
  public MarkdownReport(Explainer explainer) {
    this.explainer = explainer;
  }

  @Override
  public void write(CheckRun run, Writer to) throws IOException {
    Writer out = EscapingWriter.of(to);
    out.write("## ftpseq\n\n");
    out.write(cell(run.summary(explainer)) + "\n\n");
    out.write(
        row(
            heads(
                "source", "format", "profile", "start", "errors", "warnings", "info", "problems")));
    out.write("|---|---|---|---|---:|---:|---:|---:|\n");
    for (SessionCheck session : run.sessions()) {
      out.write(
          row(
              cell(name(session)),
              cell(session.format()),
              cell(session.profile().name())
                  + (session.profileBasis().isAuto()
                      ? " " + explainer.text("markdown.profile.auto")
                      : ""),
              explainer.text("markdown.start." + session.start().name()),
              explainer.number(session.count(Severity.ERROR)),
              explainer.number(session.count(Severity.WARNING)),
              explainer.number(session.count(Severity.INFO)),
              explainer.number(session.problemCount())));
    }
    for (Problem problem : run.inputProblems()) {
      String said = problem.source() + ": " + explainer.problem(problem);
      out.write(row(cell(said), "", "", "", "", "", "", explainer.number(1)));
    }
    if (!run.inputNotes().isEmpty()) {
      out.write("\n");
      for (CheckRun.InputNote note : run.inputNotes()) {
        // a list under the table, not a row of it: a note counts no session, finding or problem
        out.write(
            "- "
                + cell(
                    explainer.text("report.inputNote", note.source(), explainer.say(note.note())))
                + "\n");
      }
    }
    if (run.count(Severity.ERROR) + run.count(Severity.WARNING) + run.count(Severity.INFO) > 0) {
      out.write(
          "\n" + row(heads("location", "severity", "rule", "message")) + "|---|---|---|---|\n");
      for (SessionCheck session : run.sessions()) {
        for (Finding finding : session.findings()) {
          out.write(
              String.format(
                  "| %s | %s | `%s` | %s |%n",
                  cell(finding.source().toString()),
                  explainer.severity(finding.severity()),
                  finding.rule().name(),
                  cell(explainer.message(finding, session.profile()))));
        }
      }
      MermaidDiagrams diagrams = new MermaidDiagrams(explainer);
      for (SessionCheck session : run.sessions()) {
        diagrams.write(out, session, cell(name(session)));
      }
      diagrams.finish(out);
    }
    out.flush();
  }

  /** A table row of the cells; an empty cell is {@code | |}. */
  private static String row(String... cells) {
    StringBuilder row = new StringBuilder("|");
    for (String cell : cells) {
      row.append(cell.isEmpty() ? " |" : " " + cell + " |");
    }
    return row.append('\n').toString();
  }

  /** The column heads of a table, in the report's language. */
  private String[] heads(String... columns) {
    String[] heads = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      heads[i] = explainer.text("markdown.head." + columns[i]);
    }
    return heads;
  }

  private static String name(SessionCheck session) {
    return session.session().isEmpty()
        ? session.source()
        : session.source() + " " + session.session();
  }

  /**
   * Text for a table cell, escaped as every Markdown output escapes ({@link
   * MarkdownRenderer#escape}): a name from a transcript such as {@code [x](http://evil)} or {@code
   * *bold*} shows as written, and a {@code |} cannot end the cell; a line feed or tab in it (a
   * file's name) shows as its escape ({@link UnsafeCharacters#oneLine}), so it cannot end the cell
   * or the row either.
   */
  private static String cell(String text) {
    return UnsafeCharacters.oneLine(MarkdownRenderer.escape(text));
  }
}
