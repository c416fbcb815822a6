package io.ftpseq.spark;

import static org.apache.spark.sql.functions.col;

import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes the job's tables under the output directory, each as Parquet ({@code TABLE/parquet/}) and
 * as JSON Lines ({@code TABLE/jsonl/}), and its text files. Rows are range-partitioned and sorted
 * by the table's keys and then by every other column, so the same input gives the same rows in the
 * same order whatever the number of cores, tasks or shuffle partitions; a file holds up to 250,000
 * rows ({@link #ROWS_PER_FILE}), so that a large table is sorted and written by many tasks (where a
 * large table is cut into files depends on a sample of its rows, not its order).
 */
final class TableWriter {

  /**
   * The Spark setting for how many rows a file holds at most ({@code --conf
   * spark.ftpseq.rowsPerFile=N}); 250,000 when not set.
   */
  static final String ROWS_PER_FILE = "spark.ftpseq.rowsPerFile";

  private static final String DEFAULT_ROWS_PER_FILE = "250000";

  /** The start of a column's name that is sorted by but not written. */
  static final String SORT_ONLY = "sort_only_";

  private final String output;
  private final Configuration hadoop;

  private TableWriter(String output, Configuration hadoop) {
    this.output = output;
    this.hadoop = hadoop;
  }

  /**
   * A writer under the output directory, made if it is not there, before any input is read: an
   * output that cannot be written stops the run as a report that cannot be written stops {@code
   * ftpseq check}, not after the check as an input that could not be read.
   *
   * @throws OutputNotWritable if the directory is a file, is under one, or cannot be made
   */
  static TableWriter open(String output, Configuration hadoop) throws OutputNotWritable {
    boolean made;
    try {
      Path path = new Path(output);
      made = path.getFileSystem(hadoop).mkdirs(path);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      // Hadoop's "Destination exists and is not a directory"
      throw new OutputNotWritable(output, Phrase.of("input.reason.fileNotDirectory"), e);
    } catch (ParentNotDirectoryException e) {
      throw new OutputNotWritable(output, Phrase.of("input.reason.notADirectory"), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new OutputNotWritable(output, CheckerAdapter.why(e), e);
    }
    if (!made) {
      throw new OutputNotWritable(output, Phrase.of("input.reason.refused"), null);
    }
    return new TableWriter(output, hadoop);
  }

  /**
   * Writes a table sorted by the given columns.
   *
   * @param name the table's directory under the output
   * @param rows how many rows the table has, which sets how many files it is written in
   * @param keys the columns to sort by, most significant first
   * @throws OutputNotWritable if the file system fails the write, which may be midway
   */
  void write(String name, Dataset<Row> table, long rows, String... keys) throws OutputNotWritable {
    long perFile =
        Math.max(
            1,
            Long.parseLong(table.sparkSession().conf().get(ROWS_PER_FILE, DEFAULT_ROWS_PER_FILE)));
    int files = (int) Math.max(1, Math.min(10_000, (rows + perFile - 1) / perFile));
    Column[] order = order(table, keys);
    if (files == 1) {
      // one file needs no sampling of the key ranges, no shuffle and no cache: the rows come from
      // the tasks' kept results, and sorting them again for the second format costs less than
      // caching them
      Dataset<Row> sorted = table.coalesce(1).sortWithinPartitions(order);
      writeBoth(name, sorted);
      return;
    }
    Dataset<Row> sorted =
        table
            .repartitionByRange(files, order)
            .sortWithinPartitions(order)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      writeBoth(name, sorted);
    } finally {
      sorted.unpersist(false);
    }
  }

  private void writeBoth(String name, Dataset<Row> sortedWithKeys) throws OutputNotWritable {
    // a projection keeps the order the rows were sorted in
    Dataset<Row> sorted =
        sortedWithKeys.drop(
            Arrays.stream(sortedWithKeys.columns())
                .filter(c -> c.startsWith(SORT_ONLY))
                .toArray(String[]::new));
    String parquet = output + "/" + name + "/parquet";
    try {
      sorted.write().mode(SaveMode.Overwrite).parquet(parquet);
    } catch (Exception e) { // Spark's SparkException is checked, and thrown undeclared
      throw notWritable(parquet, e);
    }
    String jsonl = output + "/" + name + "/jsonl";
    try {
      sorted.write().mode(SaveMode.Overwrite).option("ignoreNullFields", "false").json(jsonl);
    } catch (Exception e) { // Spark's SparkException is checked, and thrown undeclared
      throw notWritable(jsonl, e);
    }
  }

  /**
   * A write that failed midway (the disk full, a directory made unwritable while the job ran) as
   * one line naming the table's path and why, as an output that cannot be written at all; Spark
   * gives the file system's error as the cause of its own. A failure with no input/output error in
   * it is a defect, thrown again as it was.
   */
  private OutputNotWritable notWritable(String table, Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException e) {
        return new OutputNotWritable(table, why(table, e), failure);
      }
    }
    if (failure instanceof RuntimeException defect) {
      throw defect;
    }
    throw new IllegalStateException(failure.getMessage(), failure);
  }

  /**
   * Why a table's directory could not be written: the file system's error, in ftpseq's words; for
   * Hadoop's "Mkdirs failed", which gives none, the nearest directory there that cannot be written
   * to, when the file system tells.
   */
  private Phrase why(String table, IOException e) {
    String message = String.valueOf(e.getMessage());
    if (!message.startsWith("Mkdirs failed")) {
      return CheckerAdapter.why(e);
    }
    try {
      Path path = new Path(table);
      FileSystem fs = path.getFileSystem(hadoop);
      while (path != null && !fs.exists(path)) {
        path = path.getParent();
      }
      if (path != null && "file".equals(fs.getUri().getScheme())) {
        java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(path).toUri());
        if (!java.nio.file.Files.isWritable(local)) {
          return Phrase.of("spark.reason.directoryNotWritable", local.toString());
        }
      }
    } catch (IOException | IllegalArgumentException unknown) {
      // nothing more to tell than that the file system refused
    }
    return Phrase.of("input.reason.refused");
  }

  /**
   * The keys, then every other column in table order: rows that tie on the keys still have one
   * order, so how the rows were spread over tasks cannot change the order they are written in.
   */
  private static Column[] order(Dataset<Row> table, String... keys) {
    List<String> columns = new ArrayList<>(Arrays.asList(keys));
    for (String column : table.columns()) {
      if (!columns.contains(column)) {
        columns.add(column);
      }
    }
    return columns.stream().map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
  }

  /** Writes a UTF-8 text file directly under the output directory. */
  void text(String name, String content) throws OutputNotWritable {
    Path path = new Path(output, name);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      try (OutputStream out = fs.create(path, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new OutputNotWritable(path.toString(), CheckerAdapter.why(e), e);
    } catch (FSError e) {
      // the local file system's write error ("No space left on device"), which it throws as an
      // Error
      IOException cause =
          e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
      throw new OutputNotWritable(path.toString(), CheckerAdapter.why(cause), e);
    }
  }
}
