package io.ftpseq.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ftpseq} command and its entry point. */
@Command(
    name = "ftpseq",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Validates the order of commands in FTP sessions and explains every reply.",
    subcommands = {
      CheckCommand.class,
      RulesCommand.class,
      ProfilesCommand.class,
      ProbeCommand.class,
      ProxyCommand.class,
      GraphCommand.class,
      ExplainCommand.class,
      CompareCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage error",
      "3:some input could not be read (the rest was checked)",
      "4:internal error (run with --debug)"
    })
public final class Main implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Runs {@code ftpseq} and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs {@code ftpseq} with the given arguments and streams, and returns its exit code: the entry
   * point for tests and embedding. Errors are one line on {@code err}; a stack trace only with
   * {@code --debug}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("ftpseq: internal error: " + e);
          if (debug) {
            e.printStackTrace(err);
          } else {
            err.println("ftpseq: run again with --debug for details");
          }
          err.flush();
          return ExitCodes.INTERNAL;
        });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("ftpseq: " + e.getMessage());
          err.println(
              "ftpseq: try '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for usage");
          err.flush();
          return ExitCodes.USAGE;
        });
    int code = cli.execute(rest);
    out.flush();
    err.flush();
    return code;
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** Gives picocli the version for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ftpseq " + version()};
    }
  }
}
