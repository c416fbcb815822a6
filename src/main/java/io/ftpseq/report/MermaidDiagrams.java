package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Step;
import io.ftpseq.session.Exchange;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Mermaid {@code sequenceDiagram} blocks for the Markdown report, which GitHub draws in job
 * summaries and comments: for each session with findings, the steps around each finding with the
 * finding as a note over both lifelines. Everything is bounded (steps around a finding, steps per
 * diagram, diagrams per report) so a large run stays within what GitHub renders.
 */
final class MermaidDiagrams {

  /** Steps drawn before and after each finding's step. */
  static final int AROUND = 2;

  /** The most steps one diagram draws; findings past them are left to the table. */
  static final int MAX_STEPS = 40;

  /** The most diagrams one report draws. */
  static final int MAX_DIAGRAMS = 20;

  private static final int NOTE_WIDTH = 60;

  private final Explainer explainer;
  private int drawn;
  private int skipped;

  MermaidDiagrams(Explainer explainer) {
    this.explainer = explainer;
  }

  /** Writes the diagram of a session, if it has findings and steps and the bound allows it. */
  void write(Writer out, SessionCheck session, String title) throws IOException {
    if (session.findings().isEmpty() || session.steps().isEmpty()) {
      return;
    }
    if (drawn == MAX_DIAGRAMS) {
      skipped++;
      return;
    }
    drawn++;
    Map<Integer, List<Finding>> at = findingsByStep(session);
    TreeSet<Integer> shown = new TreeSet<>();
    for (int step : at.keySet()) {
      for (int i = Math.max(0, step - AROUND);
          i <= Math.min(session.steps().size() - 1, step + AROUND) && shown.size() < MAX_STEPS;
          i++) {
        shown.add(i);
      }
    }
    out.write("\n#### " + title + "\n\n```mermaid\nsequenceDiagram\n");
    out.write("    participant C as " + text(explainer.text("html.lane.client")) + "\n");
    out.write("    participant S as " + text(explainer.text("html.lane.server")) + "\n");
    int previous = -1;
    for (int index : shown) {
      if (index > previous + 1) {
        note(out, explainer.text("markdown.mermaid.skipped", index - previous - 1));
      }
      previous = index;
      step(out, session.steps().get(index).exchange(), at.getOrDefault(index, List.of()), session);
    }
    if (previous < session.steps().size() - 1) {
      note(out, explainer.text("markdown.mermaid.skipped", session.steps().size() - 1 - previous));
    }
    out.write("```\n");
  }

  /** Says how many sessions with findings were not drawn, if any. */
  void finish(Writer out) throws IOException {
    if (skipped > 0) {
      out.write("\n" + explainer.text("markdown.mermaid.more", skipped, drawn) + "\n");
    }
  }

  private void step(Writer out, Exchange exchange, List<Finding> findings, SessionCheck session)
      throws IOException {
    if (exchange.command() != null) {
      out.write(
          "    C->>S: "
              + text(exchange.command().command().text() + position(exchange.command().source()))
              + "\n");
    }
    for (Finding finding : findings) {
      note(out, explainer.finding(finding, session.profile()));
    }
    for (ReplyReceived reply : exchange.replies()) {
      out.write("    S-->>C: " + text(reply.reply().firstLine() + position(reply.source())) + "\n");
    }
  }

  private String position(Source source) {
    return source.line() == 0 ? "" : " (" + explainer.position(source) + ")";
  }

  private static void note(Writer out, String words) throws IOException {
    out.write("    Note over C,S: " + wrapped(words) + "\n");
  }

  /** The words escaped, with a line break about every {@value #NOTE_WIDTH} characters. */
  static String wrapped(String words) {
    StringBuilder out = new StringBuilder();
    int line = 0;
    for (String word : words.split(" ", -1)) {
      if (line > 0 && line + word.length() > NOTE_WIDTH) {
        out.append("<br/>");
        line = 0;
      } else if (line > 0) {
        out.append(' ');
        line++;
      }
      out.append(text(word));
      line += word.length();
    }
    return out.toString();
  }

  /**
   * Text escaped for a Mermaid message: characters Mermaid reads as syntax (line breaks, {@code ;},
   * {@code #}, {@code %}, tags, quotes) and backticks that would end the Markdown code block become
   * Mermaid entity codes.
   */
  static String text(String words) {
    StringBuilder out = new StringBuilder(words.length() + 8);
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      switch (c) {
        case '#' -> out.append("#35;");
        case ';' -> out.append("#59;");
        case '%' -> out.append("#37;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '"' -> out.append("#quot;");
        case '`' -> out.append("#96;");
        case '&' -> out.append("#38;");
        case '\r', '\n', '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The steps the findings belong to: the step with a command or reply at the finding's position,
   * else the first step after it, else the last.
   */
  private static Map<Integer, List<Finding>> findingsByStep(SessionCheck session) {
    List<Step> steps = session.steps();
    TreeMap<Long, Integer> byLine = new TreeMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Exchange exchange = steps.get(i).exchange();
      byLine.putIfAbsent(exchange.source().line(), i);
      for (ReplyReceived reply : exchange.replies()) {
        byLine.putIfAbsent(reply.source().line(), i);
      }
    }
    Map<Integer, List<Finding>> at = new TreeMap<>();
    for (Finding finding : session.findings()) {
      Map.Entry<Long, Integer> step = byLine.ceilingEntry(finding.source().line());
      int index = step == null ? steps.size() - 1 : step.getValue();
      at.computeIfAbsent(index, k -> new ArrayList<>()).add(finding);
    }
    return at;
  }
}
