package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.report.ReportWriter;
import io.ftpseq.report.SessionStore;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The report to look at: one self-contained HTML page with an overview of the run, a table of its
 * sessions one line each, and a sequence diagram of the sessions with findings or problems, every
 * finding drawn at its step ({@link DrawnSessions} bounds how many, {@link ListedFindings} how many
 * findings are written in full). Styles, script and diagrams are inline and a content security
 * policy forbids every fetch, so the page opens the same from a ticket attachment or a CI artifact;
 * the diagrams are SVG written here, so it reads with scripts off. The script adds filters by
 * severity and rule, a search, and keys to go from finding to finding.
 *
 * <p>The run's sessions are read by iteration only, twice: once for the overview, once for the
 * sessions it chose to draw alone. The page is written as it goes; memory holds the overview's
 * counts and table and one session at a time.
 */
public final class HtmlReport implements ReportWriter {

  private static final String CSS = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  /**
   * What the page shows beyond findings.
   *
   * @param explainAll whether every reply gets its explanation on expand
   * @param predictions whether each step shows the reply the server profile predicted
   * @param inputLines where the raw lines around each step come from
   */
  public record Options(boolean explainAll, boolean predictions, InputLines inputLines) {
    /** Validates the parts. */
    public Options {
      Objects.requireNonNull(inputLines, "inputLines");
    }
  }

  private final Explainer explainer;
  private final Options options;

  /** An HTML report in the explainer's language. */
  public HtmlReport(Explainer explainer, Options options) {
    this.explainer = explainer;
    this.options = options;
  }

  /**
   * The sessions whose steps the page may draw, for a run's store to keep the steps of those alone
   * ({@link SessionStore#keepingStepsOf}).
   *
   * @param everyStep whether every step was asked for ({@code --explain-all}, {@code --predict}),
   *     for which the page draws clean sessions too
   */
  public static SessionStore.Drawings drawings(boolean everyStep) {
    return new DrawnSteps(everyStep);
  }

  @Override
  public void write(CheckRun run, Writer out) throws IOException {
    Overview overview = Overview.of(explainer, run, options.explainAll() || options.predictions());
    head(out, run.summary(explainer));
    toolbar(out, overview.rules());
    out.write("<main>\n");
    overview.write(out);
    SessionSection section = new SessionSection(explainer, options);
    ListedFindings listed = new ListedFindings(); // chooses as the overview's did
    // only the sessions drawn: a run on disk decodes no other again
    Iterator<Long> places = overview.drawn().iterator();
    for (SessionCheck session : run.sessions(overview.drawn()::contains)) {
      String id = "s" + (places.next() + 1);
      section.write(out, session, id, listed.next(session));
    }
    out.write("</main>\n<footer>" + escape(explainer.text("html.keys")) + "</footer>\n");
    out.write("<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n");
    out.flush();
  }

  private void head(Writer out, String summary) throws IOException {
    out.write(
        "<!DOCTYPE html>\n<html lang=\""
            + explainer.languageTag()
            + "\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
            + "<meta name=\"generator\" content=\"ftpseq\">\n<title>"
            + escape(explainer.text("html.title"))
            + "</title>\n<style>\n"
            + CSS
            + "</style>\n<script>document.documentElement.classList.add('js');</script>\n"
            + "</head>\n<body>\n<header class=\"top\"><h1>"
            + escape(explainer.text("html.title"))
            + "</h1><p class=\"summary\">"
            + escape(summary)
            + "</p></header>\n");
  }

  /** The filters, search and counter; hidden when scripts are off, as they need the script. */
  private void toolbar(Writer out, List<Rule> rules) throws IOException {
    out.write(
        "<nav class=\"toolbar\" aria-label=\"" + escape(explainer.text("html.filter")) + "\">");
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
      String css = FindingView.severity(severity);
      out.write(
          "<label class=\"sev sev-"
              + css
              + "\"><input type=\"checkbox\" name=\"severity\" value=\""
              + css
              + "\" checked> "
              + escape(explainer.severity(severity))
              + "</label>");
    }
    out.write(
        "<select id=\"rule-filter\" aria-label=\""
            + escape(explainer.text("html.filter.rule"))
            + "\"><option value=\"\">"
            + escape(explainer.text("html.filter.allRules"))
            + "</option>");
    for (Rule rule : rules) {
      out.write("<option value=\"" + rule.name() + "\">" + rule.name() + "</option>");
    }
    out.write(
        "</select><input type=\"search\" id=\"search\" placeholder=\""
            + escape(explainer.text("html.filter.search"))
            + "\" aria-label=\""
            + escape(explainer.text("html.filter.search"))
            + "\"><label class=\"only\"><input type=\"checkbox\" id=\"only-findings\"> "
            + escape(explainer.text("html.filter.onlyFindings"))
            + "</label><span id=\"shown\" data-pattern=\""
            + escape(explainer.text("html.filter.shown"))
            + "\"></span></nav>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
