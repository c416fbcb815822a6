package io.ftpseq.cli;

import io.ftpseq.cli.CheckCommand.FailOn;
import io.ftpseq.cli.CheckCommand.ReportSpec;
import io.ftpseq.explain.Explainer;
import io.ftpseq.proxy.FtpProxy;
import io.ftpseq.proxy.PortRange;
import io.ftpseq.proxy.ProxySettings;
import io.ftpseq.proxy.SessionInfo;
import io.ftpseq.proxy.TlsTermination;
import io.ftpseq.report.CheckRun;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.Phrase;
import io.ftpseq.usage.WholeNumberOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ftpseq proxy}: a validating FTP proxy that checks any client's sessions live. */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = {
      "Relays FTP sessions between any client and a real server, control and data connections"
          + " alike, and checks each session as it happens with the same rules and profiles as"
          + " check. Findings go to standard output as they happen, with the session id.",
      "Stops after --sessions N sessions, or on Ctrl-C; the exit code then follows --fail-on."
          + " Stops also when standard output cannot be written, with exit code 2."
    })
final class ProxyCommand implements Callable<Integer> {

  /** The environment variable that holds the keystore password. */
  static final String KEYSTORE_PASSWORD = "FTPSEQ_TLS_PASSWORD";

  /** How long Ctrl-C waits for the sessions to close and the reports to be written. */
  private static final long SHUTDOWN_SECONDS = 20;

  /** What --strict refuses. */
  enum StrictLevel {
    error,
    warning
  }

  /** How FTPS clients speak TLS to the proxy. */
  enum TlsMode {
    explicit,
    implicit
  }

  @Spec CommandSpec spec;

  @Mixin LanguageOption language = new LanguageOption();

  @Option(
      names = "--upstream",
      required = true,
      paramLabel = "HOST[:PORT]",
      description = "The FTP server to relay to (port 21 when not given).")
  String upstream;

  @Option(
      names = "--listen",
      paramLabel = "[ADDRESS:]PORT",
      description =
          "Where clients connect (default: ${DEFAULT-VALUE}). Only the loopback address unless"
              + " another is given here.")
  String listen = "127.0.0.1:2121";

  @Option(
      names = "--profile",
      paramLabel = "NAME|auto|FILE",
      description = "Server profile, as for check (default: ${DEFAULT-VALUE}).")
  String profile = ServerProfile.RFC_NAME;

  @Option(
      names = "--strict",
      arity = "0..1",
      fallbackValue = "error",
      paramLabel = "LEVEL",
      description =
          "Answer a command that breaks a rule at LEVEL or above (error, or warning) from the"
              + " proxy, with the rule's explanation, instead of forwarding it.")
  StrictLevel strict;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit with 1 when findings reach LEVEL: ${COMPLETION-CANDIDATES} (default:"
              + " ${DEFAULT-VALUE}).")
  FailOn failOn = FailOn.error;

  @Option(
      names = "--sessions",
      paramLabel = "N",
      converter = WholeNumberOption.Count.class,
      description = "Stop after N sessions have ended (default: run until stopped).")
  Integer sessions; // null: until stopped

  @Option(
      names = "--record",
      paramLabel = "DIR",
      description =
          "Write each session's transcript (ID.transcript.txt, readable by check) and its"
              + " reports in the --report formats (text when none) into DIR.")
  Path record;

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<ReportSpec> reports = new ArrayList<>();

  @Option(
      names = "--max-sessions",
      paramLabel = "N",
      converter = WholeNumberOption.Count.class,
      description =
          "Sessions open at once; more are turned away with 421 (default: ${DEFAULT-VALUE}).")
  int maxSessions = ProxySettings.MAX_SESSIONS;

  /** Reads {@code --max-line}: {@link ProxySettings#MIN_LINE} bytes or more. */
  static final class LineLength extends WholeNumberOption {
    LineLength() {
      super(ProxySettings.MIN_LINE, Integer.MAX_VALUE);
    }
  }

