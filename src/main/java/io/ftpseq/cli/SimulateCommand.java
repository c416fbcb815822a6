package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.listing.FileKind;
import io.ftpseq.listing.InputWalk;
import io.ftpseq.report.SimulationReport;
import io.ftpseq.rules.ProfileOption;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.Simulation;
import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import io.ftpseq.transcript.CommandScript;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftpseq simulate}: the dialogue each server would have with a client that sends a script of
 * commands, from the servers' profiles, with every refused step marked and explained.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the dialogue each server would have with a client that sends the script's commands,"
          + " one column per server profile, marking every step the server would refuse (503,"
          + " 530, 425, ...) with the rule and its explanation.",
      "The script has one command per line, or is a dialogue transcript whose replies are"
          + " ignored. Logins succeed and files exist unless it says '# login fails' or"
          + " '# missing PATH'."
    })
final class SimulateCommand implements Callable<Integer> {

  /** Output formats. */
  enum OutputFormat {
    text,
    markdown,
    json
  }

  @Spec CommandSpec spec;

  @Mixin LanguageOption language = new LanguageOption();

  @Option(
      names = "--profile",
      required = true,
      split = ",",
      paramLabel = "NAME",
      description =
          "Built-in server profiles to simulate, comma-separated, or all (every built-in server"
              + " profile); names in any case; profile JSON files too.")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.text;

  @Parameters(
      paramLabel = "FILE|-",
      descriptionKey = "script",
      description = "The command script; - reads standard input.")
  String input;

  @Override
  public Integer call() throws IOException {
    List<ServerProfile> chosen = profiles();
    if (!input.equals("-") && Files.isDirectory(Path.of(input))) {
      return fail(input, Phrase.of("input.cannotRead", Phrase.of("simulate.directory")));
    }
    CommandScript script;
    // gzip-compressed as check reads it: a script kept beside rotated logs, or a log's commands;
    // closing the decompressed stream closes the file and ends the inflater's native memory at once
    try (InputStream in = Inputs.decompressed(input, open())) {
      script = CommandScript.read(input, in);
    } catch (NoSuchFileException e) {
      return fail(input, InputWalk.missing(Path.of(input)));
    } catch (IOException e) {
      return fail(input, Phrase.of("input.cannotRead", IoReason.of(e)));
    }
    SimulationReport.writeProblems(
        language.explainer(), script.problems(), spec.commandLine().getErr());
    if (script.commands().isEmpty()) {
      return fail(input, Phrase.of("simulate.noCommand"));
    }
    List<Simulation.Dialogue> dialogues = new ArrayList<>();
    for (ServerProfile profile : chosen) {
      dialogues.add(Simulation.run(profile, input, script.commands(), script.assumptions()));
    }
    new SimulationReport(
            language.explainer(), input, script.commands(), script.assumptions(), dialogues)
        .write(
            SimulationReport.Format.valueOf(format.name().toUpperCase(Locale.ROOT)),
            spec.commandLine().getOut());
    spec.commandLine().getErr().flush();
    return script.problems().isEmpty() ? ExitCodes.OK : ExitCodes.INPUT;
  }

  /**
   * The profiles named: built-ins, {@code all}, or JSON files. Names are read in any case ({@link
   * ProfileNames}); an unknown one is a usage error that names the nearest known one, and so is a
   * profile file that cannot be read or is not a profile, in the words {@code check} uses.
   */
  private List<ServerProfile> profiles() {
    List<ServerProfile> chosen = new ArrayList<>();
    Set<Path> files = new HashSet<>();
    for (String given : profiles) {
      String name = ProfileNames.canonical(given);
      if (name.equals(ProfileNames.ALL)) {
        ServerProfiles.builtIns().stream().filter(p -> !p.isRfc()).forEach(chosen::add);
      } else if (ServerProfiles.builtIn(name).isPresent()) {
        chosen.add(ServerProfiles.builtIn(name).get());
      } else if (ProfileOption.namesFile(name)) {
        if (files.add(realPath(name))) {
          // a column is known by its title: one a column has already is told apart by its file
          chosen.add(
              CheckCommand.profileChoice(
                      name, spec.commandLine(), shown(chosen), language.explainer())
                  .profile());
        }
      } else {
        Explainer explainer = language.explainer();
        String hint = ProfileNames.elsewhere(name, "simulate", explainer);
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            ProfileNames.unknown(
                name,
                hint.isEmpty()
                    ? Suggestions.didYouMean(name, ProfileNames.forSimulate(), explainer)
                    : hint,
                explainer.text(
                    "usage.knownProfiles.orFile", String.join(", ", ProfileNames.forSimulate())),
                explainer));
      }
    }
    if (chosen.isEmpty()) { // --profile , : a table with no server in it, which said nothing
      throw new CommandLine.ParameterException(
          spec.commandLine(), language.explainer().text("usage.noProfileNamed", ProfileNames.ALL));
    }
    // a profile named twice (vsftpd,VSFTPD or all,vsftpd) is one column, where first named
    return chosen.stream().distinct().toList();
  }

  /**
   * The names and titles the columns so far show, and every built-in profile's, which a profile
   * file may copy ({@code ftpseq profiles --save}).
   */
  private static Set<String> shown(List<ServerProfile> columns) {
    Set<String> shown = new HashSet<>();
    ServerProfiles.builtIns().forEach(p -> shown.addAll(List.of(p.name(), p.title())));
    for (ServerProfile column : columns) {
      shown.add(column.name());
      shown.add(column.title());
    }
    return shown;
  }

  /** The file a profile file's name stands for, so that one file named twice is one column. */
  private static Path realPath(String file) {
    try {
      return Path.of(file).toRealPath();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return Path.of(file).toAbsolutePath().normalize(); // reading it says what is wrong
    }
  }

  /**
   * The script; standard input, a FIFO or a device may give nothing for long, so a line says which
   * one the run waits for. A FIFO or device is read as a stream: a channel's stream asks it for its
   * position, and failed with "Illegal seek".
   */
  private InputStream open() throws IOException {
    WaitNotice notice =
        WaitNotice.on(spec.commandLine().getErr(), "ftpseq simulate", false, language.explainer());
    if (input.equals("-")) {
      return notice.open(WaitNotice.standardInput(), () -> System.in);
    }
    Path path = Path.of(input);
    if (Files.isRegularFile(path)) {
      return Files.newInputStream(path);
    }
    return notice.open(
        WaitNotice.named(input, FileKind.of(path)), () -> new FileInputStream(path.toFile()));
  }

  private int fail(String input, Phrase why) {
    String message = input + ": " + language.explainer().say(why);
    spec.commandLine().getErr().println("ftpseq simulate: " + message);
    spec.commandLine().getErr().flush();
    return ExitCodes.INPUT;
  }
}
