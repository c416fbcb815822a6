package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.DisplayWidth;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.Severity;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ftpseq rules}: prints the rules table, its headings and severities in the run's language.
 */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Prints the table of ordering rules: id, severity, RFC reference, summary.")
final class RulesCommand implements Callable<Integer> {

  /** Table formats. */
  enum TableFormat {
    text,
    markdown
  }

  /** The width of the severity column in English, which the table had before it was translated. */
  private static final int MIN_SEVERITY_WIDTH = 8;

  @Spec CommandSpec spec;

  @Mixin LanguageOption language = new LanguageOption();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Table format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  TableFormat format = TableFormat.text;

  @Override
  public Integer call() {
    Explainer explainer = language.explainer();
    PrintWriter out = spec.commandLine().getOut();
    if (format == TableFormat.markdown) {
      out.printf(
          "| %s | %s | %s | %s |%n",
          explainer.text("rules.head.rule"),
          explainer.text("rules.head.severity"),
          explainer.text("rules.head.reference"),
          explainer.text("rules.head.summary"));
      out.println("|---|---|---|---|");
    }
    int severityWidth =
        Math.max(
            MIN_SEVERITY_WIDTH,
            Arrays.stream(Severity.values())
                .mapToInt(s -> DisplayWidth.of(explainer.severity(s)))
                .max()
                .orElse(0));
    // the rule column as wide as the longest name, so that a longer rule cannot push its row out
    int ruleWidth = Arrays.stream(Rule.values()).mapToInt(r -> r.name().length()).max().orElse(0);
    for (Rule rule : Rule.values()) {
      String severity = explainer.severity(rule.severity());
      if (format == TableFormat.markdown) {
        out.printf(
            "| `%s` | %s | %s | %s |%n",
            rule.name(), severity, rule.reference(), explainer.title(rule));
      } else {
        out.printf(
            "%-" + ruleWidth + "s %s %-30s %s%n",
            rule.name(),
            severity + " ".repeat(severityWidth - DisplayWidth.of(severity)),
            rule.reference(),
            explainer.title(rule));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
