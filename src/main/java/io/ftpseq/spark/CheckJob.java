package io.ftpseq.spark;

import io.ftpseq.session.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark pipeline: lists the inputs on the driver, groups rotated logs, deals the groups to
 * tasks, checks each group in one task, and writes the findings, problems, notes and sessions
 * tables, the summary table, and the summary text and Markdown.
 */
final class CheckJob {

  private final SparkSession spark;
  private final JobSettings settings;

  CheckJob(SparkSession spark, JobSettings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  /** Runs the check and writes everything under the output directory. */
  CheckResult run(CheckOptions options) throws IOException {
    Configuration hadoop = settings.hadoop().configuration();
    InputListing listing = InputListing.of(options.inputs(), hadoop);
    List<InputGroup> groups =
        options.rotation()
            ? RotationGroups.group(listing.files())
            : RotationGroups.single(listing.files());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int maxTasks = options.maxTasks() > 0 ? options.maxTasks() : 4 * context.defaultParallelism();
    List<WorkPlan.Task> tasks = WorkPlan.deal(groups, maxTasks);
    Broadcast<JobSettings> shared = context.broadcast(settings);
    JavaRDD<GroupResult> results =
        context
            .parallelize(tasks, Math.max(1, tasks.size()))
            .map(task -> checkTask(shared.value(), task))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return write(options, listing, results, context);
    } finally {
      results.unpersist(false);
      shared.destroy();
    }
  }

  private static GroupResult checkTask(JobSettings settings, WorkPlan.Task task) {
    GroupCheck check = new GroupCheck(settings);
    GroupResult.Builder all = new GroupResult.Builder();
    for (InputGroup group : task.groups()) {
      GroupResult result = check.check(group);
      result.findings().forEach(all::finding);
      result.problems().forEach(all::problem);
      result.notes().forEach(all::note);
      result.sessions().forEach(all::session);
    }
    return all.build();
  }

  private CheckResult write(
      CheckOptions options,
      InputListing listing,
      JavaRDD<GroupResult> results,
      JavaSparkContext context)
      throws IOException {
    List<Row> listingProblems = new ArrayList<>();
    for (Problem problem : listing.problems()) {
      listingProblems.add(SessionRows.inputProblem(problem.source().file(), problem));
    }
    Dataset<Row> findings =
        spark.createDataFrame(results.flatMap(r -> r.findings().iterator()), Tables.FINDINGS);
    Dataset<Row> problems =
        spark
            .createDataFrame(results.flatMap(r -> r.problems().iterator()), Tables.PROBLEMS)
            .union(spark.createDataFrame(context.parallelize(listingProblems, 1), Tables.PROBLEMS));
    Dataset<Row> notes =
        spark.createDataFrame(results.flatMap(r -> r.notes().iterator()), Tables.NOTES);
    Dataset<Row> sessions =
        spark.createDataFrame(results.flatMap(r -> r.sessions().iterator()), Tables.SESSIONS);

    RowCounts counts = results.map(RowCounts::of).fold(RowCounts.NONE, RowCounts::plus);
    long problemCount = counts.problems() + listingProblems.size();
    TableWriter writer = new TableWriter(options.output(), settings.hadoop().configuration());
    writer.write(
        "findings",
        findings,
        counts.findings(),
        "source",
        "line",
        "packet",
        "session",
        "rule",
        "message",
        "input");
    writer.write(
        "problems", problems, problemCount, "source", "line", "packet", "session", "message");
    writer.write(
        "notes", notes, counts.notes(), "source", "line", "packet", "session", "kind", "detail");
    writer.write("sessions", sessions, counts.sessions(), "input", "session");
    List<Row> summary = Summary.table(findings, sessions).collectAsList();
    writer.write(
        "summary",
        spark.createDataFrame(summary, Tables.SUMMARY),
        summary.size(),
        "dimension",
        "value");

    long inputs = listing.files().size();
    String line =
        CheckerAdapter.summary(
            settings.explainer(),
            counts.sessions(),
            inputs,
            counts.errors(),
            counts.warnings(),
            counts.infos(),
            problemCount);
    writer.text("summary.txt", line + "\n");
    writer.text("summary.md", MarkdownSummary.of(line, summary));
    return new CheckResult(
        inputs,
        counts.sessions(),
        counts.errors(),
        counts.warnings(),
        counts.infos(),
        problemCount,
        counts.notes(),
        line);
  }
}
