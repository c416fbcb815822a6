package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The top of the page: how many inputs, sessions, findings, problems and notes the run has, and
 * small bar charts of the findings by severity, by rule and by server profile, each bar opening the
 * list of its sessions. Gathered in one pass over the sessions, keeping counts and links only.
 */
final class Overview {

  /** The most sessions a bar lists; the rest are counted. */
  static final int LINKS_PER_BAR = 30;

  /**
   * How many sessions the table lists: a run of a million sessions still has a page that opens, and
   * an overview whose memory does not grow with the run.
   */
  static final int LISTED_SESSIONS = 2_000;

  /** A session as the overview links to it. */
  record SessionLink(String id, String name) {}

  /** One bar: how many findings (or sessions), and the first sessions that have them. */
  static final class Bar {
    long count;
    int sessions;
    final List<SessionLink> links = new ArrayList<>();

    void add(SessionLink link, long n) {
      count += n;
      sessions++;
      if (links.size() < LINKS_PER_BAR) {
        links.add(link);
      }
    }
  }

  private final Explainer explainer;
  private final int inputs;
  private final List<Problem> inputProblems;
  private final Map<Severity, Bar> bySeverity = new EnumMap<>(Severity.class);
  private final Map<Rule, Bar> byRule = new EnumMap<>(Rule.class);
  private final Map<String, Bar> byProfile = new TreeMap<>();
  private final Map<NoteKind, Bar> notes = new EnumMap<>(NoteKind.class);
  private final Bar problems = new Bar();
  private final List<SessionLink> sessions = new ArrayList<>();
  private long sessionCount;
  private final Map<String, int[]> counts = new LinkedHashMap<>();

  private Overview(Explainer explainer, CheckRun run) {
    this.explainer = explainer;
    this.inputs = run.inputCount();
    this.inputProblems = run.inputProblems();
  }

  /** The overview of a run, from one pass over its sessions. */
  static Overview of(Explainer explainer, CheckRun run) {
    Overview overview = new Overview(explainer, run);
    int index = 0;
    for (SessionCheck session : run.sessions()) {
      overview.add(session, "s" + ++index);
    }
    return overview;
  }

  private void add(SessionCheck session, String id) {
    SessionLink link = new SessionLink(id, SessionSection.name(session));
    sessionCount++;
    boolean listed = sessions.size() < LISTED_SESSIONS;
    if (listed) {
      sessions.add(link);
    }
    Map<Severity, Integer> bySev = new EnumMap<>(Severity.class);
    Map<Rule, Integer> rules = new EnumMap<>(Rule.class);
    for (Finding finding : session.findings()) {
      bySev.merge(finding.severity(), 1, Integer::sum);
      rules.merge(finding.rule(), 1, Integer::sum);
    }
    bySev.forEach((severity, n) -> bar(bySeverity, severity).add(link, n));
    rules.forEach((rule, n) -> bar(byRule, rule).add(link, n));
    if (!session.findings().isEmpty()) {
      bar(byProfile, session.profile().name()).add(link, session.findings().size());
    }
    Map<NoteKind, Integer> kinds = new EnumMap<>(NoteKind.class);
    for (Note note : session.notes()) {
      if (note.kind().isReported()) {
        kinds.merge(note.kind(), 1, Integer::sum);
      }
    }
    kinds.forEach((kind, n) -> bar(notes, kind).add(link, n));
    if (!session.problems().isEmpty()) {
      problems.add(link, session.problems().size());
    }
    if (!listed) {
      return;
    }
    counts.put(
        id,
        new int[] {
          bySev.getOrDefault(Severity.ERROR, 0),
          bySev.getOrDefault(Severity.WARNING, 0),
          bySev.getOrDefault(Severity.INFO, 0),
          session.problems().size()
        });
  }

  private static <K> Bar bar(Map<K, Bar> bars, K key) {
    return bars.computeIfAbsent(key, k -> new Bar());
  }

  /** The rules that have findings, for the rule filter. */
  List<Rule> rules() {
    return List.copyOf(byRule.keySet());
  }

  /** How many findings of the severity the run has. */
  long count(Severity severity) {
    Bar bar = bySeverity.get(severity);
    return bar == null ? 0 : bar.count;
  }

