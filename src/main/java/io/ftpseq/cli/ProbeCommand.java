package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.probe.ConformanceReport;
import io.ftpseq.probe.ObservedProfile;
import io.ftpseq.probe.ProfileDifference;
import io.ftpseq.probe.Scenario;
import io.ftpseq.probe.ScenarioResult;
import io.ftpseq.probe.ScenarioRunner;
import io.ftpseq.probe.Scenarios;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Reaction;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftpseq probe ftp://user@host:port}: runs the probe scenarios against a live server, prints
 * how it differs from the nearest built-in profile and which RFC order rules it does not enforce,
 * and can write what it observed as a profile for {@code check --profile FILE}.
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the probe scenarios against a live FTP server, each on a fresh connection, and reports"
          + " the server's reply in every sequence situation: how it differs from the nearest"
          + " built-in profile, and every RFC order rule it does not enforce with the dialogue"
          + " that shows it.",
      "The password comes from the environment variable "
          + ProbeCommand.PASSWORD_VARIABLE
          + " or a prompt, never from the command line. Only harmless commands are sent, on files"
          + " in a scratch directory the probe makes under the login directory and removes again.",
      "Exit codes: 0 the probe ran, 2 usage error, 3 the server could not be probed (connection,"
          + " login or scratch directory failed, or --timeout passed first)."
    })
final class ProbeCommand implements Callable<Integer> {

  /** The environment variable the password is read from. */
  static final String PASSWORD_VARIABLE = "FTPSEQ_PASSWORD";

  /** How many scenarios run between two looks at the total time limit. */
  private static final int BATCH = 6;

  /** Where the password is looked up; tests replace it. */
  static UnaryOperator<String> environment = System::getenv;

  @Spec CommandSpec spec;

  @Mixin LanguageOption language = new LanguageOption();

  /** The run's language, chosen when it starts. */
  private Explainer explainer;

  @Parameters(
      paramLabel = "URL",
      descriptionKey = "url",
      description = "The server, as ftp://user@host[:port].")
  String url;

