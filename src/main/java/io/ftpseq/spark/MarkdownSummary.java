package io.ftpseq.spark;

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

  /** The Markdown for the summary line and the rows of the summary table. */
  static String of(String summaryLine, List<Row> summary) {
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
      out.append("\n### By ").append(dimension).append("\n\n");
      out.append("| ")
          .append(Character.toUpperCase(dimension.charAt(0)))
          .append(dimension.substring(1))
          .append(" | Sessions | Findings | Errors | Warnings | Info |\n");
      out.append("|---|---:|---:|---:|---:|---:|\n");
      for (Row row : rows.subList(0, Math.min(TOP, rows.size()))) {
        String value = row.getString(1);
        out.append(
            String.format(
                "| %s | %d | %d | %d | %d | %d |\n",
                dimension.equals("rule") ? "`" + value + "`" : cell(value),
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6)));
      }
      if (rows.size() > TOP) {
        out.append(
            String.format(
                "\n%d more in summary/ (dimension = '%s').\n", rows.size() - TOP, dimension));
      }
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
