package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's sequence diagram: one row per command and per reply, each an arrow between the
 * client's and the server's lifelines with its position and time on the left and, on the right, the
 * findings drawn at it, the state it changed, the predicted reply and the reply's explanation.
 * Quiet stretches of a long session fold away, and past {@value #FOLDED_ROWS} folded rows (or the
 * page's {@value #PAGE_FOLDED_ROWS}) a fold holds only its summary; rows with findings and breaks
 * in the record never fold.
 */
final class SequenceDiagram {

  /** Rows kept visible on each side of a loud row, and at the start and end. */
  private static final int CONTEXT = 2;

  /** A quiet stretch shorter than this is shown, not folded. */
  private static final int MIN_FOLD = 8;

  /**
   * The most quiet rows of one session written inside its folds; past them a fold is its summary
   * and how many of its steps it leaves out. A session of 100,000 kept steps with a finding every
   * thousand wrote each of its quiet steps into a fold: a page of 124 MB for one session.
   */
  static final int FOLDED_ROWS = 1_000;

  /**
   * The most quiet rows written inside the folds of all the page's diagrams: twenty sessions of
   * thousands of steps each wrote a thousand each.
   */
  static final int PAGE_FOLDED_ROWS = 2_000;

  private static final Pattern CLOCK = Pattern.compile("(\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,3})?)");

  private final Explainer explainer;
  private final Anchors anchors;
  private final FindingView findings;
  private final boolean explainAll;
  private final Lanes lanes;
  private final int foldable;
  private int folded;

  /**
   * A diagram.
   *
   * @param pageLeft how many quiet rows the page has left to write in folds
   */
  SequenceDiagram(
      Explainer explainer, Anchors anchors, boolean explainAll, boolean dataLane, int pageLeft) {
    this.foldable = Math.max(0, Math.min(FOLDED_ROWS, pageLeft));
    this.explainer = explainer;
    this.anchors = anchors;
    this.findings = new FindingView(explainer, anchors);
    this.explainAll = explainAll;
    this.lanes = new Lanes(dataLane);
  }

  /** How many quiet rows the diagram wrote inside its folds. */
  int folded() {
    return folded;
  }

  /** Writes the diagram of the rows. */
  void write(Writer out, List<Row> rows, ServerProfile profile) throws IOException {
    boolean timed = rows.stream().anyMatch(r -> r.source().hasTime());
    out.write(
        "<div class=\"diagram"
            + (timed ? "" : " untimed")
            + "\" style=\"--lanes:"
            + lanes.width()
            + "px\">");
    out.write("<div class=\"row head\"><span></span><span></span>");
    lane(
        out,
        lanes.header(
            explainer.text("html.lane.client"),
            explainer.text("html.lane.server"),
            explainer.text("html.lane.data")));
    out.write("<span></span></div>");
    boolean[] shown = shown(rows);
    folded = 0;
    int i = 0;
    while (i < rows.size()) {
      if (shown[i]) {
        row(out, rows.get(i), i, profile);
        i++;
        continue;
      }
      int end = i;
      while (end < rows.size() && !shown[end]) {
        end++;
      }
      fold(out, rows, i, end, profile);
      i = end;
    }
    out.write("</div>");
  }

  /**
   * Which rows stay visible: the first and last few, every loud row and its neighbours, and any
   * quiet stretch too short to be worth folding.
   */
  static boolean[] shown(List<Row> rows) {
    int n = rows.size();
    boolean[] shown = new boolean[n];
    for (int i = 0; i < n; i++) {
      shown[i] |= i < 2 * CONTEXT || i >= n - CONTEXT;
      if (rows.get(i).isLoud()) {
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(n - 1, i + CONTEXT); j++) {
          shown[j] = true;
        }
      }
    }
    int i = 0;
    while (i < n) {
      int end = i;
      while (end < n && !shown[end]) {
        end++;
      }
      if (end - i < MIN_FOLD) {
        for (int j = i; j < end; j++) {
          shown[j] = true;
        }
      }
      i = Math.max(end, i + 1);
    }
    return shown;
  }

  private void fold(Writer out, List<Row> rows, int from, int to, ServerProfile profile)
      throws IOException {
    Source first = rows.get(from).source();
    Source last = rows.get(to - 1).source();
    int drawn = Math.min(to - from, foldable - folded);
    folded += drawn;
    out.write(
        "<details class=\"fold\" data-rows=\""
            + from
            + "-"
            + (to - 1)
            + "\"><summary class=\"row\"><span></span><span></span>");
    lane(out, lanes.fold(rows.get(from).dataOpen()));
    out.write(
        "<span class=\"ann\">"
            + escape(
                explainer.text(
                    "html.fold",
                    Integer.toString(to - from),
                    explainer.position(first),
                    explainer.position(last)))
            + (drawn < to - from
                ? " "
                    + escape(
                        explainer.text(
                            "html.fold.cut",
                            Integer.toString(to - from - drawn),
                            Integer.toString(FOLDED_ROWS),
                            Integer.toString(PAGE_FOLDED_ROWS)))
                : "")
            + "</span></summary>");
    for (int i = from; i < from + drawn; i++) {
      row(out, rows.get(i), i, profile);
    }
    out.write("</details>");
  }

  private void row(Writer out, Row row, int index, ServerProfile profile) throws IOException {
    String css =
        row instanceof Row.Message message
            ? (message.isCommand() ? "row cmd" : "row reply")
            : "row note " + ((Row.Marker) row).note().kind().name().toLowerCase(Locale.ROOT);
    if (row instanceof Row.Message message && message.isLoud()) {
      css += " loud sev-" + FindingView.severity(worst(message.findings()));
    } else if (row.isLoud()) {
      css += " loud";
    }
    out.write("<div class=\"" + css + "\" id=\"" + anchors.row(index) + "\">");
    gutter(out, row.source());
    if (row instanceof Row.Message message) {
      List<String> ids = new ArrayList<>();
      for (Finding finding : message.findings()) {
        ids.add(anchors.finding(finding));
      }
      lane(out, lanes.arrow(message, ids, message.findings()));
      out.write("<div class=\"ann\">");
      new Annotations(explainer, explainAll).write(out, message);
      for (Finding finding : message.findings()) {
        findings.write(out, finding, anchors.finding(finding), profile);
      }
      out.write("</div>");
    } else {
      Row.Marker marker = (Row.Marker) row;
      lane(out, lanes.marker(marker));
      String detail = explainer.detail(marker.note());
      out.write(
          "<div class=\"ann\"><span class=\"chip note\">"
              + escape(explainer.note(marker.note().kind()))
              + "</span>"
              + (detail.isEmpty() ? "" : " <span class=\"detail\">" + escape(detail) + "</span>")
              + "</div>");
    }
    out.write("</div>\n");
  }

  private static void lane(Writer out, String svg) throws IOException {
    out.write("<span class=\"lane\">" + svg + "</span>");
  }

  /** The most serious of the findings. */
  static Severity worst(List<Finding> findings) {
    return findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** The position (linked to the raw line when embedded) and the time, in two cells. */
  private void gutter(Writer out, Source source) throws IOException {
    String number =
        source.line() == 0 ? "" : (source.unit() == Source.Unit.PACKET ? "#" : "") + source.line();
    String raw = anchors.rawLine(source);
    String title = escape(explainer.position(source));
    out.write(
        raw == null
            ? "<span class=\"pos\" title=\"" + title + "\">" + number + "</span>"
            : "<a class=\"pos\" href=\"#" + raw + "\" title=\"" + title + "\">" + number + "</a>");
    String clock = "";
    if (source.hasTime()) {
      Matcher matcher = CLOCK.matcher(source.time());
      clock = matcher.find() ? matcher.group(1) : source.time();
    }
    out.write(
        "<span class=\"time\" title=\""
            + escape(source.time())
            + "\">"
            + escape(clock)
            + "</span>");
  }

  /** Whether the notes show data connections, which then get a lane of their own. */
  static boolean hasDataLane(List<Row> rows) {
    return rows.stream()
        .anyMatch(
            r ->
                r instanceof Row.Marker m
                    && (m.note().kind() == NoteKind.DATA_OPENED
                        || m.note().kind() == NoteKind.DATA_CLOSED));
  }
}
