package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Rule;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ftpseq rules}: prints the rules table. */
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
      out.println("| Rule | Severity | Reference | Summary |");
      out.println("|---|---|---|---|");
    }
    for (Rule rule : Rule.values()) {
      String severity = rule.severity().name().toLowerCase(Locale.ROOT);
      if (format == TableFormat.markdown) {
        out.printf(
            "| `%s` | %s | %s | %s |%n",
            rule.name(), severity, rule.reference(), explainer.title(rule));
      } else {
        out.printf(
            "%-30s %-8s %-30s %s%n",
            rule.name(), severity, rule.reference(), explainer.title(rule));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
