package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GitHub report's annotations stay on their file whatever its name holds, and no name can add a
 * workflow command. Its output is read here as the Actions runner reads a step's output
 * (actions/runner: {@code ProcessInvoker} reads lines with .NET's {@code StreamReader.ReadLine},
 * which ends a line at CR, LF or CR LF and nowhere else; {@code ActionCommand.TryParseV2} trims
 * leading white space, splits the properties at commas and decodes {@code %0D %0A %3A %2C %25}, in
 * that order, and the message's {@code %0D %0A %25}): every annotation must name the file by its
 * exact name, so that GitHub can put it on that file, and its message must hold no raw control or
 * invisible character.
 */
class GithubAnnotationFilesTest {

  private static final String BAD_ORDER =
      """
      S: 220 (vsFTPd 3.0.3)
      C: PASS wonderland
      S: 503 Login with USER first.
      C: USER alice
      S: 331 Please specify the password.
      C: PASS wonderland
      S: 230 Login successful.
      C: RNTO renamed.txt
      S: 503 RNFR required first.
      C: RETR report.csv
      S: 425 Use PORT or PASV first.
      """;

  @TempDir Path temp;

  static Stream<String> names() {
    return Stream.of(
        "a\u0001b",
        "esc\u001b[31mred",
        "bell\u0007",
        "vt\u000bff\u000c",
        "del\u007f",
        "nel\u0085c1\u009b",
        "gpj\u202eexe",
        "ls\u2028ps\u2029",
        "zw\u200bsp",
        "lf\nx",
        "cr\rx",
        "forged\n::warning file=x.txt::forged",
        "forged\r::error::forged",
        "comma,line=1,title=X",
        "colon::warning::x",
        "percent%0Aescaped%25",
        "tab\tx");
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyAnnotationNamesItsFileExactlyAndNoNameAddsACommand(String hostile) throws Exception {
    Path input = Files.writeString(temp.resolve(hostile + ".txt"), BAD_ORDER);

    CliRun run = CliRun.of("check", "--report", "github", input.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
    List<Command> commands = asTheRunnerReads(run.out());
    assertThat(commands).as(run.out()).hasSize(3);
    assertThat(commands)
        .as(run.out())
        .extracting(Command::name)
        .containsExactly("error", "error", "warning");
    for (Command command : commands) {
      assertThat(command.properties().get("file")).isEqualTo(input.toString());
      assertThat(command.properties()).containsOnlyKeys("file", "line", "title");
      assertThat(unsafe(command.message().replace("\n", ""))).as(command.message()).isEmpty();
    }
    assertThat(commands)
        .extracting(c -> c.properties().get("line"))
        .containsExactly("2", "8", "10");
  }

  /** A workflow command as the runner parses it. */
  private record Command(String name, Map<String, String> properties, String message) {}

  /** The workflow commands of an output, read as actions/runner reads them. */
  private static List<Command> asTheRunnerReads(String output) {
    List<Command> commands = new ArrayList<>();
    for (String line : output.split("\r\n|\r|\n", -1)) {
      String message = trimStart(line);
      if (!message.startsWith("::")) {
        continue;
      }
      int end = message.indexOf("::", 2);
      if (end < 0) {
        continue;
      }
      String info = message.substring(2, end);
      int space = info.indexOf(' ');
      String name = space < 0 ? info : info.substring(0, space);
      Map<String, String> properties = new LinkedHashMap<>();
      if (space > 0) {
        for (String property : info.substring(space + 1).strip().split(",")) {
          String[] pair = property.split("=", 2);
          if (pair.length == 2 && !pair[0].isEmpty() && !pair[1].isEmpty()) {
            properties.put(pair[0], unescapeProperty(pair[1]));
          }
        }
      }
      commands.add(new Command(name, properties, unescapeData(message.substring(end + 2))));
    }
    return commands;
  }

  private static String unescapeProperty(String text) {
    return text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
  }

  private static String unescapeData(String text) {
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }

  /** .NET's {@code TrimStart()}: every character {@code Char.IsWhiteSpace} holds. */
  private static String trimStart(String line) {
    int i = 0;
    while (i < line.length() && dotNetWhiteSpace(line.charAt(i))) {
      i++;
    }
    return line.substring(i);
  }

  private static boolean dotNetWhiteSpace(char c) {
    return (c >= '\t' && c <= '\r')
        || c == ' '
        || c == '\u0085'
        || c == '\u00a0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000';
  }

  /** The unsafe characters of a text, as code points in hex. */
  private static List<String> unsafe(String text) {
    return text.codePoints()
        .filter(
            c ->
                c != '\t'
                    && switch (Character.getType(c)) {
                      case Character.CONTROL,
                          Character.FORMAT,
                          Character.LINE_SEPARATOR,
                          Character.PARAGRAPH_SEPARATOR,
                          Character.SURROGATE ->
                          true;
                      default -> false;
                    })
        .mapToObj(Integer::toHexString)
        .toList();
  }
}
