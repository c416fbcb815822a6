package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.report.Detail;
import io.ftpseq.report.GithubReport;
import io.ftpseq.report.JsonReport;
import io.ftpseq.report.JunitXmlReport;
import io.ftpseq.report.MarkdownReport;
import io.ftpseq.report.ReportWriter;
import io.ftpseq.report.SarifReport;
import io.ftpseq.report.SessionStore;
import io.ftpseq.report.TextReport;
import io.ftpseq.report.UnsafeCharacters;
import io.ftpseq.report.html.HtmlReport;
import io.ftpseq.report.html.InputLines;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ProfileOption;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Phrase;
import io.ftpseq.transcript.CaptureFormat;
import io.ftpseq.transcript.ProftpdLog;
import io.ftpseq.transcript.ProftpdLogFormat;
import io.ftpseq.transcript.TranscriptChecker;
import io.ftpseq.transcript.TranscriptFormat;
import io.ftpseq.transcript.TranscriptFormats;
import io.ftpseq.usage.WholeNumberOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ftpseq check}: replays transcripts through the sequence model and reports findings. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Replays recorded FTP sessions and reports every command sent out of order, with what the"
          + " server answered or would answer, why, and how to fix it.",
      "Inputs are files, directories (read recursively, leaving out the reports ftpseq wrote"
          + " there) or - for standard input; gzip (.gz, or known by its first bytes) is"
          + " decompressed."
    })
final class CheckCommand implements Callable<Integer> {

  /** Report formats. */
  enum ReportFormat {
    text,
    json,
    junit,
    sarif,
    github,
    markdown,
    html
  }

  /** Levels for --fail-on. */
  enum FailOn {
    error,
    warning,
    info,
    never;

    /** The lowest severity that fails the run, or {@code null} for never. */
    Severity level() {
      return switch (this) {
        case error -> Severity.ERROR;
        case warning -> Severity.WARNING;
        case info -> Severity.INFO;
        case never -> null;
      };
    }
  }

  @Spec CommandSpec spec;

