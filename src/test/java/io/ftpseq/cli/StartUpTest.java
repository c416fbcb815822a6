package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command reads before it starts: the built-in server profiles are JSON, and the first read
 * of JSON loads Jackson, a second of start-up on a small machine. A command that uses no profile
 * reads none. Checked in a VM of its own, by the classes it loads.
 */
class StartUpTest {

  @TempDir Path dir;

  @Test
  void versionHelpAndExplainReadNoServerProfile() throws Exception {
    for (List<String> arguments :
        List.of(List.of("--version"), List.of("check", "--help"), List.of("explain", "503"))) {
      assertThat(classesLoaded(arguments))
          .as(String.join(" ", arguments))
          .noneMatch(name -> name.startsWith("io.ftpseq.rules.ProfileJson"))
          // shaded in the jar, not here; its node classes may load, the costly mapper must not
          .noneMatch(name -> name.endsWith("jackson.databind.ObjectMapper"));
    }
  }

  /**
   * A check of a short transcript, the run CI makes on every build, reads its profile with
   * jackson-core's parser: no mapper is made unless a JSON log is read, a JSON report written or
   * sessions spilled to disk.
   */
  @Test
  void aSmallCheckMakesNoObjectMapper() throws Exception {
    Path transcript = dir.resolve("short.txt");
    Files.writeString(transcript, "220 Ready\nUSER alice\n331 Password?\nPASS secret\n230 In\n");
    for (List<String> arguments :
        List.of(
            List.of("check", transcript.toString()),
            List.of("check", "--profile", "vsftpd", transcript.toString()))) {
      assertThat(classesLoaded(arguments))
          .as(String.join(" ", arguments))
          .contains("io.ftpseq.rules.ProfileJson")
          .noneMatch(name -> name.endsWith("jackson.databind.ObjectMapper"));
    }
  }

  /**
   * A run that names its command builds only that command: picocli makes a command's model from its
   * annotations when it is added, and making all eleven was about half of a small check's run.
   */
  @Test
  void aCheckBuildsNoOtherCommand() throws Exception {
    Path transcript = dir.resolve("short.txt");
    Files.writeString(transcript, "220 Ready\nUSER alice\n331 Password?\nPASS secret\n230 In\n");
    for (List<String> arguments :
        List.of(
            List.of("check", transcript.toString()),
            List.of("--lang", "fr", "--debug", "check", transcript.toString()),
            List.of("--lang=ja", "check", transcript.toString()))) {
      assertThat(classesLoaded(arguments))
          .as(String.join(" ", arguments))
          .contains("io.ftpseq.cli.CheckCommand")
          .doesNotContain(
              "io.ftpseq.cli.ProxyCommand",
              "io.ftpseq.cli.ProbeCommand",
              "io.ftpseq.cli.SimulateCommand",
              "io.ftpseq.cli.ExplainCommand",
              "io.ftpseq.cli.HelpCommand");
    }
  }

  /** Help, completion and an unknown word see every command, as their output names them all. */
  @Test
  void helpAndUnknownWordsSeeEveryCommand() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    List<String> every =
        List.of(
            "check",
            "rules",
            "profiles",
            "probe",
            "proxy",
            "graph",
            "explain",
            "compare",
            "simulate",
            "help",
            "completion");
    for (String[] arguments :
        List.of(
            new String[0],
            new String[] {"--help"},
            new String[] {"help", "check"},
            new String[] {"completion"},
            new String[] {"chek", "x.log"},
            new String[] {"@args.txt"})) {
      assertThat(Main.commandLine(arguments, nowhere, nowhere, null).getSubcommands().keySet())
          .as(String.join(" ", arguments))
          .containsExactlyElementsOf(every);
    }
    assertThat(
            Main.commandLine(
                    new String[] {"--lang", "fr", "explain", "503"}, nowhere, nowhere, null)
                .getSubcommands()
                .keySet())
        .containsExactly("explain");
  }

  private List<String> classesLoaded(List<String> arguments) throws Exception {
    Path log = dir.resolve("classes.txt");
    run(arguments, "-Xlog:class+load=info:file=" + log);
    return Files.readAllLines(log, UTF_8).stream()
        .map(line -> line.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\] ", ""))
        .map(line -> line.split(" ", 2)[0])
        .toList();
  }

  /** Runs ftpseq in a VM of its own with one VM option. */
  private void run(List<String> arguments, String vmOption) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(vmOption, "-Dftpseq.jvm=here", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(arguments);
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended by itself").isTrue();
    } finally {
      process.destroyForcibly();
    }
  }
}
