package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.spark.SparkCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option that is a count, a size or a duration, of every command, refuses 0 and less as it is
 * read: one line in the run's language that names the option, the pointer to the help, exit code 2.
 * {@code proxy --sessions 0} started a proxy that ran until stopped; {@code proxy --max-sessions 0}
 * was refused only once the rest of the command line was right, and {@code spark-check --max-tasks
 * 0} was taken as "the default".
 */
class NumberOptionsTest {

  private static final Set<Class<?>> NUMBERS =
      Set.of(int.class, Integer.class, long.class, Long.class, Duration.class);

  /** Each command path with one of its number options. */
  private static List<List<String>> numberOptions(CommandLine command, List<String> path) {
    List<List<String>> found = new ArrayList<>();
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (NUMBERS.contains(option.type())) {
        List<String> row = new ArrayList<>(path);
        row.add(option.longestName());
        found.add(row);
      }
    }
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> longer = new ArrayList<>(path);
              longer.add(name);
              found.addAll(numberOptions(sub, longer));
            });
    return found;
  }

  static Stream<Arguments> everyNumberOptionAtZeroAndBelow() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    List<List<String>> options =
        new ArrayList<>(
            numberOptions(Main.commandLine(new String[0], nowhere, nowhere, null), List.of()));
    assertThat(options).extracting(o -> o.get(o.size() - 1)).contains("--sessions", "--threads");
    options.add(List.of("spark-check", "--max-tasks"));
    return options.stream()
        .flatMap(
            option ->
                Stream.of("0", "-1", "-0", "abc")
                    .flatMap(
                        value ->
                            Stream.of("en", "fr", "ja")
                                .map(language -> Arguments.of(option, value, language))));
  }

  private static String[] args(List<String> pathAndOption, String value, String language) {
    List<String> args = new ArrayList<>(List.of("--lang", language));
    args.addAll(pathAndOption.subList(0, pathAndOption.size() - 1));
    args.add(pathAndOption.get(pathAndOption.size() - 1) + "=" + value);
    return args.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}={1} {2}")
  @MethodSource
  void everyNumberOptionAtZeroAndBelow(List<String> option, String value, String language) {
    String name = option.get(option.size() - 1);
    int code;
    String out;
    String err;
    if (option.get(0).equals("spark-check")) {
      String[] args = args(option.subList(1, option.size()), value, language);
      StringWriter outText = new StringWriter();
      StringWriter errText = new StringWriter();
      code = SparkCheck.run(args, new PrintWriter(outText), new PrintWriter(errText));
      out = outText.toString();
      err = errText.toString();
    } else {
      CliRun run = CliRun.of(args(option, value, language));
      code = run.exitCode();
      out = run.out();
      err = run.err();
    }

    assertThat(code).as(err).isEqualTo(ExitCodes.USAGE);
    assertThat(out).isEmpty();
    assertThat(err.lines()).hasSize(2);
    String said = err.lines().findFirst().orElseThrow();
    assertThat(said)
        .contains(name)
        .containsAnyOf("'" + value + "'", "«\u00a0" + value + "\u00a0»", "「" + value + "」")
        .doesNotContain("Exception");
    if (!language.equals("en")) {
      assertThat(said).doesNotContain("Invalid value", "is not", "must be");
    }
  }
}
