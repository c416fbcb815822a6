package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.rules.Step;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table of sessions, one line each: its number and name, the lines (or packets) it spans, its
 * commands, the time it spans, and its findings by severity and its problems. A session drawn below
 * links to its drawing; for any other session, clean ones above all, its line is its place on the
 * page. The first {@value #LISTED} sessions are listed and the rest counted, so the table's size
 * and memory do not grow with the run; the JSON and text reports list every session.
 */
final class SessionTable {

  /** How many sessions the table lists. */
  static final int LISTED = 5_000;

  /** The table opens by itself up to this many lines; a longer one waits to be opened. */
  private static final int OPEN = 100;

  private static final List<Severity> SEVERITIES =
      List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);

  private final Explainer explainer;

  /** The lines listed, as HTML, made when their session is added. */
  private final List<String> lines = new ArrayList<>();

  private long sessions;

  SessionTable(Explainer explainer) {
    this.explainer = explainer;
  }

  /**
   * Adds the next session; returns whether the table lists it.
   *
   * @param id the session's id on the page
   * @param drawn whether the page draws it in full below
   */
  boolean add(SessionCheck session, String id, boolean drawn) {
    sessions++;
    if (lines.size() >= LISTED) {
      return false;
    }
    lines.add(line(session, id, drawn));
    return true;
  }

  /** Writes the table, and how many sessions it leaves out. */
  void write(Writer out) throws IOException {
    out.write(
        "<details class=\"index\""
            + (lines.size() <= OPEN ? " open" : "")
            + "><summary>"
            + escape(explainer.text("html.overview.index"))
            + "</summary><table><thead><tr><th class=\"num\">#</th><th>"
            + escape(explainer.text("html.overview.session"))
            + "</th><th class=\"num\">"
            + escape(explainer.text("html.index.lines"))
            + "</th><th class=\"num\">"
            + escape(explainer.text("html.index.commands"))
            + "</th><th>"
            + escape(explainer.text("html.index.time"))
            + "</th>");
    for (Severity severity : SEVERITIES) {
      out.write("<th class=\"num\">" + escape(explainer.severity(severity)) + "</th>");
    }
    out.write(
        "<th class=\"num\">"
            + escape(explainer.text("html.problems"))
            + "</th></tr></thead><tbody>\n");
    for (String line : lines) {
      out.write(line);
    }
    out.write("</tbody></table>");
    if (sessions > lines.size()) {
      out.write(
          "<p class=\"unlisted\">"
              + escape(explainer.text("html.index.unlisted", sessions - lines.size()))
              + "</p>");
    }
    out.write("</details>\n");
  }

  /**
   * A session's line. A session not drawn has the session's id, so that links to it land here, and
   * the severity and rule of each kind of finding it has for the filters, such as {@code
   * error/RNTO_WITHOUT_RNFR}; a drawn one links to its drawing, where the filters see its findings.
   */
  private static String line(SessionCheck session, String id, boolean drawn) {
    StringBuilder line = new StringBuilder(256);
    String name = escape(SessionSection.name(session));
    if (drawn) {
      line.append("<tr data-session=\"").append(id).append("\"><td>").append(id.substring(1));
      line.append("</td><td><a href=\"#").append(id).append("\">").append(name).append("</a>");
    } else {
      Set<String> findings = new TreeSet<>();
      for (Finding finding : session.findings()) {
        findings.add(FindingView.severity(finding) + "/" + finding.rule().name());
      }
      line.append("<tr id=\"").append(id).append("\" data-session=\"").append(id);
      if (!findings.isEmpty()) {
        line.append("\" data-findings=\"").append(String.join(" ", findings));
      }
      line.append("\"><td>").append(id.substring(1)).append("</td><td>").append(name);
    }
    Extent extent = Extent.of(session);
    line.append("</td><td>").append(extent.lines());
    line.append("</td><td>").append(session.commands());
    line.append("</td><td>").append(escape(extent.time())).append("</td>");
    for (int i = 0; i <= SEVERITIES.size(); i++) {
      long count =
          i < SEVERITIES.size() ? session.count(SEVERITIES.get(i)) : session.problemCount();
      line.append(count == 0 ? "<td>" : "<td class=\"c" + i + "\">").append(count).append("</td>");
    }
    return line.append("</tr>\n").toString();
  }

  /**
   * Where a session is in its input: the first and last line (or packet) of its steps, notes,
   * problems and findings, and the times the input gives for them.
   */
  record Extent(Source first, Source last, String from, String to) {

    /** The extent of a session; its sources are {@code null} when it has no position at all. */
    static Extent of(SessionCheck session) {
      Extent extent = new Extent(null, null, "", "");
      for (Step step : session.steps()) {
        if (step.exchange().command() != null) {
          extent = extent.with(step.exchange().command().source());
        }
        for (ReplyReceived reply : step.exchange().replies()) {
          extent = extent.with(reply.source());
        }
      }
      for (Note note : session.notes()) {
        extent = extent.with(note.source());
      }
      for (Problem problem : session.problems()) {
        extent = extent.with(problem.source());
      }
      for (Finding finding : session.findings()) {
        extent = extent.with(finding.source());
      }
      return extent;
    }

    /**
     * The steps that hold the extent of the steps: those of the first and last line and of the
     * earliest and latest time, in order; the extent of a session with only these steps is the
     * session's.
     */
    static List<Step> bounds(List<Step> steps) {
      Set<Integer> chosen = new TreeSet<>();
      Extent extent = new Extent(null, null, "", "");
      int[] at = new int[4]; // the steps of first, last, from and to
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        List<Source> sources = new ArrayList<>();
        if (step.exchange().command() != null) {
          sources.add(step.exchange().command().source());
        }
        step.exchange().replies().forEach(reply -> sources.add(reply.source()));
        for (Source source : sources) {
          if (source.line() == 0) {
            continue;
          }
          at[0] = extent.first == null || source.line() < extent.first.line() ? i : at[0];
          at[1] = extent.last == null || source.line() > extent.last.line() ? i : at[1];
          if (source.hasTime()) {
            at[2] = extent.from.isEmpty() || source.time().compareTo(extent.from) < 0 ? i : at[2];
            at[3] = extent.to.isEmpty() || source.time().compareTo(extent.to) > 0 ? i : at[3];
          }
          extent = extent.with(source);
        }
      }
      if (extent.first != null) {
        chosen.add(at[0]);
        chosen.add(at[1]);
      }
      if (!extent.from.isEmpty()) {
        chosen.add(at[2]);
        chosen.add(at[3]);
      }
      List<Step> bounds = new ArrayList<>();
      chosen.forEach(i -> bounds.add(steps.get(i)));
      return bounds;
    }

    private Extent with(Source source) {
      if (source.line() == 0) {
        return this;
      }
      Source low = first == null || source.line() < first.line() ? source : first;
      Source high = last == null || source.line() > last.line() ? source : last;
      String start = from;
      String end = to;
      if (source.hasTime()) {
        start = start.isEmpty() || source.time().compareTo(start) < 0 ? source.time() : start;
        end = end.isEmpty() || source.time().compareTo(end) > 0 ? source.time() : end;
      }
      return new Extent(low, high, start, end);
    }

    /** The lines as the diagram's gutter numbers them, {@code 12–40} or {@code #3–#9}. */
    String lines() {
      if (first == null) {
        return "";
      }
      String mark = first.unit() == Source.Unit.PACKET ? "#" : "";
      return first.line() == last.line()
          ? mark + first.line()
          : mark + first.line() + "\u2013" + mark + last.line();
    }

    /** The times, the end without the date when it is the start's. */
    String time() {
      if (from.isEmpty() || from.equals(to)) {
        return from;
      }
      int date = from.indexOf('T');
      String end =
          date > 0 && to.startsWith(from.substring(0, date + 1)) ? to.substring(date + 1) : to;
      return from + " \u2013 " + end;
    }
  }
}