  @Option(
      names = "--max-line",
      paramLabel = "BYTES",
      converter = LineLength.class,
      description =
          "Longest control line; a longer one ends the session (default: ${DEFAULT-VALUE}).")
  int maxLine = ProxySettings.MAX_LINE;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = DurationOption.class,
      description = "End a session idle this long, e.g. 90s, 10m (default: 10m).")
  Duration idleTimeout = ProxySettings.IDLE;

  @Option(
      names = "--transfer-timeout",
      paramLabel = "DURATION",
      converter = DurationOption.class,
      description = "Close a data connection not opened, or silent, this long (default: 2m).")
  Duration transferTimeout = ProxySettings.TRANSFER;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = DurationOption.class,
      description = "Wait this long for the server to accept a connection (default: 10s).")
  Duration connectTimeout = ProxySettings.CONNECT;

  @Option(
      names = "--data-ports",
      paramLabel = "MIN-MAX",
      description = "Listen for data connections on these ports only (default: any free port).")
  String dataPorts;

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE",
      description =
          "End TLS at the proxy with the key in this PKCS12 or JKS keystore, its password in "
              + KEYSTORE_PASSWORD
              + ", so FTPS clients can be checked; without it AUTH TLS is refused with 534.")
  Path keystore;

  @Option(
      names = "--tls",
      paramLabel = "MODE",
      description =
          "With --tls-keystore: explicit (AUTH TLS) or implicit (TLS from connect)"
              + " (default: ${DEFAULT-VALUE}).")
  TlsMode tlsMode = TlsMode.explicit;

  /** The environment, read for the keystore password; replaced in tests. */
  Map<String, String> environment = System.getenv();

  /** The stream under standard output when it is the process's, or {@code null}. */
  WatchedStream stdout;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (stdout != null) {
      // a closed pipe stops the proxy as Ctrl-C does (ProxyConsole), its sessions closed with 421
      // and its records written, rather than ending the process at the write
      stdout.whenReaderGone(null);
    }
    Phrase outputProblem = ReportSpec.settleOutputs(reports, List.of());
    if (outputProblem != null) {
      throw usage(language.explainer().say(outputProblem));
    }
    ProxySettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      throw usage(language.explainer().reason(e));
    } catch (GeneralSecurityException e) {
      throw usage(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SessionReports writers =
        new SessionReports(
            reports.stream().map(r -> r.format).toList(), language.explainer(), failOn.level());
    ProxyConsole console =
        new ProxyConsole(
            out,
            err,
            language.explainer(),
            record == null ? null : writers,
            sessions == null ? 0 : sessions,
            failOn.level(),
            !reports.isEmpty());
    CountDownLatch finished = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger(ExitCodes.INTERNAL);
    Thread hook = new Thread(() -> onInterrupt(console, finished, exitCode), "ftpseq-proxy-stop");
    FtpProxy proxy;
    try {
      proxy = FtpProxy.start(settings, console);
    } catch (IOException e) {
      err.println("ftpseq: " + language.explainer().reason(e));
      err.flush();
      return ExitCodes.USAGE;
    }
    Runtime.getRuntime().addShutdownHook(hook);
    try (proxy) {
      announce(console, proxy, settings);
      console.enough().await();
    } finally {
      int code = finish(console, writers);
      exitCode.set(code);
      finished.countDown();
      removeHook(hook);
    }
    return exitCode.get();
  }

  /** Ctrl-C: stop waiting, let the proxy close and the reports be written, exit with their code. */
  private static void onInterrupt(
      ProxyConsole console, CountDownLatch finished, AtomicInteger exitCode) {
    console.enough().countDown();
    try {
      if (finished.await(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
        Runtime.getRuntime().halt(exitCode.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running
    }
  }

  private void announce(ProxyConsole console, FtpProxy proxy, ProxySettings settings) {
    Explainer explainer = language.explainer();
    String listening = SessionInfo.show(proxy.address());
    String relaying = SessionInfo.show(settings.upstream());
    console.status(
        strict == null
            ? explainer.text("proxy.listening", listening, relaying, profile)
            : explainer.text(
                "proxy.listening.strict", listening, relaying, profile, strict.name()));
    if (!proxy.address().getAddress().isLoopbackAddress()) {
      console.status(explainer.text("proxy.nonLoopback"));
    }
  }

  /** Writes the run's reports and returns the exit code. */
  private int finish(ProxyConsole console, SessionReports writers) throws IOException {
    CheckRun run = console.run();
    PrintWriter out = spec.commandLine().getOut();
    boolean written = true;
    for (ReportSpec report : reports) {
      if (report.output == null) {
        writers.write(run, report.format, out);
        continue;
      }
      try {
        writers.write(run, report.format, report.output);
      } catch (IOException e) {
        written = false;
        spec.commandLine()
            .getErr()
            .println(CheckCommand.cannotWrite(report, e, language.explainer()));
      }
    }
    out.println("ftpseq proxy: " + console.summary());
    out.flush();
    spec.commandLine().getErr().flush();
    if (!written) {
      return ExitCodes.USAGE;
    }
    if (console.failures() > 0 || console.hadProblems()) {
      return ExitCodes.INPUT;
    }
    return console.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private ProxySettings settings() throws IOException, GeneralSecurityException {
    ProfileChoice choice =
        CheckCommand.profileChoice(profile, spec.commandLine(), language.explainer());
    InetSocketAddress listenAt = AddressOption.parse(listen, "127.0.0.1", -1);
    InetSocketAddress upstreamAt = AddressOption.parse(upstream, null, 21);
    if (upstreamAt.getPort() == 0) {
      throw new IllegalArgumentException(
          language.explainer().text("proxy.usage.upstreamPortZero", upstream));
    }
    if (SelfRelay.isSelf(listenAt, upstreamAt)) {
      throw new IllegalArgumentException(
          language.explainer().text("proxy.usage.selfRelay", upstream, listen));
    }
    if (tlsMode == TlsMode.implicit && keystore == null) {
      throw new IllegalArgumentException(
          language.explainer().text("proxy.usage.implicitNeedsKeystore"));
    }
    ProxySettings.Builder settings =
        ProxySettings.builder(listenAt, upstreamAt)
            .profile(choice)
            .timeouts(connectTimeout, idleTimeout, transferTimeout)
            .limits(maxSessions, maxLine)
            .recordTo(record)
            .keepingSteps(
                reports.stream()
                    .anyMatch(
                        r ->
                            r.format == CheckCommand.ReportFormat.html
                                || r.format == CheckCommand.ReportFormat.markdown));
    if (strict != null) {
      settings.strict(strict == StrictLevel.warning ? Severity.WARNING : Severity.ERROR);
    }
    if (dataPorts != null) {
      settings.dataPorts(PortRange.parse(dataPorts));
    }
    if (keystore != null) {
      settings.tls(tls());
    }
    return settings.build();
  }

  private TlsTermination tls() throws IOException, GeneralSecurityException {
    String password = environment.get(KEYSTORE_PASSWORD);
    if (password == null) {
      throw new IllegalArgumentException(
          language.explainer().text("proxy.usage.keystorePassword", KEYSTORE_PASSWORD));
    }
    try {
      return TlsTermination.load(keystore, password.toCharArray(), tlsMode == TlsMode.implicit);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          language
              .explainer()
              .text("proxy.usage.keystore", keystore.toString(), String.valueOf(e.getMessage())),
          e);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