  @Option(
      names = "--dry-run",
      description = "Print every command the probe would send; connect to nothing.")
  boolean dryRun;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      converter = OutputOption.class,
      description = "Write the observed profile to FILE (JSON, for check --profile FILE).")
  Path output;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "300s",
      converter = DurationOption.class,
      description =
          "Stop starting scenarios after this long in all, e.g. 90s, 5m (default:"
              + " ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--reply-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationOption.class,
      description = "The bound on each reply (default: ${DEFAULT-VALUE}).")
  Duration replyTimeout;

  private record Target(String host, int port, String user) {}

  @Override
  public Integer call() throws IOException {
    explainer = language.explainer();
    PrintWriter out = spec.commandLine().getOut();
    Target target = target();
    Phrase unwritable = output == null ? null : OutputOption.unwritable("--output", output);
    if (unwritable != null) { // said now, not after minutes of probing
      throw new CommandLine.ParameterException(spec.commandLine(), explainer.say(unwritable));
    }
    List<Scenario> scenarios = Scenarios.builtIn();
    if (dryRun) {
      dryRun(out, target, scenarios);
      out.flush();
      return ExitCodes.OK;
    }
    String password = password();
    ScenarioRunner runner =
        new ScenarioRunner(
            target.host(),
            target.port(),
            target.user(),
            password,
            replyTimeout,
            ScenarioRunner.FINAL_REPLY_TIMEOUT);
    PrintWriter err = spec.commandLine().getErr();
    Reply greeting;
    try {
      greeting = runner.greeting();
    } catch (IOException e) {
      err.println(
          "ftpseq: probe: "
              + explainer.text("probe.unreachable", where(target), reason(e, explainer)));
      return ExitCodes.INPUT;
    }
    try {
      runner.login();
    } catch (IOException e) {
      err.println(
          "ftpseq: probe: "
              + explainer.text(
                  "probe.loginFailed", where(target), reason(e, explainer), PASSWORD_VARIABLE));
      return ExitCodes.INPUT;
    }
    List<ScenarioResult> results = run(runner, scenarios);
    List<String> problems =
        results.stream()
            .flatMap(
                r ->
                    r.problems().stream()
                        .map(
                            p ->
                                explainer.text(
                                    "probe.problem", r.scenario().name(), explainer.say(p))))
            .distinct()
            .toList();
    problems.forEach(problem -> err.println("ftpseq: probe: " + problem));
    if (results.stream().allMatch(r -> r.steps().isEmpty())) {
      return ExitCodes.INPUT;
    }
    ServerProfile observed = ObservedProfile.of(target.host(), greeting, results);
    out.println(explainer.text("probe.server", greeting.firstLine()));
    out.println(
        explainer.text("probe.ran", results.size(), scenarios.size(), observed.reactions().size()));
    differences(out, observed);
    conformance(out, results);
    if (output != null) {
      try {
        ServerProfiles.save(observed, output);
      } catch (IOException e) {
        out.flush();
        err.println(
            "ftpseq: "
                + explainer.text(
                    "probe.unwritable",
                    output.toString(),
                    explainer.say(Inputs.writeWhy(output, e))));
        err.flush();
        return ExitCodes.USAGE; // as a report that could not be written
      }
      out.println();
      out.println(explainer.text("probe.written", output.toString()));
    }
    out.flush();
    return results.size() < scenarios.size() || !problems.isEmpty()
        ? ExitCodes.INPUT
        : ExitCodes.OK;
  }

  private List<ScenarioResult> run(ScenarioRunner runner, List<Scenario> scenarios) {
    Instant deadline = Instant.now().plus(timeout);
    List<ScenarioResult> results = new ArrayList<>();
    for (int first = 0; first < scenarios.size(); first += BATCH) {
      if (Instant.now().isAfter(deadline)) {
        spec.commandLine()
            .getErr()
            .println(
                "ftpseq: probe: "
                    + explainer.text("probe.timeout", shown(timeout), scenarios.size() - first));
        break;
      }
      results.addAll(
          runner.run(scenarios.subList(first, Math.min(first + BATCH, scenarios.size()))));
    }
    return results;
  }

  private void differences(PrintWriter out, ServerProfile observed) {
    ServerProfile nearest = ProfileDifference.nearest(observed);
    List<ProfileDifference> differences = ProfileDifference.between(observed, nearest);
    out.println();
    out.println(
        explainer.text(
            "probe.nearest", nearest.name(), differences.size(), observed.reactions().size()));
    for (ProfileDifference difference : differences) {
      out.printf(
          Locale.ROOT,
          "  %-36s %s%n",
          difference.key(),
          explainer.text(
              "probe.difference",
              difference.observed().toString(),
              nearest.name(),
              difference
                  .expected()
                  .map(Reaction::toString)
                  .orElseGet(() -> explainer.text("probe.notInProfile"))));
    }
  }

  private void conformance(PrintWriter out, List<ScenarioResult> results) {
    List<ConformanceReport> reports = ConformanceReport.of(results);
    out.println();
    out.println(
        reports.isEmpty()
            ? explainer.text("probe.unenforced.none")
            : explainer.text("probe.unenforced", reports.size()));
    for (ConformanceReport report : reports) {
      out.println();
      out.println(
          explainer.text(
              "probe.unenforcedRule",
              report.rule().name(),
              report.rule().reference(),
              report.key().toString(),
              report.scenario()));
      out.println("  " + explainer.explanation(report.rule()));
      report.lines().forEach(line -> out.println("    " + explainer.say(line)));
    }
  }

  private void dryRun(PrintWriter out, Target target, List<Scenario> scenarios) {
    out.println(explainer.text("probe.dryRun", where(target), target.user()));
    out.println();
    String login =
        "  USER " + target.user() + ", PASS " + io.ftpseq.protocol.Command.MASK + ", TYPE I";
    out.println(explainer.text("probe.dryRun.setup", BATCH));
    out.println(login + ", PWD");
    out.println("  " + explainer.text("probe.dryRun.scratch", "{dir}", "{file}"));
    out.println("  QUIT");
    for (Scenario scenario : scenarios) {
      out.println();
      out.println("[" + scenario.name() + "] " + description(scenario));
      for (Scenario.Step step : scenario.steps()) {
        String line =
            step.template()
                .replace("{user}", target.user())
                .replace("{password}", io.ftpseq.protocol.Command.MASK);
        out.println((step.pipelined() ? "  | " : "    ") + line);
      }
    }
    out.println();
    out.println(explainer.text("probe.dryRun.teardown"));
    out.println(login);
    out.println("  " + explainer.text("probe.dryRun.cleanup", "{dir}"));
    out.println("  QUIT");
  }

  /**
   * What the scenario asks of the server, in the run's language: a built-in scenario's description
   * is in the bundles under its name, in English as the scenario file says it.
   */
  private String description(Scenario scenario) {
    String key = "scenario." + scenario.name();
    return explainer.has(key) ? explainer.text(key) : scenario.description();
  }

  /** The server as messages name it, {@code host:port}. */
  private static String where(Target target) {
    return target.host() + ":" + target.port();
  }

  /**
   * Why the server could not be reached, in words: the JDK's message for an unknown host is the
   * host's name alone.
   */
  static String reason(IOException e, Explainer explainer) {
    if (e instanceof UnknownHostException) {
      return explainer.text("probe.reason.unknownHost");
    }
    if (e instanceof ConnectException) {
      return explainer.text("probe.reason.refused");
    }
    if (e instanceof NoRouteToHostException) {
      return explainer.text("probe.reason.noRoute");
    }
    if (e instanceof SocketTimeoutException) { // the JDK says "Read timed out"
      return explainer.text("probe.reason.timeout");
    }
    return PhrasedError.phraseOf(e)
        .map(explainer::say)
        .orElseGet(
            () -> {
              String message = e.getMessage() == null ? "" : e.getMessage().strip();
              return message.isEmpty() ? explainer.text("probe.reason.io") : message;
            });
  }

  private Target target() {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw usage(explainer.text("probe.usage.notUrl", url));
    }
    if (!"ftp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw usage(explainer.text("probe.usage.notFtp", url));
    }
    String userInfo = uri.getUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      throw usage(explainer.text("probe.usage.noUser"));
    }
    if (userInfo.contains(":")) {
      throw usage(explainer.text("probe.usage.password", PASSWORD_VARIABLE));
    }
    int port = uri.getPort() == -1 ? 21 : uri.getPort();
    if (port < 1 || port > 65535) {
      throw usage(explainer.text("probe.usage.port", Integer.toString(port), url));
    }
    return new Target(uri.getHost(), port, userInfo);
  }

  @SuppressWarnings(
      "SystemConsoleNull") // Java 17, the release built for: null when not interactive
  private String password() {
    String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    Console console = System.console();
    if (console == null) {
      throw usage(explainer.text("probe.usage.noPassword", PASSWORD_VARIABLE));
    }
    char[] typed = console.readPassword("%s", explainer.text("probe.prompt", url));
    if (typed == null) {
      throw usage(explainer.text("probe.usage.noPasswordGiven"));
    }
    return new String(typed);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** A duration as the options take it: {@code 300s}, {@code 500ms}. */
  private static String shown(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
