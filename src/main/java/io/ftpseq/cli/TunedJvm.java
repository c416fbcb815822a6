package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a long check in a second Java VM started with the options that suit it, as a launcher script
 * would: {@code java -jar} gives a program no say in its own VM's options. The parallel collector,
 * and C2 inlining kept small: with the defaults (G1, deep inlining), the JIT compiler spent about a
 * core recompiling the hot paths' huge inlined methods for most of a long run. Measured on a 1 GB
 * capture, paired whole-process runs: 0.81 of the time, 0.73 of the CPU.
 *
 * <p>Only from the command line, for inputs of {@value #ABOVE_MIB} MiB or more (below that the
 * second start costs more than it saves), and never when the user chose VM options of their own
 * ({@code -XX:...}), an agent or a debugger: those run where they are. {@code -Dftpseq.jvm=here}
 * never starts a second VM, {@code -Dftpseq.jvm=tuned} always does. The second VM gets the first's
 * other options ({@code -Xmx}, {@code -D}), arguments and streams, and ends when the first does.
 */
final class TunedJvm {

  /** Inputs at least this large run in a tuned VM. */
  static final long ABOVE_MIB = 64;

  /** The options the second VM adds to the user's. */
  static final List<String> OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions", // a VM that lacks one of these runs without it
          "-XX:+UseParallelGC",
          "-XX:InlineSmallCode=500");

  /**
   * Added for a run whose input is mostly packet captures, or shorter than {@value
   * #DEEP_INLINING_FROM_MIB} MiB: C2 inlining kept shallower still.
   *
   * <p>A capture's hot path (packet, TCP segment, control connection, line, session) is one deep
   * call chain that meets rare branches all through a capture (a retransmission, a data connection,
   * a session that ends early), and C2 rebuilt its 20 to 50 KB compilations of it again and again:
   * on the 1 GB generated capture it spent more CPU compiling than the check spent reading. Paired
   * whole-process runs, medians of 3, reports the same: 1 GB capture 0.57 of the wall time and 0.64
   * of the CPU.
   *
   * <p>A log of a hundred megabytes is over before deep inlining pays for its compilations: C2 took
   * 5.2 s of CPU in an 8 s check of 100 MB of lftp's samples (50,000 sessions). Paired, medians of
   * 5, on 100 MB of each format's samples repeated: lftp 0.68 of the wall time (0.67 of the CPU),
   * vsftpd 0.83, FileZilla 0.90, FluentFTP 0.87, Zeek 0.94, Commons Net 1.01. From about 300 MB on
   * the compilations are paid for (lftp 1.00, Commons Net 1.07 at 300 MB), and at 1 GB a
   * one-session client log, whose hot path is stable, takes 1.32 times the time with them (vsftpd
   * 1.07): so longer logs keep deep inlining.
   */
  static final List<String> SHALLOW_INLINING =
      List.of("-XX:FreqInlineSize=50", "-XX:MaxInlineLevel=5");

  /** Logs at least this large compile with C2's usual, deeper inlining. */
  static final long DEEP_INLINING_FROM_MIB = 256;

  /**
   * What a run reads, as far as the second VM's options go.
   *
   * @param bytes the size of the inputs
   * @param mostlyCaptures whether packet captures are half of those bytes or more
   */
  record Workload(long bytes, boolean mostlyCaptures) {
    /** The options the second VM adds to the user's for this work. */
    List<String> options() {
      if (!mostlyCaptures && bytes >= DEEP_INLINING_FROM_MIB << 20) {
        return OPTIONS;
      }
      List<String> options = new ArrayList<>(OPTIONS);
      options.addAll(SHALLOW_INLINING);
      return List.copyOf(options);
    }
  }

  /** The environment variables whose VM options a VM reports among its own. */
  private static final List<String> OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  /** {@code auto} (the default), {@code here} or {@code tuned}. */
  static final String CHOICE = "ftpseq.jvm";

  /** Given to the second VM: the first VM's process id, whose end ends it too. */
  static final String PARENT = "ftpseq.jvm.parent";

  private final String[] args;

  private TunedJvm(String[] args) {
    this.args = args.clone();
  }

  /**
   * What may start a tuned VM for these command-line arguments, or {@code null} in the second VM
   * itself, which instead stops when the first one ends.
   */
  static TunedJvm forCommandLine(String[] args) {
    String parent = System.getProperty(PARENT);
    if (parent == null) {
      return new TunedJvm(args);
    }
    long first;
    try {
      first = Long.parseLong(parent);
    } catch (NumberFormatException e) {
      return null; // not set by a first VM: nothing to watch
    }
    Thread watch =
        new Thread(
            () -> {
              while (isRunning(first)) {
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
              firstEnded(LanguageOption.explainer(LanguageOption.fromArguments(args)));
            },
            "ftpseq-first-vm-watch");
    watch.setDaemon(true);
    watch.start();
    return null;
  }

  /**
   * Whether the first VM, {@code pid}, still runs: on Unix one that ended leaves this VM to another
   * parent even when no one reaped it yet (a zombie looks alive); elsewhere it is no longer alive.
   */
  private static boolean isRunning(long pid) {
    return ProcessHandle.current().parent().map(p -> p.pid() == pid).orElse(false)
        && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void firstEnded(Explainer explainer) {
    System.err.println("ftpseq: " + explainer.text("tuned.firstEnded"));
    System.exit(ExitCodes.INTERNAL);
  }

  /**
   * Runs the whole command line in a tuned VM when {@link #command} gives one for inputs of {@code
   * inputBytes}, and returns its exit code; else empty, and the caller runs it here.
   *
   * @param mostlyCaptures whether packet captures are half the input bytes or more: asked only when
   *     a second VM is wanted, as it opens the inputs to look
   */
  Optional<Integer> runIfWorthIt(
      long inputBytes, BooleanSupplier mostlyCaptures, boolean debug, PrintWriter err) {
    String choice = System.getProperty(CHOICE, "auto");
    if (!wanted(choice, inputBytes) || ModuleLayer.boot().findModule("java.management").isEmpty()) {
      return Optional.empty(); // a runtime without java.management cannot tell its own options
    }
    Workload workload = new Workload(inputBytes, mostlyCaptures.getAsBoolean());
    Optional<List<String>> command =
        command(choice, workload, ManagementFactory.getRuntimeMXBean().getInputArguments(), args);
    return command.isEmpty()
        ? Optional.empty()
        : run(
            command.get(),
            workload.options(),
            debug,
            err,
            LanguageOption.explainer(LanguageOption.fromArguments(args)));
  }

  /**
   * Whether {@code choice} moves a run of {@code inputBytes}.
   *
   * @throws BadValue for a choice other than auto, here and tuned
   */
  static boolean wanted(String choice, long inputBytes) {
    return switch (choice.toLowerCase(Locale.ROOT)) {
      case "tuned" -> true;
      case "here" -> false;
      case "auto" -> inputBytes >= ABOVE_MIB << 20;
      default -> throw new BadValue(Phrase.of("tuned.choice", "-D" + CHOICE, choice));
    };
  }

  /**
   * Runs {@code command}, a second VM, with this one's streams, and returns its exit code; empty
   * when it could not start, and the caller runs the check here.
   */
  static Optional<Integer> run(
      List<String> command,
      List<String> options,
      boolean debug,
      PrintWriter err,
      Explainer explainer) {
    if (debug) {
      err.println("ftpseq: " + explainer.text("tuned.checkingInSecond", String.join(" ", options)));
      err.flush();
    }
    Process second;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      // their options are among this VM's, passed on once: read again, they would print twice
      builder.environment().keySet().removeAll(OPTION_VARIABLES);
      second = builder.start();
    } catch (IOException e) {
      if (debug) {
        err.println(
            "ftpseq: " + explainer.text("tuned.notStarted", String.valueOf(e.getMessage())));
        err.flush();
      }
      return Optional.empty();
    }
    // the first VM's end (Ctrl-C, a CI job's time limit) is passed on, and its clean-up awaited
    Runnable endSecond =
        () -> {
          second.destroy();
          try {
            second.waitFor(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    Thread passOn = new Thread(endSecond);
    try {
      Runtime.getRuntime().addShutdownHook(passOn);
    } catch (IllegalStateException e) {
      endSecond.run(); // this VM began to end (a signal) while the second started
      return Optional.of(second.isAlive() ? ExitCodes.INTERNAL : second.exitValue());
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          int exitCode = second.waitFor();
          if (exitCode == 128 + 9) {
            err.println("ftpseq: " + explainer.text("tuned.killed"));
            err.flush();
          }
          return Optional.of(exitCode);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(passOn);
      } catch (IllegalStateException e) {
        // this VM is ending (a signal): the hook has passed it on and waited for the second VM
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The command that runs {@code args} in a tuned VM, or empty when they are to run in this one.
   *
   * @param choice the {@value #CHOICE} property: {@code auto}, {@code here} or {@code tuned}
   * @param workload what the run reads
   * @param vmOptions this VM's options, as {@code java} was given them
   */
  static Optional<List<String>> command(
      String choice, Workload workload, List<String> vmOptions, String[] args) {
    if (!wanted(choice, workload.bytes())
        || vmOptions.stream().anyMatch(TunedJvm::isUsersOwnTuning)
        || Arrays.stream(args).anyMatch(TunedJvm::namesWhatOnlyThisProcessSees)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(vmOptions);
    command.addAll(workload.options());
    command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /**
   * Whether an argument, an option's value or an argument file ({@code @FILE}) names a file that is
   * another, or already read, in a second process: {@code /dev/fd/3} (which the second VM does not
   * inherit: there it is the VM's own open file, its jar or its modules), {@code /dev/stdin},
   * {@code /proc/self/...}, or a link to one of them.
   */
  static boolean namesWhatOnlyThisProcessSees(String arg) {
    List<String> names = new ArrayList<>(List.of(arg));
    if (arg.startsWith("@")) {
      names.add(arg.substring(1));
    }
    if (arg.startsWith("-") && arg.indexOf('=') > 0) {
      names.add(arg.substring(arg.indexOf('=') + 1));
    }
    for (String name : names) {
      if (isProcessFile(name)) {
        return true;
      }
      try {
        // a link to /dev/stdin is followed hop by hop: its end (a pipe) may have no real path
        Path path = Path.of(name);
        for (int hop = 0; hop < 8 && Files.isSymbolicLink(path); hop++) {
          path = path.resolveSibling(Files.readSymbolicLink(path));
          if (isProcessFile(path.toString())) {
            return true;
          }
        }
        if (!name.isEmpty() && isProcessFile(path.toRealPath().toString())) {
          return true;
        }
      } catch (IOException | InvalidPathException e) {
        // not a file this process can see either
      }
    }
    return false;
  }

  private static boolean isProcessFile(String name) {
    return (name.startsWith("/dev/") && !name.equals("/dev/null")) || name.startsWith("/proc/");
  }

  /** A VM option that says the user tuned or instruments the VM: it is run as they asked. */
  private static boolean isUsersOwnTuning(String option) {
    return option.startsWith("-XX:")
        || option.startsWith("-agent")
        || option.startsWith("-javaagent")
        || option.startsWith("-Xrun")
        || option.startsWith("-Xlog")
        || option.startsWith("-verbose")
        || option.equals("-Xdebug")
        || option.equals("-Xint")
        || option.equals("-Xcomp");
  }
}
