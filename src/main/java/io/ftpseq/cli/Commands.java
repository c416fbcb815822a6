package io.ftpseq.cli;

import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The commands of {@code ftpseq}, in the order its help lists them, and which of them a run needs.
 *
 * <p>picocli builds a command's model from its annotations when the command is added, and building
 * all eleven took about half of a small check's run. A run that names its command needs only that
 * one; a run that may show or name any of them (no command, {@code help}, {@code completion}, an
 * unknown word, a top-level option such as {@code --help}, an argument file) gets them all, so that
 * help, suggestions and completion scripts stay whole.
 */
final class Commands {

  /** The commands' names, in the order of {@code ftpseq --help}. */
  private static final List<String> NAMES =
      List.of(
          "check",
          "rules",
          "profiles",
          "probe",
          "proxy",
          "graph",
          "explain",
          "compare",
          "simulate",
          "help",
          "completion");

  private Commands() {}

  /** Adds to {@code ftpseq} the commands these arguments may need, in the order of its help. */
  static void addTo(CommandLine ftpseq, String[] args) {
    String named = named(args);
    for (String name : NAMES) {
      if (named == null || named.equals(name)) {
        ftpseq.addSubcommand(name, make(name));
      }
    }
  }

  /**
   * The command these arguments run when it needs no other, or null: the first word that is not a
   * top-level option, when it names a command other than {@code help} and {@code completion}.
   */
  private static String named(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--debug") || arg.startsWith("--lang=")) {
        continue;
      }
      if (arg.equals("--lang")) {
        i++; // its value
        continue;
      }
      if (arg.startsWith("-") || arg.startsWith("@")) {
        return null; // --help, --version, an unknown option or an argument file: all of them
      }
      boolean alone = NAMES.contains(arg) && !arg.equals("help") && !arg.equals("completion");
      return alone ? arg : null;
    }
    return null;
  }

  /**
   * A new command of that name. Named one by one rather than by class or constructor reference: a
   * class literal or a method reference loads its class, and the point is to load only one.
   */
  private static Object make(String name) {
    return switch (name) {
      case "check" -> new CheckCommand();
      case "rules" -> new RulesCommand();
      case "profiles" -> new ProfilesCommand();
      case "probe" -> new ProbeCommand();
      case "proxy" -> new ProxyCommand();
      case "graph" -> new GraphCommand();
      case "explain" -> new ExplainCommand();
      case "compare" -> new CompareCommand();
      case "simulate" -> new SimulateCommand();
      case "help" -> new HelpCommand();
      case "completion" -> completion();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  private static CommandLine completion() {
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(false);
    completion.getCommandSpec().name("completion"); // its help names it as users call it
    // picocli makes it a help command, whose parse takes any option or argument in silence
    completion.getCommandSpec().helpCommand(false);
    return completion;
  }
}
