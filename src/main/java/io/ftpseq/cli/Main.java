package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.UnsafeCharacters;
import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import io.ftpseq.usage.Language;
import io.ftpseq.usage.UsageErrors;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code ftpseq} command and its entry point. */
@Command(
    name = "ftpseq",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Validates the order of commands in FTP sessions and explains every reply.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage error, or a report file that could not be written",
      "3:some input could not be read (the rest was checked); wins over 1",
      "4:internal error (run with --debug)",
      "5:out of memory: the run stopped and its reports are missing or incomplete",
      "141:standard output was a pipe whose reader ended (as head does): the run stopped there"
    })
public final class Main implements Runnable {

  /**
   * Memory set aside while a command runs and let go when memory runs out, so that there is room to
   * say so: writing the line used to run out again (a 24 MB heap), with a stack trace and exit code
   * 1. It is made of small arrays: one array of 512 KB is a "humongous" object to G1 in a small
   * heap, which needs a whole free region, and making it failed at start-up on a 24 MB heap.
   */
  static byte[][] memoryReserve;

  private static final int RESERVE_CHUNKS = 16;

  private static final int RESERVE_CHUNK_BYTES = 32 * 1024;

  /**
   * The out-of-memory line while the run's language is not known yet (memory ran out reading its
   * bundle): the English of {@code run.outOfMemory}, made before memory runs out.
   */
  private static final String OUT_OF_MEMORY =
      "ftpseq: out of memory: the run stopped before its reports were complete; give Java more"
          + " memory (java -Xmx2g -jar ftpseq.jar ...), or leave out --explain-all";

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // read from the arguments before they are parsed (see run), wherever it stands; declared here
  // so that every command's help lists it
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show the stack trace of an internal error, not only its one line.")
  boolean debug;

