package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders as written. Picocli reads option descriptions as format strings, so
 * a stray {@code %} (a ProFTPD {@code %t} in an example) makes it warn on standard error and print
 * the description raw, on every {@code --help}.
 */
class HelpTextTest {

  @Test
  void everyCommandsHelpRendersWithoutWarnings() {
    List<CommandLine> commands = new ArrayList<>();
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    collect(Main.commandLine(new String[0], nowhere, nowhere, null), commands);
    PrintStream standardError = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    List<String> helps = new ArrayList<>();
    try {
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      for (CommandLine command : commands) {
        helps.add(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
      }
    } finally {
      System.setErr(standardError);
    }

    assertThat(commands).hasSizeGreaterThan(5);
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(String.join("\n", helps)).doesNotContain("%n").contains("'[%t] %P %a");
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }
}
