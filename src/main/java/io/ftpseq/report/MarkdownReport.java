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
 * request comments: a table of sessions with their counts, a table of findings, then for each
 * session with findings a Mermaid sequence diagram of the steps around them, which GitHub draws.
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
    out.write(MarkdownRenderer.cell(run.summary(explainer)) + "\n\n");
    out.write("| Source | Format | Profile | Start | Errors | Warnings | Info | Problems |\n");
    out.write("|---|---|---|---|---:|---:|---:|---:|\n");
    for (SessionCheck session : run.sessions()) {

      out.write(
          String.format(
              "| %s | %s | %s | %s | %d | %d | %d | %d |%n",
              cell(name(session)),
              cell(session.format()),
              cell(session.profile().name()) + (session.profileBasis().isAuto() ? " (auto)" : ""),
              session.start() == SessionCheck.Start.COMPLETE ? "complete" : "mid-session",
              session.count(Severity.ERROR),
              session.count(Severity.WARNING),
              session.count(Severity.INFO),
              session.problemCount()));
    }
    for (Problem problem : run.inputProblems()) {
      out.write(String.format("| %s | | | | | | | 1 |%n", cell(problem.toString())));
    }
    if (run.count(Severity.ERROR) + run.count(Severity.WARNING) + run.count(Severity.INFO) > 0) {
      out.write("\n| Location | Severity | Rule | Message |\n|---|---|---|---|\n");
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

  private static String name(SessionCheck session) {
    return session.session().isEmpty()
        ? session.source()
        : session.source() + " " + session.session();
  }

  /**
   * Text for a table cell, escaped where every Markdown output escapes ({@link
   * MarkdownRenderer#cell}): a name from a transcript such as {@code [x](http://evil)} or {@code
   * *bold*} shows as written, and a {@code |} or line break cannot end the cell.
   */
  private static String cell(String text) {
    return MarkdownRenderer.cell(text);
  }
}
