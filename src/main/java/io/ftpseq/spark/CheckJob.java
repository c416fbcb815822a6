package io.ftpseq.spark;

import io.ftpseq.session.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    TableWriter writer = new TableWriter(options.output(), settings.hadoop().configuration());
    writer.write(
        "findings", findings, "source", "line", "packet", "session", "rule", "message", "input");
    long problemCount =
        writer.write("problems", problems, "source", "line", "packet", "session", "message");
    long noteCount =
        writer.write("notes", notes, "source", "line", "packet", "session", "kind", "detail");
    long sessionCount = writer.write("sessions", sessions, "input", "session");
    Dataset<Row> summary = Summary.table(findings, sessions);
    writer.write("summary", summary, "dimension", "value");

    Map<String, Long> bySeverity = new HashMap<>();
    for (Row row : findings.groupBy("severity").count().collectAsList()) {
      bySeverity.put(row.getString(0), row.getLong(1));
    }
    long errors = bySeverity.getOrDefault("error", 0L);
    long warnings = bySeverity.getOrDefault("warning", 0L);
    long infos = bySeverity.getOrDefault("info", 0L);
    long inputs = listing.files().size();
    String line =
        CheckerAdapter.summary(
            settings.explainer(), sessionCount, inputs, errors, warnings, infos, problemCount);
    writer.text("summary.txt", line + "\n");
    writer.text("summary.md", MarkdownSummary.of(line, summary));
    return new CheckResult(
        inputs, sessionCount, errors, warnings, infos, problemCount, noteCount, line);
  }
}
