package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.report.UnsafeCharacters;
import io.ftpseq.rules.ProfileOption;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import io.ftpseq.usage.Language;
import io.ftpseq.usage.UsageErrors;
import io.ftpseq.usage.WholeNumberOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftpseq check} as an Apache Spark job: the entry point for {@code spark-submit --class
 * io.ftpseq.spark.SparkCheck ftpseq.jar [OPTIONS] --output DIR INPUT...}, and, through {@link
 * #run}, for Java code that has a {@link SparkSession}.
 *
 * <p>Example: {@code SparkCheck.run(spark, CheckOptions.of(List.of("hdfs:///logs/ftp/"),
 * "hdfs:///reports/ftpseq"))} checks every file under {@code /logs/ftp/} and returns the counts and
 * summary line; the rows are under {@code /reports/ftpseq/findings/} and beside it.
 */
@Command(
    name = "spark-check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks FTP transcripts, logs and captures on Apache Spark as ftpseq check does, and writes"
          + " every finding, problem, note and session as Parquet and JSON Lines under --output.",
      "Inputs are Hadoop paths (local, hdfs://, s3a:// with its connector), directories (read"
          + " recursively) and globs; .gz files are decompressed; rotated logs (x.log.2.gz,"
          + " x.log.1, x.log) are read in order as one stream."
    },
    exitCodeListHeading = "%nExit codes (as ftpseq check):%n",
    exitCodeList = {
      "0:nothing at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage error, or --output cannot be written",
      "3:some input could not be read (the rest was checked)",
      "4:internal error (run with --debug)"
    })
public final class SparkCheck implements Callable<Integer> {

  /** Nothing at or above the {@code --fail-on} level: as {@code ftpseq check}. */
  public static final int EXIT_OK = 0;

  /** Findings at or above the {@code --fail-on} level. */
  public static final int EXIT_FINDINGS = 1;

  /** The command line was wrong, or the output cannot be written. */
  public static final int EXIT_USAGE = 2;

  /** Some input (a file, or lines of one) could not be read; the others were still checked. */
  public static final int EXIT_INPUT = 3;

  /** A defect in ftpseq itself, or the job failed; run again with {@code --debug}. */
  public static final int EXIT_INTERNAL = 4;

  /** The base name of the help bundles, French and Japanese; English is the annotations'. */
  static final String HELP = "io.ftpseq.spark.Help";

  /** Levels for --fail-on. */
  enum FailOn {
    error,
    warning,
    info,
    never
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      descriptionKey = "inputs",
      description = "Paths, directories or globs.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Directory (any Hadoop path) to write the tables and summaries under.")
  String output;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. local[2] (default: as spark-submit sets it, else local[*]).")
  String master;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit with 1 when findings reach LEVEL: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn = FailOn.error;

