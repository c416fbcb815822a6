package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.report.UnsafeCharacters;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The top of the page: how many inputs, sessions, findings, problems and notes the run has, small
 * bar charts of the findings by severity, by rule and by server profile, each bar opening the list
 * of its sessions, and the table of sessions. Gathered in one pass over the sessions, keeping
 * counts, links and the table's lines only; the same pass chooses the sessions drawn in full.
 */
final class Overview {

  /** The most sessions a bar lists; the rest are counted. */
  static final int LINKS_PER_BAR = 30;

  /** A session as the overview links to it. */
  record SessionLink(String id, String name) {}

  /** One bar: how many findings (or sessions), and the first sessions that have them. */
  static final class Bar {
    long count;
    int sessions;
    final List<SessionLink> links = new ArrayList<>();

    /** Counts a session; links to it when it has a place on the page ({@code link} not null). */
    void add(SessionLink link, long n) {
      count += n;
      sessions++;
      if (link != null && links.size() < LINKS_PER_BAR) {
        links.add(link);
      }
    }
  }

  private final Explainer explainer;
  private final int inputs;
  private final List<Problem> inputProblems;
  private final List<CheckRun.InputNote> inputNotes;
  private final Map<Severity, Bar> bySeverity = new EnumMap<>(Severity.class);
  private final Map<Rule, Bar> byRule = new EnumMap<>(Rule.class);
  private final Map<String, Bar> byProfile = new TreeMap<>();
  private final Map<NoteKind, Bar> notes = new EnumMap<>(NoteKind.class);
  private final Bar problems = new Bar();
  private long sessionCount;
  private final SessionTable table;
  private final DrawnSessions choice;
  private final NavigableSet<Long> drawn = new TreeSet<>();
  private long notable;
  private long notableDrawn;
  private long cleanDrawn;
  private final ListedFindings listed = new ListedFindings();
  private long findingsDrawn;
  private long findingsListed;
  private long pastListed;

  private Overview(Explainer explainer, CheckRun run, boolean cleanToo) {
    this.explainer = explainer;
    this.inputs = run.inputCount();
    this.inputProblems = run.inputProblems();
    this.inputNotes = run.inputNotes();
    this.table = new SessionTable(explainer);
    this.choice = new DrawnSessions(cleanToo);
  }

  /**
   * The overview of a run, from one pass over its sessions.
   *
   * @param cleanToo whether clean sessions are drawn too ({@link DrawnSessions})
   */
  static Overview of(Explainer explainer, CheckRun run, boolean cleanToo) {
    Overview overview = new Overview(explainer, run, cleanToo);
    int index = 0;
    for (SessionCheck session : run.sessions()) {
      overview.add(session, "s" + ++index);
    }
    return overview;
  }

  /** The places of the sessions the page draws in full, 0 being the first session. */
  NavigableSet<Long> drawn() {
    return drawn;
  }