  // so that ftpseq --lang fr check ... reads as the run's language too; every command that says
  // something in a language takes the value given here when it has none of its own
  @Mixin LanguageOption language = new LanguageOption();

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), language.explainer().text("usage.commandRequired"));
  }

  /** Runs {@code ftpseq} and exits with its exit code. */
  public static void main(String[] args) {
    // straight to the file descriptor: System.out would drop the error of a failed write
    WatchedStream stdout = new WatchedStream(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // as SIGPIPE ends a Unix tool whose reader has gone: at once, whatever thread wrote, the
    // partial report files and the temporary file of sessions deleted as the VM exits
    stdout.whenReaderGone(() -> System.exit(ExitCodes.OUTPUT_CLOSED));
    System.exit(run(args, out, err, TunedJvm.forCommandLine(args), stdout));
  }

  /**
   * Runs {@code ftpseq} with the given arguments and streams, and returns its exit code: the entry
   * point for tests and embedding. Errors are one line on {@code err}; a stack trace only with
   * {@code --debug}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, null, null);
  }

  /**
   * Runs {@code ftpseq} writing to {@code out} as it writes to standard output: an error writing it
   * ends the run with {@link ExitCodes#USAGE} and a line on {@code err} that says why; a broken
   * pipe ends it with {@link ExitCodes#OUTPUT_CLOSED} and says nothing (in this VM, which it does
   * not end, once the command is over).
   */
  static int run(String[] args, OutputStream out, PrintWriter err) {
    WatchedStream watched = new WatchedStream(out);
    return run(args, new PrintWriter(watched, true, StandardCharsets.UTF_8), err, null, watched);
  }

  /**
   * Runs {@code ftpseq}; a long check may run in a {@code tunedJvm} instead of this one, when there
   * is one.
   *
   * @param stdout the stream under {@code out} that keeps its first error, or {@code null}
   */
  private static int run(
      String[] args, PrintWriter out, PrintWriter err, TunedJvm tunedJvm, WatchedStream stdout) {
    Supplier<Optional<IOException>> outFailure = stdout == null ? Optional::empty : stdout::failure;
    boolean debug = Arrays.asList(args).contains("--debug");
    String outOfMemory = OUT_OF_MEMORY;
    Explainer explainer = null;
    int code;
    try {
      explainer = LanguageOption.explainer(LanguageOption.fromArguments(args));
      // made before memory runs out, as there may be none to make it then
      outOfMemory = "ftpseq: " + explainer.text("run.outOfMemory");
      Optional<Phrase> badArgumentFile = unreadableArgumentFile(args);
      if (badArgumentFile.isPresent()) {
        err.println("ftpseq: " + UnsafeCharacters.oneLine(explainer.say(badArgumentFile.get())));
        err.flush();
        return ExitCodes.USAGE;
      }
      memoryReserve = new byte[RESERVE_CHUNKS][RESERVE_CHUNK_BYTES];
      code = commandLine(args, out, err, tunedJvm, stdout).execute(withoutDebug(args));
    } catch (OutOfMemoryError e) {
      code = outOfMemory(err, outOfMemory);
    } catch (StackOverflowError | RuntimeException e) {
      // picocli hands exceptions to the handler, but errors go through, and what the commands'
      // constructors throw comes wrapped (memory running out as they are made, in a small heap)
      code = failure(e, new Failure(debug, err, explainer, outOfMemory));
    }
    try {
      // checkError flushes; a report may have written its bytes into the stream beneath instead
      if ((out.checkError() || outFailure.get().isPresent()) && code < ExitCodes.INTERNAL) {
        Optional<IOException> failure = outFailure.get();
        if (failure.isPresent() && WatchedStream.readerGone(failure.get())) {
          // the reader took what it wanted (head, grep -m1): nothing to say, as for any Unix tool
          code = ExitCodes.OUTPUT_CLOSED;
        } else {
          // the report or answer is lost, whatever it said: as a report file that cannot be
          // written
          err.println(cannotWriteOutput(failure, explainer));
          code = ExitCodes.USAGE;
        }
      }
      err.flush();
    } catch (OutOfMemoryError e) {
      code = outOfMemory(err, outOfMemory);
    }
    memoryReserve = null;
    return code;
  }

  /** The line that says standard output could not be written, and why when that is known. */
  static String cannotWriteOutput(Optional<IOException> failure, Explainer explainer) {
    return "ftpseq: "
        + failure
            .map(e -> explainer.text("run.cannotWriteOutput.why", explainer.say(IoReason.of(e))))
            .orElseGet(() -> explainer.text("run.cannotWriteOutput"));
  }

  /** The command line of every command, set up for these arguments, streams and second VM. */
  static CommandLine commandLine(
      String[] args, PrintWriter out, PrintWriter err, TunedJvm tunedJvm) {
    return commandLine(args, out, err, tunedJvm, null);
  }

  /**
   * The command line of every command, set up for these arguments, streams and second VM, with the
   * stream under standard output when it is watched.
   */
  private static CommandLine commandLine(
      String[] args, PrintWriter out, PrintWriter err, TunedJvm tunedJvm, WatchedStream stdout) {
    boolean debug = Arrays.asList(args).contains("--debug");
    Explainer explainer = LanguageOption.explainer(LanguageOption.fromArguments(args));
    Failure failure =
        new Failure(debug, err, explainer, "ftpseq: " + explainer.text("run.outOfMemory"));
    CommandLine cli = new CommandLine(new Main());
    Commands.addTo(cli, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    HelpLanguage.apply(cli, LanguageOption.fromArguments(args));
    CommandLine checkLine = cli.getSubcommands().get("check");
    if (checkLine != null) {
      CheckCommand check = checkLine.getCommand();
      check.debug = debug;
      check.tunedJvm = tunedJvm;
      check.stdout = stdout;
    }
    CommandLine proxy = cli.getSubcommands().get("proxy");
    if (proxy != null) {
      ((ProxyCommand) proxy.getCommand()).stdout = stdout;
    }
    CommandLine explain = cli.getSubcommands().get("explain");
    if (explain != null) {
      // a line pasted from lftp's debug log starts "--->"; picocli would take it for an option
      explain.setUnmatchedOptionsArePositionalParams(true);
    }
    // every command's --version says what ftpseq --version says (it printed nothing)
    cli.getSubcommands()
        .values()
        .forEach(command -> command.getCommandSpec().versionProvider(new Version()));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, failure));
    cli.setParameterExceptionHandler(
        (e, a) -> {
          Language language = Language.fromArguments(a);
          // one line, whatever a named file's name holds
          err.println(
              "ftpseq: "
                  + UnsafeCharacters.oneLine(
                      maskQuoted(UsageErrors.said(e, explainer, language == Language.en))
                          + Suggestions.forError(e, explainer)
                          + Suggestions.forDashedFile(e, a, explainer)));
          err.println("ftpseq: " + UsageErrors.tryHelp(e, explainer));
          err.flush();
          return ExitCodes.USAGE;
        });
    return cli;
  }

  /**
   * What is wrong with an argument file ({@code @FILE}, whose lines picocli reads as arguments)
   * that exists but cannot be read: picocli would end with its own stack trace and exit code 1. A
   * name that is no file stays an argument, as picocli leaves it.
   */
  private static Optional<Phrase> unreadableArgumentFile(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (!arg.startsWith("@") || arg.startsWith("@@") || arg.length() == 1) {
        continue;
      }
      Path file;
      try {
        file = Path.of(arg.substring(1));
      } catch (InvalidPathException e) {
        continue;
      }
      if (Files.isDirectory(file)) {
        return Optional.of(Phrase.of("run.argumentFile.directory", maskQuoted("'" + arg + "'")));
      }
      if (Files.exists(file) && !Files.isReadable(file)) {
        return Optional.of(Phrase.of("run.argumentFile.denied", maskQuoted("'" + arg + "'")));
      }
    }
    return Optional.empty();
  }

  private static String[] withoutDebug(String[] args) {
    return Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
  }

  /**
   * The message with the passwords masked in what it quotes back ({@code 'PASS x'}, and as French
   * and Japanese quote it): a value may be a password given where it does not belong. Its own words
   * are left alone.
   */
  static String maskQuoted(String message) {
    return UsageErrors.maskQuoted(message);
  }

  /**
   * How a failure that ends the run is said: with its trace or not, where, in which language, and
   * the out-of-memory line made in that language beforehand.
   */
  private record Failure(boolean debug, PrintWriter err, Explainer explainer, String outOfMemory) {}

  /**
   * A failure that ends the run: out of memory when memory ran out anywhere beneath it; a file the
   * run needs that could not be written or read (the temporary file of sessions on a full disk),
   * said in ftpseq's words, as a report that could not be written; else an internal error.
   */
  private static int failure(Throwable e, Failure failure) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return outOfMemory(failure.err(), failure.outOfMemory());
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UncheckedIOException
          && cause.getCause() instanceof PhrasedError phrased
          && failure.explainer() != null) {
        failure
            .err()
            .println(
                "ftpseq: " + UnsafeCharacters.oneLine(failure.explainer().say(phrased.reason())));
        failure.err().flush();
        return ExitCodes.USAGE;
      }
    }
    return internalError(e, failure);
  }

  /** One line saying what went wrong, the trace only with {@code --debug}. */
  private static int internalError(Throwable e, Failure failure) {
    PrintWriter err = failure.err();
    if (failure.explainer() == null) { // the run's language could not be read: a broken build
      err.println(
          "ftpseq: internal error: " + io.ftpseq.protocol.Command.maskPasswords(e.toString()));
      err.flush();
      return ExitCodes.INTERNAL;
    }
    // the exception's own text is Java's, for a report of the defect, in no language of ours
    err.println(
        "ftpseq: "
            + failure
                .explainer()
                .text("run.internalError", io.ftpseq.protocol.Command.maskPasswords(e.toString())));
    if (failure.debug()) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(io.ftpseq.protocol.Command.maskPasswords(trace.toString()));
    } else {
      err.println("ftpseq: " + failure.explainer().text("run.debugForDetails"));
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /**
   * One line for a run that ran out of memory, instead of a trace and a misleading exit code; the
   * line is made before memory runs out.
   */
  private static int outOfMemory(PrintWriter err, String line) {
    memoryReserve = null; // room to say so
    try {
      err.println(line);
      err.flush();
    } catch (OutOfMemoryError e) {
      // no memory even to say so: the exit code does
    }
    return ExitCodes.OUT_OF_MEMORY;
  }

  /** The version the build wrote into {@code build.properties}, for reports that name it. */
  static String version() {
    return Build.read().version();
  }

  /** Gives picocli the version for {@code --version}: the build's version, commit and date. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Build build = Build.read();
      return new String[] {
        "ftpseq " + build.version() + " (" + build.describe() + ")",
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