  @Option(
      names = "--profile",
      paramLabel = "NAME|auto|FILE",
      description =
          "Server profile: a built-in name, auto (per session from its greeting), or a profile"
              + " JSON file on any Hadoop path (default: ${DEFAULT-VALUE}).")
  String profile = ServerProfile.RFC_NAME;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description =
          "Language of messages: ${COMPLETION-CANDIDATES} (default: the system locale's language"
              + " if it is one of these, else en).")
  Language language;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      description = "Read every input as this format instead of detecting it per file.")
  String format;

  @Option(
      names = "--no-rotation",
      description = "Check every file alone, even rotated logs of one server.")
  boolean noRotation;

  @Option(
      names = "--max-tasks",
      paramLabel = "N",
      converter = WholeNumberOption.Count.class,
      description = "Deal the files to at most N tasks (default: 4 per core of the cluster).")
  int maxTasks; // 0: four per core

  @Option(names = "--debug", description = "Show the stack trace of an internal error.")
  boolean debug;

  @Spec CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;

  /** Runs the job with the command-line arguments and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs the job with the arguments and streams and returns its exit code; the Spark session is the
   * active one if there is one, else a new one that is stopped at the end.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    SparkCheck command = new SparkCheck();
    command.out = out;
    command.err = err;
    CommandLine cli = new CommandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // the help and usage errors in the language asked for wherever --lang stands, as for ftpseq
    Language spoken = Language.fromArguments(args);
    spoken.applyHelp(cli, HELP);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          // one line saying what is wrong, then where help is: as ftpseq check says it, with the
          // passwords masked in what it quotes back
          Explainer explainer = spoken.explainer();
          err.println(
              "spark-check: "
                  + UnsafeCharacters.oneLine(
                      UsageErrors.maskQuoted(
                          UsageErrors.said(e, explainer, spoken == Language.en))));
          err.println("spark-check: " + UsageErrors.tryHelp(e, explainer));
          err.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, c, p) -> {
          Explainer explainer = command.explainer();
          err.println(
              "spark-check: "
                  + explainer.text(
                      "run.internalError",
                      io.ftpseq.protocol.Command.maskPasswords(String.valueOf(e))));
          if (Arrays.asList(args).contains("--debug")) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(io.ftpseq.protocol.Command.maskPasswords(trace.toString()));
          } else {
            err.println(explainer.text("spark.debugForTrace"));
          }
          err.flush();
          return EXIT_INTERNAL;
        });
    return cli.execute(args);
  }

  /**
   * Runs the check on a Spark session and writes its output.
   *
   * @throws IOException if the output cannot be written
   * @throws IllegalArgumentException if the profile or the format is not known, or the profile file
   *     cannot be read or is not a profile (a usage error, as for {@code ftpseq check})
   */
  public static CheckResult run(SparkSession spark, CheckOptions options) throws IOException {
    return new CheckJob(spark, settings(spark, options)).run(options);
  }

  /**
   * What every task needs, with the profile resolved on the driver as {@code ftpseq check} resolves
   * it: a usage error here stops the run before any input is read.
   *
   * @throws IllegalArgumentException if the profile or the format is not known, or the profile file
   *     cannot be read or is not a profile
   */
  private static JobSettings settings(SparkSession spark, CheckOptions options) {
    validate(options);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    return new JobSettings(
        options.profile(),
        profileJson(options.profile(), hadoop),
        options.format(),
        options.language(),
        new HadoopSettings(hadoop));
  }

  @Override
  public Integer call() {
    Severity level =
        switch (failOn) {
          case error -> Severity.ERROR;
          case info -> Severity.INFO;
          case warning -> Severity.WARNING;
          case never -> null;
        };
    CheckOptions options =
        new CheckOptions(
            inputs,
            output,
            profile,
            level,
            (language != null ? language : Language.fromSystem()).name(),
            format,
            !noRotation,
            maxTasks);
    Explainer explainer = explainer();
    try {
      validate(options);
    } catch (IllegalArgumentException e) {
      throw usage(explainer.reason(e));
    }
    boolean own =
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = own ? LocalSpark.builder(master).getOrCreate() : SparkSession.active();
    try {
      JobSettings settings;
      try {
        settings = settings(spark, options);
      } catch (IllegalArgumentException e) {
        throw usage(explainer.reason(e));
      }
      CheckResult result = new CheckJob(spark, settings).run(options);
      // each name left out, with why, on standard error as ftpseq check says it
      for (CheckRun.LeftOut name : result.leftOut()) {
        err.println(
            "spark-check: "
                + explainer.text("input.leftOut", name.input(), explainer.say(name.why())));
      }
      err.flush();
      out.println(result.summary());
      out.println(explainer.text("spark.written", output));
      out.flush();
      return result.exitCode(level);
    } catch (OutputNotWritable e) {
      // as a report ftpseq check cannot write: a usage error, said in one line
      err.println("spark-check: " + explainer.reason(e));
      err.flush();
      return EXIT_USAGE;
    } catch (IOException e) {
      err.println("spark-check: " + explainer.reason(e));
      err.flush();
      return EXIT_INPUT;
    } finally {
      if (own) {
        spark.stop();
      }
    }
  }

  /** The run's language: {@code --lang}, else the system's (also before {@code --lang} is read). */
  private Explainer explainer() {
    return (language != null ? language : Language.fromSystem()).explainer();
  }

  /** A usage error, reported as the command line reports one. */
  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * Refuses a profile name that is neither {@code auto}, a built-in nor a file, and an unknown
   * format, before any Spark work starts.
   *
   * @throws IllegalArgumentException with a one-line message naming what is known; its phrase
   *     ({@link io.ftpseq.session.PhrasedError}) says it in a language
   */
  static void validate(CheckOptions options) {
    if (options.inputs().contains("-")) {
      // the tasks open their inputs by path, on executors that have no such stream
      throw new BadValue(Phrase.of("spark.standardInput"));
    }
    ProfileOption.check(options.profile());
    if (options.format() != null) {
      CheckerAdapter.formatError(options.format())
          .ifPresent(
              reason -> {
                throw new BadValue(reason);
              });
    }
  }

  /**
   * The JSON of a profile file read through Hadoop (so a profile on HDFS or S3 works), or {@code
   * null} for {@code auto} and built-ins; resolved as {@code ftpseq check} resolves it ({@link
   * ProfileOption}).
   *
   * @throws IllegalArgumentException if the profile is not known, or the file cannot be read or is
   *     not a profile
   */
  private static String profileJson(String profile, Configuration hadoop) {
    return ProfileOption.of(
            profile,
            file -> {
              Path path = new Path(file);
              try (InputStream in = path.getFileSystem(hadoop).open(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
              }
            })
        .json();
  }
}