  @Mixin LanguageOption language = new LanguageOption();

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      descriptionKey = "inputs",
      description = "Transcripts to check.")
  List<String> inputs = new ArrayList<>();

  /** One report: its format, and the file it goes to. */
  static final class ReportSpec {
    @Option(
        names = "--report",
        paramLabel = "FORMAT",
        description = {
          "Report format: ${COMPLETION-CANDIDATES}. Repeat for several reports in one run"
              + " (default: text; text and github when GITHUB_ACTIONS=true; an -o alone is"
              + " the report its file's extension names: .json, .xml (junit), .sarif, .html,"
              + " .md, else text)."
        })
    ReportFormat format; // null until settled: an -o alone takes its file's extension

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        converter = OutputOption.class,
        description =
            "Write the report just named to FILE instead of standard output; gzip-compressed"
                + " when FILE ends with .gz.")
    Path output;

    /**
     * The format an output file's extension names ({@code -o report.json} alone is a JSON report,
     * as the user meant, and so is {@code -o report.json.gz}), text for any other name or standard
     * output.
     */
    static ReportFormat namedBy(Path output) {
      Path file = output == null ? null : output.getFileName();
      String name = file == null ? "" : file.toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".gz")) { // gzipped (see ReportFile): the format is the name before it
        name = name.substring(0, name.length() - ".gz".length());
      }
      String extension = name.substring(name.lastIndexOf('.') + 1);
      return switch (name.contains(".") ? extension : "") {
        case "json" -> ReportFormat.json;
        case "xml" -> ReportFormat.junit;
        case "sarif" -> ReportFormat.sarif;
        case "html", "htm" -> ReportFormat.html;
        case "md", "markdown" -> ReportFormat.markdown;
        default -> ReportFormat.text;
      };
    }

    /**
     * Settles the reports' outputs before anything runs, and returns what is wrong with them, in
     * ftpseq's words to be said in the run's language, or null. {@code -o -} and {@code -o
     * /dev/stdout} become standard output (a file opened again would be truncated, though
     * redirected or appended to). Then: one report at most on standard output, no two reports into
     * one file (through links too), no output that is an input, no file that is a directory or in a
     * directory that does not exist.
     */
    static Phrase settleOutputs(List<ReportSpec> reports, List<String> inputs) {
      for (ReportSpec report : reports) {
        if (report.format == null) {
          report.format = namedBy(report.output);
        }
        if (report.output != null
            && (report.output.toString().equals("-")
                || report.output.toString().equals("/dev/stdout"))) {
          report.output = null;
        }
      }
      if (reports.stream().filter(r -> r.output == null).count() > 1) {
        return Phrase.of("usage.output.oneOnStandardOutput");
      }
      Set<Object> named = new HashSet<>();
      for (String input : inputs) {
        if (!input.equals("-")) {
          named.add(Inputs.identity(Path.of(input)));
        }
      }
      Set<Object> seen = new HashSet<>();
      for (ReportSpec report : reports) {
        if (report.output == null) {
          continue;
        }
        if (report.output.toString().isEmpty()) {
          // Path.of("") is the working directory: say what was given, not "is a directory"
          return Phrase.of("usage.output.empty");
        }
        Object file = Inputs.identity(report.output);
        if (!seen.add(file)) {
          return Phrase.of("usage.output.twice", report.output.toString());
        }
        if (named.contains(file)) {
          return Phrase.of("usage.output.isInput", report.output.toString());
        }
        Phrase unwritable = OutputOption.unwritable("--output", report.output);
        if (unwritable != null) {
          return unwritable;
        }
      }
      return null;
    }
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<ReportSpec> reports = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit with 1 when findings reach LEVEL: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).")
  FailOn failOn = FailOn.error;

  @Option(
      names = "--explain-all",
      description = "Annotate every reply of every session with its class and meaning.")
  boolean explainAll;

  @Option(
      names = "--predict",
      description =
          "Show, for every command, the reply the profile predicts from the session so far beside"
              + " the real one (text: a table, mismatches marked !; JSON: \"exchanges\").")
  boolean predict;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "In directories, check only files whose name or relative path matches GLOB"
              + " (repeatable), e.g. '*.log' or '2026/**'.")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "In directories, skip files whose name or relative path matches GLOB.")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "NAME",
      description = "Read every input as this transcript format instead of detecting it.")
  String format;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "Read ProFTPD ExtendedLog lines written with this LogFormat, e.g. '[%%t] %%P %%a"
              + " \"%%r\" %%s \"%%S\"' (implies --format proftpd).")
  String logFormat;

  /**
   * The most threads a check takes: more than any machine it runs on has cores, and few enough that
   * a mistyped number (100000) is an error rather than a run that makes threads for minutes.
   */
  static final int MAX_THREADS = 256;

  /** Reads {@code --threads}: from 1 to {@link #MAX_THREADS}. */
  static final class ThreadCount extends WholeNumberOption {
    ThreadCount() {
      super(1, MAX_THREADS);
    }
  }

  @Option(
      names = "--threads",
      paramLabel = "N",
      converter = ThreadCount.class,
      description =
          "Check up to N inputs at once, each on its own thread; a single input is parsed on"
              + " one thread while the others judge its sessions and, with N of 2 or more, one"
              + " more splits it into lines ahead (default: the number of processors). Reports"
              + " are the same for any N; at most 256.")
  int threads = Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Show no progress line, even on a terminal, and no line saying which FIFO or standard"
              + " input the run waits for.")
  boolean quiet;

  /** Whether {@code --debug} was given: a defect met on a line ends the run with its trace. */
  boolean debug;

  /** What may run a long check in a second, tuned VM; {@code null} runs every check here. */
  TunedJvm tunedJvm;

  /**
   * The stream under standard output when it is the process's, or {@code null}: a report there that
   * writes its own UTF-8 writes its bytes into it.
   */
  WatchedStream stdout;

  @Option(
      names = "--profile",
      paramLabel = "NAME|auto|FILE",
      description = {
        "Server profile to predict replies with: a built-in name (see ftpseq profiles), auto to"
            + " pick one per session from the server's greeting or SYST reply (else rfc), or a"
            + " profile JSON file (default: ${DEFAULT-VALUE})."
      })
  String profile = ServerProfile.RFC_NAME;

  @Override
  public Integer call() throws IOException {
    TranscriptFormat forced = null;
    CaptureFormat forcedCapture = null;
    if (format != null) {
      forced = TranscriptFormats.named(format).orElse(null);
      forcedCapture = TranscriptFormats.capture(format).orElse(null);
      if (forced == null && forcedCapture == null) {
        Explainer explainer = language.explainer();
        throw usage(
            explainer.text(
                "usage.unknownFormat",
                format,
                formatSuggestion(format, explainer),
                String.join(", ", TranscriptFormats.names())));
      }
    }
    if (logFormat != null) {
      forced = proftpdLogFormat();
    }
    // the inputs are found first: a report must not go over a file a named directory holds
    Inputs expanded;
    try {
      expanded = Inputs.expand(inputs, includes, excludes, outputFiles());
    } catch (IllegalArgumentException e) {
      throw usage(language.explainer().reason(e));
    }
    checkOutputs(expanded);
    ProfileChoice choice = profileChoice();
    if (tunedJvm != null) {
      Optional<Integer> exitCode;
      try {
        CaptureFormat captures = forcedCapture;
        exitCode =
            tunedJvm.runIfWorthIt(
                expanded.totalSize(),
                () -> captures != null || expanded.mostlyCaptures(),
                debug,
                spec.commandLine().getErr());
      } catch (IllegalArgumentException e) {
        throw usage(language.explainer().reason(e));
      }
      if (exitCode.isPresent()) {
        return exitCode.get();
      }
    }
    // said here, after any move to a second JVM, which says it itself
    expanded.leftOut().forEach(why -> spec.commandLine().getErr().println(leftOutLine(why)));
    TranscriptChecker checker = new TranscriptChecker(choice, forced, forcedCapture);
    if (explainAll
        || predict
        || reports.stream().anyMatch(r -> r.format == ReportFormat.html)
        || reports.stream().anyMatch(r -> r.format == ReportFormat.markdown)) {
      checker.keepingSteps(); // --predict, the HTML and Markdown reports draw every step
    }
    if (debug) {
      checker.rethrowingDefects();
    }
    CheckedFileLines checkedLines = new CheckedFileLines(expanded.files());
    inputLines = checkedLines;
    Progress progress =
        Progress.forTerminal(
            spec.commandLine().getErr(),
            expanded.totalSize(),
            quiet || environment.containsKey("CI"));
    List<ReportSpec> chosen = chosenReports();
    List<ReportWriter> writers = new ArrayList<>();
    chosen.forEach(report -> writers.add(writer(report, language.explainer())));
    try (checkedLines;
        SessionStore store = store();
        StreamedReports streamed =
            StreamedReports.startIfAll(
                chosen, writers, spec.commandLine().getOut(), stdout, progress)) {
      if (streamed != null) {
        store.passingOn(streamed); // every report has its sessions first: written as they end
      }
      WaitNotice notice = WaitNotice.on(progress::say, "ftpseq", quiet, language.explainer());
      List<InputChecks.Checked> checked =
          new InputChecks(checker, store, progress, notice).check(expanded.files(), threads);
      progress.done();
      List<InputSummary> summaries = summaries(expanded, checked);
      CheckRun run = new CheckRun(store, summaries, store.totals(), expanded.leftOutInputs());
      boolean written =
          streamed != null
              ? streamed.end(run, language.explainer(), spec.commandLine().getErr())
              : writeReports(run, chosen, writers, language.explainer());
      if (!written) {
        return ExitCodes.USAGE;
      }
      if (run.problemCount() > 0) {
        return ExitCodes.INPUT;
      }
      Severity level = failureLevel();
      return level != null && run.hasFindingsAtLeast(level) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
  }

  /**
   * The run's store of sessions. When only the HTML report draws steps, it keeps the steps of the
   * sessions the page may draw, a few hundred, and not those of every session.
   */
  private SessionStore store() {
    SessionStore store = threads > 1 ? new SessionStore().readingAhead() : new SessionStore();
    boolean html = reports.stream().anyMatch(r -> r.format == ReportFormat.html);
    boolean everyStepElsewhere =
        reports.stream()
            .anyMatch(
                r ->
                    r.format == ReportFormat.markdown
                        || (r.format != ReportFormat.html && (explainAll || predict)));
    return html && !everyStepElsewhere
        ? store.keepingStepsOf(HtmlReport.drawings(explainAll || predict))
        : store;
  }

  /**
   * The line on standard error for a name left out, its unsafe characters (an escape sequence, a
   * bidirectional override, a line feed in a file's name) shown as escapes, as the reports show
   * them.
   */
  private String leftOutLine(CheckRun.LeftOut input) {
    Explainer explainer = language.explainer();
    return UnsafeCharacters.oneLine(
        "ftpseq: " + explainer.text("input.leftOut", input.input(), explainer.say(input.why())));
  }

  /** The files the reports go to, by {@link Inputs#identity} (through links, when they exist). */
  private Set<Object> outputFiles() {
    Set<Object> files = new HashSet<>();
    for (ReportSpec report : reports) {
      if (report.output != null) {
        files.add(Inputs.identity(report.output));
      }
    }
    return files;
  }

  /**
   * What the run's inputs held: first the names that could not be read, then each input checked, in
   * order. An input whose check showed it to be a report ftpseq wrote is left out instead, with its
   * line on standard error, as the reports known before the check were.
   */
  private List<InputSummary> summaries(Inputs expanded, List<InputChecks.Checked> checked) {
    List<Inputs.Input> reports =
        checked.stream()
            .filter(InputChecks.Checked::ownReport)
            .map(InputChecks.Checked::input)
            .toList();
    expanded
        .leaveOutReports(reports)
        .forEach(why -> spec.commandLine().getErr().println(leftOutLine(why)));
    List<InputSummary> summaries = new ArrayList<>();
    expanded.unreadable().forEach(p -> summaries.add(InputSummary.unreadable(p)));
    checked.stream().filter(c -> !c.ownReport()).forEach(c -> summaries.add(c.summary()));
    return summaries;
  }

  /**
   * Settles the report outputs before anything is read, with the files of the named directories
   * among the inputs; see {@link ReportSpec#settleOutputs}.
   */
  private void checkOutputs(Inputs expanded) {
    List<String> files = new ArrayList<>(inputs);
    for (Inputs.Input input : expanded.files()) {
      if (input.path() != null) {
        files.add(input.path().toString());
      }
    }
    Phrase problem = ReportSpec.settleOutputs(reports, files);
    if (problem != null) {
      throw usage(language.explainer().say(problem));
    }
  }

  /** The ProFTPD reader for {@code --log-format}; only with no other {@code --format}. */
  private TranscriptFormat proftpdLogFormat() {
    if (format != null && !format.equals("proftpd")) {
      throw usage(language.explainer().text("usage.logFormatWithFormat", format));
    }
    try {
      return new ProftpdLog(ProftpdLogFormat.compile(logFormat));
    } catch (IllegalArgumentException e) {
      throw usage("--log-format: " + language.explainer().reason(e));
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * The profile the option names ({@link ProfileOption}): an unknown name, or a file that cannot be
   * read or is not a profile, is a usage error of one line.
   */
  private ProfileChoice profileChoice() {
    return profileChoice(profile, spec.commandLine(), language.explainer());
  }

  /**
   * The profile {@code --profile} names, for every command that takes the option, in any case
   * ({@link ProfileNames}): an unknown name, or a file that cannot be read or is not a profile, is
   * a usage error of one line, in the same words for every command. A profile file that calls
   * itself by a built-in's name is shown by its file's ({@link ProfileNames#apart}).
   */
  static ProfileChoice profileChoice(String profile, CommandLine commandLine, Explainer explainer) {
    return profileChoice(profile, commandLine, Set.copyOf(ServerProfiles.names()), explainer);
  }

  /**
   * The profile {@code --profile} names, as above; a profile file whose name or title is in {@code
   * taken} is shown by its file's name.
   */
  static ProfileChoice profileChoice(
      String profile, CommandLine commandLine, Set<String> taken, Explainer explainer) {
    ProfileOption option;
    try {
      option = ProfileOption.of(ProfileNames.canonical(profile), CheckCommand::profileText);
    } catch (ProfileOption.UnknownProfileException e) {
      String hint = ProfileNames.elsewhere(profile, commandLine.getCommandName(), explainer);
      throw new CommandLine.ParameterException(
          commandLine,
          ProfileNames.unknown(
              e.value(),
              hint.isEmpty()
                  ? Suggestions.didYouMean(profile, ProfileOption.names(), explainer)
                  : hint,
              explainer.text(
                  "usage.knownProfiles.orFile", String.join(", ", ProfileOption.names())),
              explainer));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, explainer.reason(e));
    }
    if (option.json() == null) {
      return option.choice(); // auto or a built-in
    }
    return ProfileChoice.of(ProfileNames.apart(option.choice().profile(), profile, taken));
  }

  /** The text of a profile file ({@link ProfileOption} says what a file that is not UTF-8 is). */
  private static String profileText(String file) throws IOException {
    return Files.readString(Path.of(file));
  }

  /** The raw lines of the inputs, for the HTML report. */
  private InputLines inputLines = InputLines.NONE;

  /**
   * What to suggest for an unknown transcript format: {@code --format json} most likely meant the
   * report format, so that is named first, and so does another name of one ({@code --format xml}
   * names {@code --report junit}); else the nearest transcript format.
   */
  private static String formatSuggestion(String format, Explainer explainer) {
    Optional<String> report =
        Suggestions.sameOrOtherName(
            format, EnumSet.allOf(ReportFormat.class).stream().map(Enum::name).toList());
    if (report.isPresent()) {
      return explainer.text("suggest.formatIsReport", report.get());
    }
    return Suggestions.didYouMean(format, TranscriptFormats.names(), explainer);
  }

  /** The environment, read for GITHUB_ACTIONS; replaced in tests. */
  Map<String, String> environment = System.getenv();

  /**
   * Writes every report; one that cannot be written (a full disk, a read-only file system) is one
   * line on standard error, the others are still written. Returns whether all were.
   */
  private boolean writeReports(
      CheckRun run, List<ReportSpec> chosen, List<ReportWriter> writers, Explainer explainer)
      throws IOException {
    boolean written = true;
    for (int i = 0; i < chosen.size(); i++) {
      ReportSpec report = chosen.get(i);
      ReportWriter writer = writers.get(i);
      if (report.output == null) {
        writer.write(run, spec.commandLine().getOut());
        continue;
      }
      try {
        ReportFile.write(report.output, out -> writer.write(run, out));
      } catch (IOException e) {
        written = false;
        spec.commandLine().getErr().println(cannotWrite(report, e, explainer));
      }
    }
    return written;
  }

  /** The reports the run writes: those asked for, else text (and github on GitHub Actions). */
  private List<ReportSpec> chosenReports() {
    List<ReportSpec> chosen = new ArrayList<>(reports);
    if (chosen.isEmpty()) {
      chosen.add(standardOutput(ReportFormat.text));
      if ("true".equals(environment.get("GITHUB_ACTIONS"))) {
        chosen.add(standardOutput(ReportFormat.github));
      }
    }
    return chosen;
  }

  /** The one line that says a report file could not be written, and why. */
  static String cannotWrite(ReportSpec report, IOException e, Explainer explainer) {
    return UnsafeCharacters.oneLine(
        "ftpseq: "
            + explainer.text(
                "usage.cannotWriteReport",
                report.format.name(),
                report.output.toString(),
                explainer.say(Inputs.writeWhy(report.output, e))));
  }

  private static ReportSpec standardOutput(ReportFormat format) {
    ReportSpec report = new ReportSpec();
    report.format = format;
    return report;
  }

  private ReportWriter writer(ReportSpec report, Explainer explainer) {
    if (report.format == ReportFormat.html) {
      return new HtmlReport(explainer, new HtmlReport.Options(explainAll, predict, inputLines));
    }
    if (report.format == ReportFormat.github && report.output == null && onTerminal()) {
      // no runner reads a terminal: a file's name there is shown as every report shows it
      return new GithubReport(explainer, GithubReport.Names.SHOWN);
    }
    return writer(report.format, explainer, failureLevel(), details(), inputLines);
  }

  /** Whether standard output is an interactive terminal. */
  @SuppressWarnings("SystemConsoleNull") // Java 17, the release built for: null when not one
  private static boolean onTerminal() {
    return System.console() != null;
  }

  /**
   * The writer of a report format, for every command that writes reports.
   *
   * @param details what the reports show of every exchange beyond the findings
   * @param inputLines the raw lines of the inputs, which the HTML report shows around each step
   */
  static ReportWriter writer(
      ReportFormat format,
      Explainer explainer,
      Severity failureLevel,
      Set<Detail> details,
      InputLines inputLines) {
    return switch (format) {
      case text -> new TextReport(explainer, details);
      case json -> new JsonReport(explainer, details);
      case junit -> new JunitXmlReport(explainer, failureLevel);
      case sarif -> new SarifReport(explainer, Main.version());
      case github -> new GithubReport(explainer);
      case markdown -> new MarkdownReport(explainer);
      case html -> new HtmlReport(explainer, new HtmlReport.Options(false, false, inputLines));
    };
  }

  /** What the reports show of every exchange beyond the findings. */
  private Set<Detail> details() {
    Set<Detail> details = EnumSet.noneOf(Detail.class);
    if (explainAll) {
      details.add(Detail.REPLY_LOG);
    }
    if (predict) {
      details.add(Detail.PREDICTIONS);
    }
    return details;
  }

  private Severity failureLevel() {
    return failOn.level();
  }
}