  /** Writes the overview. */
  void write(Writer out) throws IOException {
    out.write("<section class=\"overview\" id=\"overview\">\n<div class=\"cards\">");
    card(out, "html.overview.inputs", inputs, "");
    card(out, "html.overview.sessions", sessionCount, "");
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
      card(out, "html.overview." + severity.name(), count(severity), " " + css(severity));
    }
    card(out, "html.overview.problems", problems.count + inputProblems.size(), " problem");
    out.write("</div>\n<div class=\"charts\">");
    List<Labelled> severities = new ArrayList<>();
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
      if (bySeverity.containsKey(severity)) {
        severities.add(
            new Labelled(explainer.severity(severity), css(severity), bySeverity.get(severity)));
      }
    }
    chart(out, "html.overview.bySeverity", severities);
    List<Labelled> rules = new ArrayList<>();
    byRule.forEach((rule, bar) -> rules.add(new Labelled(rule.name(), css(rule.severity()), bar)));
    chart(out, "html.overview.byRule", rules);
    List<Labelled> profiles = new ArrayList<>();
    byProfile.forEach((profile, bar) -> profiles.add(new Labelled(profile, "profile", bar)));
    chart(out, "html.overview.byProfile", profiles);
    List<Labelled> noteBars = new ArrayList<>();
    notes.forEach((kind, bar) -> noteBars.add(new Labelled(explainer.note(kind), "note", bar)));
    if (problems.count > 0) {
      noteBars.add(new Labelled(explainer.text("html.problems"), "problem", problems));
    }
    chart(out, "html.overview.notes", noteBars);
    out.write("</div>\n");
    if (!inputProblems.isEmpty()) {
      out.write(
          "<h3>"
              + escape(explainer.text("html.overview.unreadable"))
              + "</h3><ul class=\"problems\">");
      for (Problem problem : inputProblems) {
        out.write("<li>" + escape(problem.toString()) + "</li>");
      }
      out.write("</ul>\n");
    }
    index(out);
    out.write("</section>\n");
  }

  private void card(Writer out, String key, long value, String css) throws IOException {
    out.write(
        "<div class=\"card"
            + css
            + "\"><span class=\"value\">"
            + value
            + "</span><span class=\"label\">"
            + escape(explainer.text(key))
            + "</span></div>");
  }

  /** A bar of a chart with its label and the CSS class that colours it. */
  private record Labelled(String label, String css, Bar bar) {}

  /** A bar chart, the bars scaled to the longest. */
  private void chart(Writer out, String title, List<Labelled> bars) throws IOException {
    out.write("<div class=\"chart\"><h3>" + escape(explainer.text(title)) + "</h3>");
    if (bars.isEmpty()) {
      out.write("<p class=\"empty\">" + escape(explainer.text("html.overview.none")) + "</p>");
    }
    long max = bars.stream().mapToLong(b -> b.bar().count).max().orElse(1);
    for (Labelled labelled : bars) {
      Bar bar = labelled.bar();
      long width = Math.max(2, Math.round(100.0 * bar.count / max));
      out.write(
          "<details class=\"bar\"><summary><span class=\"name\" title=\""
              + escape(labelled.label())
              + "\">"
              + escape(labelled.label())
              + "</span><span class=\"track\"><span class=\"fill "
              + labelled.css()
              + "\" style=\"width:"
              + width
              + "%\"></span></span><span class=\"count\">"
              + bar.count
              + "</span></summary><p class=\"links\">"
              + escape(explainer.text("html.overview.inSessions", Integer.toString(bar.sessions))));
      for (SessionLink link : bar.links) {
        out.write(" <a href=\"#" + link.id() + "\">" + escape(link.name()) + "</a>");
      }
      if (bar.sessions > bar.links.size()) {
        out.write(
            " "
                + escape(
                    explainer.text(
                        "html.overview.more", Integer.toString(bar.sessions - bar.links.size()))));
      }
      out.write("</p></details>");
    }
    out.write("</div>");
  }

  /** The table of sessions with their counts. */
  private void index(Writer out) throws IOException {
    out.write(
        "<details class=\"index\" open><summary>"
            + escape(explainer.text("html.overview.index"))
            + "</summary><table><thead><tr><th>#</th><th>");
    out.write(escape(explainer.text("html.overview.session")) + "</th>");
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
      out.write("<th class=\"num\">" + escape(explainer.severity(severity)) + "</th>");
    }
    out.write(
        "<th class=\"num\">"
            + escape(explainer.text("html.problems"))
            + "</th></tr></thead><tbody>");
    for (SessionLink link : sessions) {
      int[] n = counts.get(link.id());
      out.write(
          "<tr data-session=\""
              + link.id()
              + "\"><td>"
              + link.id().substring(1)
              + "</td><td><a href=\"#"
              + link.id()
              + "\">"
              + escape(link.name())
              + "</a></td>");
      for (int i = 0; i < n.length; i++) {
        out.write("<td class=\"num" + (n[i] > 0 ? " some c" + i : "") + "\">" + n[i] + "</td>");
      }
      out.write("</tr>");
    }
    out.write("</tbody></table>");
    if (sessionCount > sessions.size()) {
      out.write(
          "<p>"
              + escape(
                  explainer.text(
                      "html.overview.more", String.valueOf(sessionCount - sessions.size())))
              + "</p>");
    }
    out.write("</details>\n");
  }

  private static String css(Severity severity) {
    return "sev-" + severity.name().toLowerCase(Locale.ROOT);
  }
}
