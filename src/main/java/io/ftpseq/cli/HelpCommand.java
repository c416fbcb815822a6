package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftpseq help [COMMAND]}: the help of ftpseq or of one of its commands. It stands in for
 * picocli's own help command, which takes any option or argument it does not know in silence and
 * answers an unknown command in English with exit code 0: this one refuses them as every other
 * command does, with a usage error in the run's language and exit code 2.
 */
@Command(
    name = "help",
    helpCommand = true, // picocli prints the help without checking the rest of the command line
    description = "Display help information about the specified command.",
    synopsisHeading = "%nUsage: ")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      descriptionKey = "helpCommand.help",
      description = "Show usage help for the help command and exit.")
  boolean helpRequested;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..1",
      descriptionKey = "helpCommand.command",
      description = "The COMMAND to display the usage help message for.")
  String command;

  // so that ftpseq help check --lang fr is the French help, as ftpseq check --help --lang fr is
  @Mixin LanguageOption language = new LanguageOption();

  @Spec CommandSpec spec;

  private CommandLine self;
  private CommandLine.Help.ColorScheme colorScheme;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine,
      CommandLine.Help.ColorScheme colorScheme,
      PrintWriter out,
      PrintWriter err) {
    this.self = helpCommandLine;
    this.colorScheme = colorScheme;
    this.out = out;
  }

  @Override
  public void run() {
    // a help command's parse keeps what it does not know aside instead of refusing it
    List<String> unmatched = spec.commandLine().getUnmatchedArguments();
    if (!unmatched.isEmpty()) {
      throw new CommandLine.UnmatchedArgumentException(spec.commandLine(), unmatched);
    }
    CommandLine parent = self.getParent();
    if (command == null) {
      parent.usage(out, colorScheme);
      return;
    }
    CommandLine named = parent.getSubcommands().get(command);
    if (named == null) {
      Explainer explainer = language.explainer();
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          explainer.text(
              "usage.unknownCommand",
              command,
              Suggestions.didYouMean(command, parent.getSubcommands().keySet(), explainer),
              String.join(", ", parent.getSubcommands().keySet())));
    }
    named.usage(out, colorScheme);
  }
}
