package io.ftpseq.cli;

import io.ftpseq.explain.Comparison;
import io.ftpseq.explain.Explanations;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ftpseq compare}: sets two reply codes side by side and lists their key differences. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Sets two reply codes side by side: class, description, when you see each and how to"
          + " resolve it, then the key differences and when each matters."
    })
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LanguageOption language = new LanguageOption();

  @Mixin PageFormatOption format = new PageFormatOption();

  @Parameters(
      index = "0",
      paramLabel = "CODE",
      descriptionKey = "first",
      description = "The first reply code.")
  String first;

  @Parameters(
      index = "1",
      paramLabel = "CODE",
      descriptionKey = "second",
      description = "The second reply code.")
  String second;

  @Override
  public Integer call() throws IOException {
    int a = code(first);
    int b = code(second);
    if (a == b) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          language.explainer().text("usage.compareSameCode", Integer.toString(a)));
    }
    format
        .pageFormat()
        .write(new Comparison(language.explainer()).page(a, b), spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  private int code(String text) {
    return Explanations.code(text)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    spec.commandLine(),
                    language
                        .explainer()
                        .text(
                            "usage.compareNotACode",
                            io.ftpseq.protocol.Command.maskPasswords(text))));
  }
}
