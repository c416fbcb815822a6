package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.rules.Finding;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.util.List;

/**
 * The SVG of one row of a sequence diagram: the lifelines of the client, the server and, for
 * captures, the data connections, with the row's arrow or mark drawn across them. Every row's SVG
 * stretches to the row's height, so the lifelines run on unbroken from row to row.
 */
final class Lanes {

  private static final int CLIENT = 70;
  private static final int SERVER = 330;
  private static final int DATA = 460;
  private static final int Y = 18;
  private static final int HEAD = 9;

  /**
   * The columns of an arrow's label: 34 of the 12 px monospace font (about 7.2 px each) take 246 of
   * the 260 px between the lifelines.
   */
  private static final int LABEL_COLUMNS = 34;

  /** The columns of a lane's title: 12 take 87 of its box's 96 px. */
  private static final int TITLE_COLUMNS = 12;

  private static final int TITLE_BOX = 96;

  private final boolean data;

  /**
   * Lanes for a session.
   *
   * @param data whether the session shows data connections, which get a lane of their own
   */
  Lanes(boolean data) {
    this.data = data;
  }

  /** The width of every row's SVG. */
  int width() {
    return data ? DATA + 50 : SERVER + 70;
  }

  /** The lane titles, drawn once above the rows. */
  String header(String client, String server, String dataTitle) {
    StringBuilder svg = open("lanes head", false, "");
    title(svg, CLIENT, client);
    title(svg, SERVER, server);
    if (data) {
      title(svg, DATA, dataTitle);
    }
    return svg.append("</svg>").toString();
  }

  /** The SVG of an arrow: a command goes right, a reply comes back left. */
  String arrow(Row.Message message, List<String> markIds, List<Finding> findings) {
    StringBuilder svg = open("lanes", message.dataOpen(), "life");
    int from = message.isCommand() ? CLIENT : SERVER;
    int to = message.isCommand() ? SERVER - 1 : CLIENT + 1;
    String kind = message.isCommand() ? "cmd" : "reply c" + message.reply().code().value() / 100;
    String worst =
        findings.isEmpty() ? "" : " sev-" + FindingView.severity(SequenceDiagram.worst(findings));
    svg.append("<g class=\"arrow ").append(kind).append(worst).append("\">");
    int tip = message.isCommand() ? to - HEAD : to + HEAD;
    svg.append(line(from, tip, ""))
        .append("<path d=\"M")
        .append(to)
        .append(',')
        .append(Y)
        .append(" L")
        .append(tip)
        .append(',')
        .append(Y - 4.5)
        .append(" L")
        .append(tip)
        .append(',')
        .append(Y + 4.5)
        .append(" Z\"/>");
    String label = message.label();
    svg.append("<text x=\"")
        .append((CLIENT + SERVER) / 2)
        .append("\" y=\"")
        .append(Y - 5)
        .append("\" text-anchor=\"middle\">")
        .append(Html.fitted(label, LABEL_COLUMNS))
        .append("<title>")
        .append(escape(label))
        .append("</title></text></g>");
    for (int i = 0; i < findings.size(); i++) {
      svg.append("<circle class=\"mark sev-")
          .append(FindingView.severity(findings.get(i)))
          .append("\" data-finding=\"")
          .append(markIds.get(i))
          .append("\" cx=\"")
          .append(from + (message.isCommand() ? -10 - 12 * i : 10 + 12 * i))
          .append("\" cy=\"")
          .append(Y)
          .append("\" r=\"5\"/>");
    }
    return svg.append("</svg>").toString();
  }

  /** The SVG of a note: a data connection opening or closing, or a break in the record. */
  String marker(Row.Marker marker) {
    NoteKind kind = marker.note().kind();
    String lifelines =
        switch (kind) {
          case LINES_MISSING, START_MISSING, UNLOGGED_COMMANDS -> "life gap";
          case ENCRYPTED -> "life enc";
          default -> "life";
        };
    StringBuilder svg = open("lanes", marker.dataOpen(), lifelines);
    if (data && (kind == NoteKind.DATA_OPENED || kind == NoteKind.DATA_CLOSED)) {
      String state = kind == NoteKind.DATA_OPENED ? "open" : "closed";
      svg.append("<g class=\"data ").append(state).append("\">");
      svg.append(line(SERVER, DATA, ""));
      svg.append("<circle cx=\"").append(DATA).append("\" cy=\"").append(Y).append("\" r=\"5\"/>");
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /** The SVG of a folded stretch: the lifelines only, dotted. */
  String fold(boolean dataOpen) {
    return open("lanes", dataOpen, "life fold").append("</svg>").toString();
  }

  private StringBuilder open(String css, boolean dataOpen, String lifeline) {
    StringBuilder svg = new StringBuilder(512);
    svg.append("<svg class=\"")
        .append(css)
        .append("\" width=\"")
        .append(width())
        .append("\" aria-hidden=\"true\">");
    if (lifeline.isEmpty()) {
      return svg;
    }
    svg.append(lifeline(CLIENT, lifeline)).append(lifeline(SERVER, lifeline));
    if (data) {
      svg.append(lifeline(DATA, lifeline + " data-lane"));
      if (dataOpen) {
        svg.append("<rect class=\"data-active\" x=\"")
            .append(DATA - 4)
            .append("\" y=\"0\" width=\"8\" height=\"100%\"/>");
      }
    }
    return svg;
  }

  private static String lifeline(int x, String css) {
    return "<line class=\"" + css + "\" x1=\"" + x + "\" y1=\"0\" x2=\"" + x + "\" y2=\"100%\"/>";
  }

  private static String line(int from, int to, String css) {
    return "<line"
        + (css.isEmpty() ? "" : " class=\"" + css + "\"")
        + " x1=\""
        + from
        + "\" y1=\""
        + Y
        + "\" x2=\""
        + to
        + "\" y2=\""
        + Y
        + "\"/>";
  }

  /** A lane's title in its box, cut to fit with the whole title as its tooltip. */
  private static void title(StringBuilder svg, int x, String text) {
    svg.append("<g class=\"lane-title\"><rect x=\"")
        .append(x - TITLE_BOX / 2)
        .append("\" y=\"4\" width=\"")
        .append(TITLE_BOX)
        .append("\" height=\"24\" rx=\"5\"/><text x=\"")
        .append(x)
        .append("\" y=\"21\" text-anchor=\"middle\">")
        .append(Html.fitted(text, TITLE_COLUMNS))
        .append("<title>")
        .append(escape(text))
        .append("</title></text></g>");
  }
}
