package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
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
 * tasks, checks each group in one task, and writes the findings, problems, notes, sessions and
 * inputs tables, the summary table, and the summary text and Markdown. The driver gathers one small
 * row per input and the sessions' totals, and counts the run as {@code ftpseq check} does.
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
    TableWriter writer = TableWriter.open(options.output(), hadoop);
    InputListing listing = InputListing.of(options.inputs(), options.output(), hadoop);
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
      return write(writer, listing, results);
    } finally {
      results.unpersist(false);
      shared.destroy();
    }
  }

  private static GroupResult checkTask(JobSettings settings, WorkPlan.Task task) {
    GroupCheck check = new GroupCheck(settings);
    GroupResult.Builder rows = new GroupResult.Builder();
    for (InputGroup group : task.groups()) {
      check.check(group, rows);
    }
    return rows.build();
  }

  private CheckResult write(TableWriter writer, InputListing listing, JavaRDD<GroupResult> results)
      throws IOException {
    Explainer explainer = settings.explainer();
    List<GroupResult.Tally> tallies = results.map(GroupResult::tally).collect();
    List<String> reports = new ArrayList<>();
    tallies.forEach(tally -> reports.addAll(tally.reports()));
    InputListing listed = listing.leavingOutReports(reports);
    // the inputs named nothing: each an input that could not be read, as on the command line
    GroupResult.Builder unlisted = new GroupResult.Builder();
    for (Problem problem : listed.problems()) {
      String input = problem.source().file();
      LineMap lines = new LineMap(List.of(input), new long[] {0});
      InputRows.add(InputSummary.unreadable(problem), List.of(), lines, unlisted, explainer);
    }
    GroupResult driverRows = unlisted.build();

    RowCounts counts = RowCounts.NONE;
    List<Row> inputs = new ArrayList<>(driverRows.inputs());
    for (GroupResult.Tally tally : tallies) {
      counts = counts.plus(tally.counts());
      inputs.addAll(tally.inputs());
    }
    CheckRun run =
        CheckerAdapter.run(
            inputs.stream().flatMap(row -> InputRows.summaries(row).stream()).toList(),
            counts.totals(),
            listed.leftOutInputs());

    Dataset<Row> findings =
        spark.createDataFrame(
            results.flatMap(r -> r.findings().iterator()), Tables.FINDINGS_SORTED);
    Dataset<Row> problems =
        spark
            .createDataFrame(results.flatMap(r -> r.problems().iterator()), Tables.PROBLEMS)
            .union(spark.createDataFrame(driverRows.problems(), Tables.PROBLEMS));
    Dataset<Row> notes =
        spark.createDataFrame(results.flatMap(r -> r.notes().iterator()), Tables.NOTES);
    Dataset<Row> sessions =
        spark.createDataFrame(results.flatMap(r -> r.sessions().iterator()), Tables.SESSIONS);

    writer.write("findings", findings, counts.findings(), Tables.FINDINGS_ORDER);
    writer.write(
        "problems",
        problems,
        counts.problems() + driverRows.problems().size(),
        "source",
        "line",
        "packet",
        "session",
        "message");
    writer.write(
        "notes", notes, counts.notes(), "source", "line", "packet", "session", "kind", "detail");
    writer.write("sessions", sessions, counts.sessions(), "input", "session");
    writer.write("inputs", spark.createDataFrame(inputs, Tables.INPUTS), inputs.size(), "input");
    List<Row> summary = Summary.table(results);
    writer.write(
        "summary",
        spark.createDataFrame(summary, Tables.SUMMARY),
        summary.size(),
        "dimension",
        "value");

    String line = CheckerAdapter.summary(run, explainer);
    writer.text("summary.txt", line + "\n");
    writer.text("summary.md", MarkdownSummary.of(line, summary, explainer));
    return new CheckResult(
        run.inputCount(),
        run.sessionCount(),
        run.count(Severity.ERROR),
        run.count(Severity.WARNING),
        run.count(Severity.INFO),
        run.problemCount(),
        counts.notes(),
        CheckResult.Lines.of(run.lines(Source.Unit.LINE)),
        CheckResult.Lines.of(run.lines(Source.Unit.PACKET)),
        line,
        listed.leftOut());
  }
}
