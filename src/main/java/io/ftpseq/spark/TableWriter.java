package io.ftpseq.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes the job's tables under the output directory, each as Parquet ({@code TABLE/parquet/}) and
 * as JSON Lines ({@code TABLE/jsonl/}), and its text files. Rows are range-partitioned and sorted
 * on every column that tells them apart, so the same input gives the same rows in the same files; a
 * file holds up to 250,000 rows, so that a large table is sorted and written by many tasks.
 */
final class TableWriter {

  private static final long ROWS_PER_FILE = 250_000;

  private final String output;
  private final Configuration hadoop;

  TableWriter(String output, Configuration hadoop) {
    this.output = output;
    this.hadoop = hadoop;
  }

  /**
   * Writes a table sorted by the given columns.
   *
   * @param name the table's directory under the output
   * @param rows how many rows the table has, which sets how many files it is written in
   * @param keys the columns to sort by, most significant first
   */
  void write(String name, Dataset<Row> table, long rows, String... keys) {
    int files = (int) Math.max(1, Math.min(10_000, (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
    Column[] order = Arrays.stream(keys).map(k -> col(k).asc_nulls_first()).toArray(Column[]::new);
    // one file needs no sampling of the key ranges, only one sorted partition
    Dataset<Row> partitioned =
        files == 1 ? table.repartition(1) : table.repartitionByRange(files, order);
    Dataset<Row> sorted =
        partitioned.sortWithinPartitions(order).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      sorted.write().mode(SaveMode.Overwrite).parquet(output + "/" + name + "/parquet");
      sorted
          .write()
          .mode(SaveMode.Overwrite)
          .option("ignoreNullFields", "false")
          .json(output + "/" + name + "/jsonl");
    } finally {
      sorted.unpersist(false);
    }
  }

  /** Writes a UTF-8 text file directly under the output directory. */
  void text(String name, String content) throws IOException {
    Path path = new Path(output, name);
    FileSystem fs = path.getFileSystem(hadoop);
    try (OutputStream out = fs.create(path, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
