package io.ftpseq.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.explain.Explainer;
import io.ftpseq.explain.MarkdownRenderer;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Assumptions;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Prediction;
import io.ftpseq.rules.Simulation;
import io.ftpseq.rules.Simulation.Dialogue;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ftpseq simulate} prints: the dialogue each server would have with the script, one
 * column per server, every refused step marked {@code !}, then every finding of every server with
 * its rule, explanation and fix. Text for people, Markdown for pages and job summaries, JSON for
 * tools.
 *
 * @param explainer the texts' language
 * @param source the script's name
 * @param script the script's commands
 * @param assumptions what the script's notes say of logins and files
 * @param dialogues one dialogue per server, in the order asked for
 */
public record SimulationReport(
    Explainer explainer,
    String source,
    List<CommandSent> script,
    Assumptions assumptions,
    List<Dialogue> dialogues) {

  /** The output formats. */
  public enum Format {
    /** A table for a terminal. */
    TEXT,
    /** A Markdown table. */
    MARKDOWN,
    /** One JSON document. */
    JSON
  }

  private static final int CELL = 34;

  /** Copies the lists. */
  public SimulationReport {
    script = List.copyOf(script);
    dialogues = List.copyOf(dialogues);
  }

  /**
   * Writes the report in the format. Control characters the script holds are shown as escapes
   * ({@code \x1b}) in text and Markdown, as JSON escapes them in JSON.
   */
  public void write(Format format, Writer to) throws IOException {
    Writer out = format == Format.JSON ? to : EscapingWriter.of(to);
    switch (format) {
      case TEXT -> text(out);
      case MARKDOWN -> markdown(out);
      case JSON -> json(out);
    }
    out.flush();
  }

  /**
   * Writes the lines of the script that are no command, one {@code file:line: problem: message}
   * line each in the explainer's language, control characters shown as escapes.
   */
  public static void writeProblems(Explainer explainer, List<Problem> problems, Writer to)
      throws IOException {
    Writer out = EscapingWriter.of(to);
    for (Problem problem : problems) {
      out.write(
          UnsafeCharacters.oneLine(
                  explainer.text(
                      "report.problem", problem.source().toString(), explainer.problem(problem)))
              + "\n");
    }
    out.flush();
  }

  private void text(Writer out) throws IOException {
    out.write(UnsafeCharacters.oneLine(explainer.text("simulate.title", source)) + "\n");
    for (String line : assumptionLines()) {
      out.write("  " + line + "\n");
    }
    out.write("\n");
    List<String[]> rows = rows(false);
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], DisplayWidth.of(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - DisplayWidth.of(row[i]) + 2));
      }
      out.write(line.toString().stripTrailing() + "\n");
    }
    for (String note : withoutTexts()) {
      out.write("\n" + note + "\n");
    }
    for (Dialogue dialogue : dialogues) {
      for (Simulation.Step step : dialogue.steps()) {
        for (Note note : notes(dialogue, step)) {
          out.write("\n" + note.line() + "\n");
          if (note.finding() != null) {
            Finding finding = note.finding();
            out.write("  " + explainer.text("report.finding.explanation", why(finding)) + "\n");
            out.write("  " + explainer.text("report.finding.fix", explainer.fix(finding.rule())));
            out.write("\n");
          }
        }
      }
    }
    out.write("\n" + String.join("\n", summary()) + "\n");
  }

  private void markdown(Writer out) throws IOException {
    out.write("## " + markdown(explainer.text("simulate.title", source)) + "\n\n");
    for (String line : assumptionLines()) {
      out.write("- " + markdown(line) + "\n");
    }
    List<String[]> rows = rows(true);
    out.write("\n| " + String.join(" | ", rows.get(0)) + " |\n");
    out.write("|" + "---|".repeat(rows.get(0).length) + "\n");
    for (String[] row : rows.subList(1, rows.size())) {
      out.write("| " + String.join(" | ", row) + " |\n");
    }
    out.write("\n");
    for (String note : withoutTexts()) {
      out.write(markdown(note) + "\n\n");
    }
    for (Dialogue dialogue : dialogues) {
      for (Simulation.Step step : dialogue.steps()) {
        for (Note note : notes(dialogue, step)) {
          out.write("- " + markdown(note.line()) + "\n");
        }
      }
    }
    out.write("\n");
    for (String line : summary()) {
      out.write("- " + markdown(line) + "\n");
    }
  }

  private void json(Writer out) throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("script", source);
    ObjectNode assumed = root.putObject("assumptions");
    assumed.put("loginFails", assumptions.loginFails());
    ArrayNode missing = assumed.putArray("missing");
    assumptions.shownMissing().stream().sorted().forEach(missing::add);
    ArrayNode servers = root.putArray("profiles");
    for (Dialogue dialogue : dialogues) {
      ObjectNode server = servers.addObject();
      server.put("profile", dialogue.profile().name());
      server.put("title", dialogue.profile().title());
      server.put("unsent", dialogue.unsent());
      ArrayNode steps = server.putArray("steps");
      int index = 0;
      for (Simulation.Step step : dialogue.steps()) {
        steps.add(step(++index, dialogue, step));
      }
    }
    Json.MAPPER.writeValue(out, root);
    out.write("\n");
  }

  private ObjectNode step(int index, Dialogue dialogue, Simulation.Step step) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("step", index);
    Json.position(node, step.command().source());
    node.put("command", step.command().command().text());
    Prediction prediction = step.prediction();
    node.putObject("predicted")
        .put("code", prediction.code())
        .put("text", prediction.text())
        .put("situation", prediction.situation().toString());
    ArrayNode replies = node.putArray("replies");
    for (Reply reply : step.replies()) {
      replies.addObject().put("code", reply.code().value()).put("text", reply.text());
    }
    node.put("refused", step.refused());
    ArrayNode findings = node.putArray("findings");
    for (Finding finding : step.findings()) {
      findings
          .addObject()
          .put("rule", finding.rule().name())
          .put("severity", finding.severity().name().toLowerCase(Locale.ROOT))
          .put("message", explainer.message(finding, dialogue.profile()))
          .put("explanation", explainer.explanation(finding.rule()))
          .put("fix", explainer.fix(finding.rule()));
    }
    return node;
  }

  /**
   * The table: a header, then one row per command of the script. Its cells are made alike in every
   * format ({@link #tableCell}: control characters and tabs escaped, cut to one width), then
   * escaped for Markdown there.
   */
  private List<String[]> rows(boolean markdown) {
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[dialogues.size() + 2];
    header[0] = "#";
    header[1] = explainer.text("report.predict.command");
    for (int i = 0; i < dialogues.size(); i++) {
      header[i + 2] = dialogues.get(i).profile().title();
    }
    if (markdown) {
      for (int i = 1; i < header.length; i++) {
        header[i] = MarkdownRenderer.cell(EscapingWriter.escaped(header[i]));
      }
    }
    rows.add(header);
    for (int row = 0; row < script.size(); row++) {
      String[] cells = new String[dialogues.size() + 2];
      cells[0] = Integer.toString(row + 1);
      String command = tableCell(script.get(row).command().text());
      cells[1] = markdown ? MarkdownRenderer.cell(command) : command;
      for (int i = 0; i < dialogues.size(); i++) {
        List<Simulation.Step> steps = dialogues.get(i).steps();
        cells[i + 2] = row < steps.size() ? cell(steps.get(row), markdown) : "-";
      }
      rows.add(cells);
    }
    return rows;
  }

  private String cell(Simulation.Step step, boolean markdown) {
    Prediction prediction = step.prediction();
    String reply;
    if (prediction.closes()) {
      reply = explainer.text("report.predict.closes");
    } else if (prediction.code() == 0) {
      reply = "? " + step.replies().stream().findFirst().map(r -> r.code().toString()).orElse("");
    } else {
      reply = (prediction.code() + " " + prediction.text()).strip();
    }
    reply = tableCell(reply);
    if (markdown) {
      reply = MarkdownRenderer.cell(reply);
      return step.refused() ? "**" + reply + "**" : reply;
    }
    return (step.refused() ? "! " : "  ") + reply;
  }

  /**
   * Text as a table cell shows it, in every format: its control characters and tabs shown as
   * escapes ({@code \\x09}) before the cell is measured, so that neither the escapes the writer
   * would add nor a tab push the columns after it out of line, then cut to the cell's width.
   */
  static String tableCell(String text) {
    return cut(EscapingWriter.escaped(text).replace("\t", "\\x09"));
  }

  /** The text cut to a cell's width, its end marked {@code …}. */
  private static String cut(String text) {
    return text.length() > CELL ? text.substring(0, CELL - 1) + "…" : text;
  }

  /** A line about a step: a finding, or a refusal no finding names ({@code finding} null). */
  private record Note(String line, Finding finding) {}

  /** A note per finding of the step, and one for a refusal no finding names. */
  private List<Note> notes(Dialogue dialogue, Simulation.Step step) {
    List<Note> notes = new ArrayList<>();
    int index = dialogue.steps().indexOf(step) + 1;
    String where =
        explainer.text(
            "simulate.step",
            dialogue.profile().title(),
            Integer.toString(index),
            position(step.command().source()),
            step.command().command().text());
    for (Finding finding : step.findings()) {
      notes.add(
          new Note(
              explainer.text("report.at", where, explainer.finding(finding, dialogue.profile())),
              finding));
    }
    if (step.refused() && step.findings().isEmpty()) {
      Prediction prediction = step.prediction();
      String refusal =
          explainer.text(
              prediction.closes() ? "simulate.closes" : "simulate.refused",
              dialogue.profile().title(),
              shown(prediction),
              explainer.situation(prediction.situation().situation()));
      notes.add(new Note(explainer.text("report.at", where, refusal), null));
    }
    return notes;
  }

  /** A reply as a sentence quotes it: the code and the text without its final full stop. */
  private static String shown(Prediction prediction) {
    String text = prediction.text();
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return (prediction.code() + " " + trimmed).strip();
  }

  private String why(Finding finding) {
    return explainer.explanation(finding.rule());
  }

  private String position(Source source) {
    return explainer.position(source);
  }

  private List<String> assumptionLines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        explainer.text(
            assumptions.loginFails() ? "simulate.login.fails" : "simulate.login.succeeds"));
    lines.add(
        assumptions.shownMissing().isEmpty()
            ? explainer.text("simulate.files.exist")
            : explainer.text(
                "simulate.files.missing",
                String.join(", ", assumptions.shownMissing().stream().sorted().toList())));
    return lines;
  }

  /**
   * A line for each server whose profile records no reply text at all (IIS, from documentation
   * only), whose column would otherwise look cut off: codes alone, and {@code ?} where nothing is
   * predicted.
   */
  private List<String> withoutTexts() {
    List<String> lines = new ArrayList<>();
    for (Dialogue dialogue : dialogues) {
      if (dialogue.profile().reactions().values().stream().allMatch(r -> r.text().isEmpty())) {
        lines.add(explainer.text("simulate.profile.noTexts", dialogue.profile().title()));
      }
    }
    return lines;
  }

  private List<String> summary() {
    List<String> parts = new ArrayList<>();
    for (Dialogue dialogue : dialogues) {
      long refused = dialogue.steps().stream().filter(Simulation.Step::refused).count();
      parts.add(
          explainer.text(
              "simulate.summary.server",
              dialogue.profile().title(),
              refused,
              dialogue.steps().size()));
    }
    return parts;
  }

  /**
   * Text for a Markdown line, escaped where every Markdown output escapes ({@link
   * MarkdownRenderer#cell}): a file name such as {@code [x](http://evil)} or {@code *bold*} shows
   * as written, a {@code <} starts no HTML tag, and a line break or tab cannot end the line.
   */
  private static String markdown(String text) {
    return MarkdownRenderer.cell(text);
  }
}
