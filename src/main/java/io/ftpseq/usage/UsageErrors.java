package io.ftpseq.usage;

import io.ftpseq.explain.Explainer;
import io.ftpseq.protocol.Command;
import io.ftpseq.session.PhrasedError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli's own usage errors said in the run's language. Picocli writes them in English ({@code
 * Unknown option: '--bogus'}, {@code Missing required parameter: 'URL'}); its exceptions carry what
 * they are about, so a French or Japanese run says the same from the Messages bundles. An English
 * run keeps picocli's words, and an error that ftpseq raised is already in the run's language. Both
 * command lines, {@code ftpseq} and {@code spark-check}, say them so.
 */
public final class UsageErrors {

  /** A quotation as each language writes one: 'x', « x » in French, 「x」 in Japanese. */
  private static final Pattern QUOTED =
      Pattern.compile("(')([^']*)(')|(«\u00a0)(.*?)(\u00a0»)|(「)([^」]*)(」)");

  /** The types picocli reads as whole numbers, whose refusal says "is not an int". */
  private static final Set<Class<?>> WHOLE_NUMBERS =
      Set.of(int.class, Integer.class, long.class, Long.class);

  private UsageErrors() {}

  /** What the error says, in the language of {@code explainer}; {@code english} keeps picocli's. */
  public static String said(
      CommandLine.ParameterException error, Explainer explainer, boolean english) {
    if (english) {
      return error.getMessage();
    }
    if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
      String arguments = quoted(unmatched.getUnmatched());
      return unmatched.isUnknownOption()
          ? explainer.text("usage.unknownOption", arguments)
          : explainer.text("usage.unmatched", arguments);
    }
    if (error instanceof CommandLine.MissingParameterException missing) {
      return explainer.text(
          "usage.missing", quoted(missing.getMissing().stream().map(UsageErrors::label).toList()));
    }
    ArgSpec arg = error.getArgSpec();
    if (arg != null
        && arg.completionCandidates() != null
        && error.getValue() != null
        && String.valueOf(error.getMessage()).startsWith("Invalid value for ")) {
      // a value outside an option's fixed list, as picocli's converter refused it
      List<String> candidates = new ArrayList<>();
      arg.completionCandidates().forEach(candidates::add);
      return explainer.text(
          "usage.invalidValue",
          quoted(List.of(label(arg))),
          String.join(", ", candidates),
          quoted(List.of(error.getValue())));
    }
    if (arg != null && error.getCause() instanceof PhrasedError) {
      // a value one of ftpseq's converters refused, with why in its own words
      return explainer.text(
          "usage.invalidValue.why",
          quoted(List.of(label(arg))),
          explainer.reason(error.getCause()));
    }
    if (arg != null
        && error.getValue() != null
        && WHOLE_NUMBERS.contains(arg.type())
        && String.valueOf(error.getMessage()).startsWith("Invalid value for ")) {
      // picocli's own converter of numbers: "'abc' is not an int"
      return explainer.text(
          "usage.invalidValue.number",
          quoted(List.of(label(arg))),
          quoted(List.of(error.getValue())));
    }
    return error.getMessage();
  }

  /**
   * The message with the passwords masked in what it quotes back ({@code 'PASS x'}, and as French
   * and Japanese quote it): a value may be a password given where it does not belong. Its own words
   * are left alone.
   */
  public static String maskQuoted(String message) {
    return QUOTED
        .matcher(message)
        .replaceAll(
            m -> {
              int open = m.group(1) != null ? 1 : m.group(4) != null ? 4 : 7;
              return Matcher.quoteReplacement(
                  m.group(open) + Command.maskPasswords(m.group(open + 1)) + m.group(open + 2));
            });
  }

  /** The line after the error that points at the command's help. */
  public static String tryHelp(CommandLine.ParameterException error, Explainer explainer) {
    return explainer.text(
        "usage.tryHelp", error.getCommandLine().getCommandSpec().qualifiedName() + " --help");
  }

  private static String label(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  private static String quoted(List<String> arguments) {
    return arguments.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
  }
}
