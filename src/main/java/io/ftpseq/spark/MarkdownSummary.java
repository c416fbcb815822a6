package io.ftpseq.spark;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Markdown summary of a run, for a job summary or a ticket: the heading and summary line of
 * {@code ftpseq check --report markdown}, then, per rule, server, client and day, the rows with the
 * most findings. The whole table is in {@code summary/}; the rows behind it in {@code findings/}.
 */
final class MarkdownSummary {

  /** How many rows of each dimension the Markdown shows. */
  static final int TOP = 25;

  private MarkdownSummary() {}

  /** The Markdown for the summary line and the summary table. */
  static String of(String summaryLine, Dataset<Row> summary) {
    StringBuilder out = new StringBuilder("## ftpseq\n\n").append(summaryLine).append("\n");
    for (String dimension : Summary.DIMENSIONS) {
      Dataset<Row> rows = summary.where(col("dimension").equalTo(dimension));
      long total = rows.count();
      if (total == 0) {
        continue;
      }
      List<Row> top =
          rows.orderBy(col("findings").desc(), col("sessions").desc(), col("value").asc())
              .limit(TOP)
              .collectAsList();
      out.append("\n### By ").append(dimension).append("\n\n");
      out.append("| ")
          .append(capitalized(dimension))
          .append(" | Sessions | Findings | Errors | Warnings | Info |\n");
      out.append("|---|---:|---:|---:|---:|---:|\n");
      for (Row row : top) {
        out.append(
            String.format(
                "| %s | %d | %d | %d | %d | %d |\n",
                dimension.equals("rule") ? "`" + row.getString(1) + "`" : cell(row.getString(1)),
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6)));
      }
      if (total > TOP) {
        out.append("\n")
            .append(total - TOP)
            .append(" more in summary/ (dimension = '")
            .append(dimension)
            .append("').\n");
      }
    }
    return out.toString();
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
