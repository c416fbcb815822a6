package io.ftpseq.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Sorts the arguments of {@code ftpseq explain} before picocli reads them: an option is an argument
 * that is exactly one of the command's option names ({@code --lang fr}, {@code --lang=fr}, {@code
 * -h}), wherever it stands; every other argument is a word to explain, even one that starts with a
 * dash. A pasted log line often has one: {@code explain C: LIST -hal} read {@code -hal} as {@code
 * -h} clustered with {@code -a -l} and printed the help page, and picocli refuses a positional
 * value that starts like a short option even with clustering off. So the options (with their
 * values) are put first, then {@code --}, then the words in their order; after {@code --} picocli
 * takes everything as a word.
 */
final class ExplainArguments implements IParameterPreprocessor {

  @Override
  public boolean preprocess(
      Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
    List<String> given = new ArrayList<>();
    while (!args.isEmpty()) {
      given.add(args.pop()); // the top of the stack is the first argument
    }
    List<String> options = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String arg = given.get(i);
      if (arg.equals("--")) {
        words.addAll(given.subList(i + 1, given.size()));
        break;
      }
      OptionSpec option = option(arg, spec);
      if (option == null) {
        words.add(arg);
        continue;
      }
      options.add(arg);
      if (!arg.contains("=")) {
        // the values it takes follow it, whatever they look like (picocli checks them)
        for (int taken = 0; taken < option.arity().min(); taken++) {
          if (i + 1 == given.size()) {
            throw missingValue(arg, option, spec);
          }
          options.add(given.get(++i));
        }
      }
    }
    List<String> sorted = new ArrayList<>(options);
    if (!words.isEmpty()) {
      sorted.add("--");
      sorted.addAll(words);
    }
    for (int i = sorted.size() - 1; i >= 0; i--) {
      args.push(sorted.get(i));
    }
    return false; // picocli goes on to read the sorted arguments
  }

  /**
   * An option that ends the arguments without its value ({@code explain 503 --lang}): refused here
   * in picocli's words, as the arguments it would read next are the sorted ones, and it said "found
   * '--'", which the user never typed.
   */
  private static CommandLine.MissingParameterException missingValue(
      String arg, OptionSpec option, CommandSpec spec) {
    return new CommandLine.MissingParameterException(
        spec.commandLine(),
        option,
        "Missing required parameter for option '" + arg + "' (" + option.paramLabel() + ")");
  }

  /** The option the argument names exactly, alone or as {@code --name=value}, or null. */
  private static OptionSpec option(String arg, CommandSpec spec) {
    OptionSpec option = spec.optionsMap().get(arg);
    if (option != null) {
      return option;
    }
    int separator = arg.indexOf('=');
    if (arg.startsWith("--") && separator > 2) {
      OptionSpec named = spec.optionsMap().get(arg.substring(0, separator));
      return named != null && named.arity().max() > 0 ? named : null;
    }
    return null;
  }
}
