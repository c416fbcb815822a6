package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.explain.Explainer;
import io.ftpseq.usage.Language;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command, {@code ftpseq} itself, {@code help} and {@code completion} included, answers an
 * option it does not know and an argument too many with a usage error: one line in the run's
 * language, the pointer to its help, exit code 2 and nothing on standard output. {@code completion}
 * and {@code help} took anything in silence, with exit code 0, as picocli's help commands do.
 */
class EveryCommandUsageErrorsTest {

  /** Every command of the command line, as the words that name it after {@code ftpseq}. */
  private static List<List<String>> commands() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    List<List<String>> all = new ArrayList<>();
    collect(Main.commandLine(new String[0], nowhere, nowhere, null), List.of(), all);
    return all;
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
    all.add(path);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> longer = new ArrayList<>(path);
              longer.add(name);
              collect(sub, longer, all);
            });
  }

  private static CommandSpec spec(List<String> path) {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    CommandLine command = Main.commandLine(new String[0], nowhere, nowhere, null);
    for (String name : path) {
      command = command.getSubcommands().get(name);
    }
    return command.getCommandSpec();
  }

  static Stream<Arguments> commandsInEachLanguage() {
    return commands().stream()
        .flatMap(path -> Stream.of("en", "fr", "ja").map(language -> Arguments.of(path, language)));
  }

  /**
   * An unknown option is refused by every command that reads options (not {@code explain}, which
   * reads any word, {@code -hal} too, as words to explain); a command that also misses a required
   * argument may say that first.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("commandsInEachLanguage")
  void anUnknownOptionIsAUsageError(List<String> path, String language) {
    CommandSpec spec = spec(path);
    if (spec.parser().unmatchedOptionsArePositionalParams()) {
      return;
    }
    List<String> args = new ArrayList<>(List.of("--lang", language));
    args.addAll(path);
    args.add("--bogus");
    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertUsageError(run, spec, language);
    Explainer explainer = Language.valueOf(language).explainer();
    boolean requires = spec.args().stream().anyMatch(ArgSpec::required);
    String first = run.err().lines().findFirst().orElseThrow();
    if (!requires) {
      assertThat(first)
          .isEqualTo(
              "ftpseq: "
                  + (language.equals("en")
                      ? "Unknown option: '--bogus'"
                      : explainer.text("usage.unknownOption", "'--bogus'")));
    } else if (!language.equals("en")) {
      assertThat(first).startsWith("ftpseq: " + explainer.text("usage.missing", "").strip());
    }
  }

  /**
   * An argument past the last a command takes is refused: one for a command that takes none, one
   * more than the most it takes otherwise ({@code help check extra}).
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("commandsInEachLanguage")
  void anArgumentTooManyIsAUsageError(List<String> path, String language) {
    CommandSpec spec = spec(path);
    int most = 0;
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (positional.arity().isUnspecified() || positional.arity().max() == Integer.MAX_VALUE) {
        return; // takes any number of arguments
      }
      most += positional.arity().max();
    }
    if (spec.args().stream().anyMatch(ArgSpec::required)) {
      return; // refused for what it misses first
    }
    List<String> args = new ArrayList<>(List.of("--lang", language));
    args.addAll(path);
    // a command that takes arguments is given the names of commands, which help takes
    args.addAll(Collections.nCopies(most, "check"));
    args.add("extra");
    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertUsageError(run, spec, language);
    String first = run.err().lines().findFirst().orElseThrow();
    assertThat(first).contains("'extra'");
    if (!language.equals("en")) {
      assertThat(first)
          .isEqualTo(
              "ftpseq: "
                  + Language.valueOf(language).explainer().text("usage.unmatched", "'extra'"));
    }
  }

  /** {@code help} of a command that does not exist is a usage error naming the known ones. */
  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void helpOfAnUnknownCommandIsAUsageError(String language) {
    CliRun run = CliRun.of("help", "chek", "--lang", language);
    Explainer explainer = Language.valueOf(language).explainer();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith(
            "ftpseq: "
                + explainer.text(
                    "usage.unknownCommand",
                    "chek",
                    Suggestions.didYouMean("chek", List.of("check"), explainer),
                    "check"))
        .contains("simulate");
  }

  /** {@code help COMMAND} is still that command's help, in the language wherever it stands. */
  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void helpOfACommandIsItsHelp(String language) {
    CliRun help = CliRun.of("help", "rules", "--lang", language);
    CliRun own = CliRun.of("rules", "--help", "--lang", language);

    assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(help.err()).isEmpty();
    assertThat(help.out()).isEqualTo(own.out()).contains("--format");
  }

  private static void assertUsageError(CliRun run, CommandSpec spec, String language) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as(run.err()).hasSize(2);
    assertThat(lines.get(1))
        .isEqualTo(
            "ftpseq: "
                + Language.valueOf(language)
                    .explainer()
                    .text("usage.tryHelp", spec.qualifiedName() + " --help"));
  }
}