  private void add(SessionCheck session, String id) {
    sessionCount++;
    boolean full = choice.next(session);
    if (full) {
      drawn.add(sessionCount - 1);
      findingsDrawn += session.findings().size();
      findingsListed += listed.next(session).findings().size();
    }
    if (DrawnSessions.notable(session)) {
      notable++;
      notableDrawn += full ? 1 : 0;
    } else {
      cleanDrawn += full ? 1 : 0;
    }
    boolean listed = table.add(session, id, full);
    SessionLink link = full || listed ? new SessionLink(id, SessionSection.name(session)) : null;
    Map<Rule, Integer> rules = new EnumMap<>(Rule.class);
    for (Finding finding : session.findings()) {
      rules.merge(finding.rule(), 1, Integer::sum);
    }
    long findings = 0;
    for (Severity severity : Severity.values()) {
      long n = session.count(severity); // with those the check counted past its list
      findings += n;
      if (n > 0) {
        bar(bySeverity, severity).add(link, n);
      }
    }
    pastListed += findings - session.findings().size();
    rules.forEach((rule, n) -> bar(byRule, rule).add(link, n));
    if (findings > 0) {
      bar(byProfile, session.profile().name()).add(link, findings);
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
    chart(out, "html.overview.bySeverity", severities, "");
    List<Labelled> rules = new ArrayList<>();
    byRule.forEach((rule, bar) -> rules.add(new Labelled(rule.name(), css(rule.severity()), bar)));
    chart(out, "html.overview.byRule", rules, pastListedNote());
    List<Labelled> profiles = new ArrayList<>();
    byProfile.forEach((profile, bar) -> profiles.add(new Labelled(profile, "profile", bar)));
    chart(out, "html.overview.byProfile", profiles, "");
    List<Labelled> noteBars = new ArrayList<>();
    notes.forEach((kind, bar) -> noteBars.add(new Labelled(explainer.note(kind), "note", bar)));
    if (problems.count > 0) {
      noteBars.add(new Labelled(explainer.text("html.problems"), "problem", problems));
    }
    if (!inputProblems.isEmpty()) {
      // the problems tile counts them too: a chart that said "None." beside it would contradict it
      Bar unreadable = new Bar();
      unreadable.count = inputProblems.size();
      noteBars.add(new Labelled(explainer.text("html.overview.unreadable"), "problem", unreadable));
    }
    chart(out, "html.overview.notes", noteBars, "");
    out.write("</div>\n");
    if (!inputProblems.isEmpty()) {
      out.write(
          "<h3>"
              + escape(explainer.text("html.overview.unreadable"))
              + "</h3><ul class=\"problems\">");
      for (Problem problem : inputProblems) {
        out.write(
            "<li>"
                + escape(
                    UnsafeCharacters.oneLine(problem.source() + ": " + explainer.problem(problem)))
                + "</li>");
      }
      out.write("</ul>\n");
    }
    if (!inputNotes.isEmpty()) {
      out.write(
          "<h3>"
              + escape(explainer.text("html.overview.inputNotes"))
              + "</h3><ul class=\"input-notes\">");
      for (CheckRun.InputNote note : inputNotes) {
        out.write(
            "<li>"
                + escape(
                    UnsafeCharacters.oneLine(
                        explainer.text(
                            "report.inputNote", note.source(), explainer.say(note.note()))))
                + "</li>");
      }
      out.write("</ul>\n");
    }
    table.write(out);
    drawnNote(out);
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

  /** What the rule chart cannot count: findings past those the check lists for a session. */
  private String pastListedNote() {
    return pastListed == 0
        ? ""
        : explainer.text(
            "html.overview.pastListed",
            Long.toString(pastListed),
            Integer.toString(Validator.LISTED_FINDINGS));
  }

  /** A bar chart, the bars scaled to the longest, and a note under them when not empty. */
  private void chart(Writer out, String title, List<Labelled> bars, String note)
      throws IOException {
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
              + "</span></summary>");
      if (bar.sessions == 0) {
        // the inputs' own problems, in no session: listed under the charts
        out.write("</details>");
        continue;
      }
      out.write(
          "<p class=\"links\">"
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
    if (!note.isEmpty()) {
      out.write("<p class=\"unlisted\">" + escape(note) + "</p>");
    }
    out.write("</div>");
  }

  /** Which sessions are drawn below, and where the others are. */
  private void drawnNote(Writer out) throws IOException {
    out.write(
        "<p class=\"drawn\">"
            + escape(
                explainer.text(
                    sessionCount == 0
                        ? "html.drawn.noSessions"
                        : notable == 0
                            ? "html.drawn.none"
                            : notableDrawn == notable ? "html.drawn.all" : "html.drawn.some",
                    Long.toString(notableDrawn),
                    Long.toString(notable - notableDrawn),
                    Integer.toString(DrawnSessions.PER_RULE))));
    if (cleanDrawn > 0) {
      out.write(" " + escape(explainer.text("html.drawn.clean", Long.toString(cleanDrawn))));
    }
    if (findingsListed < findingsDrawn) {
      out.write(
          " "
              + escape(
                  explainer.text(
                      "html.findings.some",
                      Long.toString(findingsListed),
                      Long.toString(findingsDrawn),
                      Integer.toString(ListedFindings.PER_RULE),
                      Integer.toString(ListedFindings.PER_SESSION),
                      Integer.toString(ListedFindings.MAX))));
    }
    out.write("</p>\n");
  }

  private static String css(Severity severity) {
    return "sev-" + severity.name().toLowerCase(Locale.ROOT);
  }
}
