package io.ftpseq.cli;

import io.ftpseq.explain.Explanations;
import io.ftpseq.explain.Page;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ftpseq explain}: explains a reply code, a pasted reply line, a verb or a rule id. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explains a reply code (503), a reply line pasted from a log (\"503 Bad sequence of"
          + " commands\"), a command verb (RNTO) or a rule id (RNTO_WITHOUT_RNFR).",
      "For a code: its class, meaning, when servers send it, which commands may get it, the"
          + " orders that cause it and how to resolve it."
    })
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LanguageOption language = new LanguageOption();

  @Mixin PageFormatOption format = new PageFormatOption();

  @Parameters(
      arity = "1..*",
      paramLabel = "WHAT",
      description = "A reply code, a reply line, a verb or a rule id; several words are one line.")
  String[] words;

  @Override
  public Integer call() throws IOException {
    String input = String.join(" ", words);
    Optional<Page> page = new Explanations(language.explainer()).explain(input);
    if (page.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "ftpseq explain: nothing to explain for '"
                  + io.ftpseq.protocol.Command.maskPasswords(input)
                  + "': give a reply code (503), a reply line, a verb (RNTO) or a rule id");
      return ExitCodes.USAGE;
    }
    format.pageFormat().write(page.get(), spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
