package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The valid value nearest to a mistyped one, for usage errors: {@code --lang jp} suggests {@code
 * ja}, {@code --report jsn} suggests {@code json}, {@code --report xml} suggests {@code junit}. The
 * hints are said in the run's language, as the error they follow.
 */
final class Suggestions {

  /**
   * Other names users give a value, where spelling alone would suggest the wrong value or none:
   * {@code xml} is one edit nearer {@code html} than {@code junit}, but a user asking for XML wants
   * the JUnit XML report; {@code md} and {@code gh} are too short to be near anything. A name is
   * suggested only where its value is one of the valid ones.
   */
  private static final Map<String, String> OTHER_NAMES =
      Map.of(
          "xml", "junit",
          "md", "markdown",
          "plain", "text",
          "gh", "github",
          "gha", "github");

  private Suggestions() {}

  /**
   * The candidate the value is another name for ({@link #OTHER_NAMES}), else the one nearest to it
   * if near enough to be what was meant: within a third of the value's length in edits (at least
   * two), or one of them starting with the other.
   */
  static Optional<String> nearest(String value, Iterable<String> candidates) {
    return otherName(value, candidates).or(() -> nearestSpelling(value, candidates));
  }

  private static Optional<String> otherName(String value, Iterable<String> candidates) {
    String meant = OTHER_NAMES.get(value.toLowerCase(Locale.ROOT));
    for (String candidate : candidates) {
      if (candidate.equalsIgnoreCase(meant)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nearestSpelling(String value, Iterable<String> candidates) {
    String typed = value.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String known = candidate.toLowerCase(Locale.ROOT);
      int distance =
          known.startsWith(typed) || typed.startsWith(known) ? 1 : distance(typed, known);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    boolean near = best != null && bestDistance <= Math.max(2, typed.length() / 3);
    return near && !best.equalsIgnoreCase(value) ? Optional.of(best) : Optional.empty();
  }

  /**
   * The text to add to a usage error about the value: {@code (did you mean 'json'?)}, or none; it
   * starts with the space (or none) that the language puts before it.
   */
  static String didYouMean(String value, Iterable<String> candidates, Explainer explainer) {
    return nearest(value, candidates).map(s -> explainer.text("suggest.didYouMean", s)).orElse("");
  }

  /**
   * The suggestion for a usage error about an option with a fixed list of values, or none. A comma
   * list of valid values ({@code --report json,html}) is answered with the way to ask for each: the
   * option once per value.
   */
  static String forError(CommandLine.ParameterException error, Explainer explainer) {
    if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
      return forUnmatched(unmatched, explainer);
    }
    ArgSpec arg = error.getArgSpec();
    String value = error.getValue();
    if (arg == null || value == null || arg.completionCandidates() == null) {
      return "";
    }
    String list = commaList(value, arg, explainer);
    return list.isEmpty() ? didYouMean(value, arg.completionCandidates(), explainer) : list;
  }

  /**
   * For an argument the command does not take, the nearest name it does: a mistyped command ({@code
   * ftpseq chek} suggests {@code check}) or option ({@code --reprot} suggests {@code --report}).
   */
  private static String forUnmatched(
      CommandLine.UnmatchedArgumentException error, Explainer explainer) {
    if (error.getUnmatched().isEmpty()) {
      return "";
    }
    String first = error.getUnmatched().get(0);
    CommandLine.Model.CommandSpec command = error.getCommandLine().getCommandSpec();
    if (first.startsWith("-")) {
      List<String> names = new ArrayList<>();
      command.options().forEach(o -> names.addAll(List.of(o.names())));
      return didYouMean(optionName(first), names, explainer);
    }
    return didYouMean(first, command.subcommands().keySet(), explainer);
  }

  /**
   * For a usage error when an argument that starts with {@code -} is no option of the command but
   * names a file ({@code check -leading-dash.txt}): picocli reads it as options, and its message is
   * about them. The hint says how to give such a name; none when there is no such argument.
   */
  static String forDashedFile(
      CommandLine.ParameterException error, String[] args, Explainer explainer) {
    CommandLine.Model.CommandSpec command = error.getCommandLine().getCommandSpec();
    for (String arg : args) {
      if (arg.equals("--")) {
        break; // after it every argument is a name already
      }
      if (arg.length() < 2 || !arg.startsWith("-") || command.findOption(optionName(arg)) != null) {
        continue;
      }
      try {
        if (java.nio.file.Files.exists(java.nio.file.Path.of(arg))) {
          return explainer.text(
              "suggest.dashedFile",
              Main.maskQuoted("'" + arg + "'"),
              command.qualifiedName() + " -- " + arg,
              "./" + arg);
        }
      } catch (java.nio.file.InvalidPathException e) {
        // not a name this file system has: no file
      }
    }
    return "";
  }

  /** The option an argument names: {@code --lang=fr} names {@code --lang}. */
  private static String optionName(String arg) {
    int equals = arg.indexOf('=');
    return equals < 0 ? arg : arg.substring(0, equals);
  }

  /**
   * For a comma list whose every item is a valid value (or another name of one) of an option, the
   * hint that shows how to give several: {@code check --report} takes one format each time, and
   * each report but one needs its own file.
   */
  private static String commaList(String value, ArgSpec arg, Explainer explainer) {
    if (!value.contains(",") || !(arg instanceof OptionSpec option)) {
      return "";
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      Optional<String> known = sameOrOtherName(item.strip(), arg.completionCandidates());
      if (known.isEmpty()) {
        return "";
      }
      items.add(known.get());
    }
    String name = option.longestName();
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      shown.append(i == 0 ? "" : " ").append(name).append(' ').append(items.get(i));
      if (name.equals("--report") && i > 0) {
        shown.append(" -o ftpseq-report.").append(extension(items.get(i)));
      }
    }
    return explainer.text(
        name.equals("--report") ? "suggest.oneFormatEachTime" : "suggest.oneValueEachTime",
        shown.toString());
  }

  /** The file extension a report of the format is known by ({@code -o} alone names it). */
  private static String extension(String format) {
    return switch (format) {
      case "json" -> "json";
      case "junit" -> "xml";
      case "sarif" -> "sarif";
      case "html" -> "html";
      case "markdown" -> "md";
      default -> format;
    };
  }

  /**
   * The candidate the value names in any case, or the one it is another name for ({@code xml} for
   * {@code junit}, {@code md} for {@code markdown}); empty for any other value.
   */
  static Optional<String> sameOrOtherName(String value, Iterable<String> candidates) {
    for (String candidate : candidates) {
      if (candidate.equalsIgnoreCase(value)) {
        return Optional.of(candidate);
      }
    }
    return otherName(value, candidates);
  }

  /** The Levenshtein distance between two words. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
