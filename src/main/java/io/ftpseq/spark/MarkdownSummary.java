package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The Markdown summary of a run, for a job summary or a ticket: the heading and summary line of
 * {@code ftpseq check --report markdown}, then, per rule, server, client and day, the rows with the
 * most findings. The whole table is in {@code summary/}; the rows behind it in {@code findings/}.
 */
final class MarkdownSummary {

  /** How many rows of each dimension the Markdown shows. */
  static final int TOP = 25;

  private static final Comparator<Row> MOST_FINDINGS_FIRST =
      Comparator.<Row>comparingLong(r -> r.getLong(3))
          .thenComparingLong(r -> r.getLong(2))
          .reversed()
          .thenComparing(r -> r.getString(1), Comparator.nullsFirst(Comparator.naturalOrder()));

  private MarkdownSummary() {}

  /**
   * The Markdown for the summary line and the rows of the summary table, its headings and counts in
   * the explainer's language.
   */
  static String of(String summaryLine, List<Row> summary, Explainer explainer) {
    StringBuilder out = new StringBuilder("## ftpseq\n\n").append(summaryLine).append("\n");
    for (String dimension : Summary.DIMENSIONS) {
      List<Row> rows =
          summary.stream()
              .filter(r -> dimension.equals(r.getString(0)))
              .sorted(MOST_FINDINGS_FIRST)
              .toList();
      if (rows.isEmpty()) {
        continue;
      }
      out.append("\n### ").append(explainer.text("spark.summary.by." + dimension)).append("\n\n");
      out.append(
          row(
              explainer.text("spark.summary.head." + dimension),
              explainer.text("spark.summary.head.sessions"),
              explainer.text("spark.summary.head.findings"),
              explainer.text("markdown.head.errors"),
              explainer.text("markdown.head.warnings"),
              explainer.text("markdown.head.info")));
      out.append("|---|---:|---:|---:|---:|---:|\n");
      for (Row row : rows.subList(0, Math.min(TOP, rows.size()))) {
        String value = row.getString(1);
        out.append(
            row(
                dimension.equals("rule") ? "`" + value + "`" : cell(value),
                explainer.number(row.getLong(2)),
                explainer.number(row.getLong(3)),
                explainer.number(row.getLong(4)),
                explainer.number(row.getLong(5)),
                explainer.number(row.getLong(6))));
      }
      if (rows.size() > TOP) {
        out.append("\n")
            .append(
                explainer.text(
                    "spark.summary.more", explainer.number(rows.size() - TOP), dimension))
            .append("\n");
      }
    }
    return out.toString();
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
