package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ftpseq simulate}: inputs, profiles and errors. */
class SimulateCommandTest {

  @TempDir Path dir;

  @Test
  void readsTheScriptFromStandardInput() throws IOException {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("HELP\nQUIT\n".getBytes(StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("simulate", "--profile", "vsftpd", "--format", "json", "-");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode steps = new ObjectMapper().readTree(run.out()).path("profiles").get(0).path("steps");
      assertThat(steps.get(0).path("predicted").path("code").asInt()).isEqualTo(530);
      assertThat(steps.get(0).path("refused").asBoolean()).isTrue();
      assertThat(steps.get(0).path("findings").get(0).path("rule").asText())
          .isEqualTo("SERVER_SPECIFIC_REFUSAL");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void severalProfilesAreColumnsInTheOrderGiven() throws IOException {
    Path script = script("USER u\nPASS p\nUSER u\n");

    CliRun run = CliRun.of("simulate", "--profile", "pure-ftpd,vsftpd", script.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("#\\s+command\\s+Pure-FTPd\\s+vsftpd")
        .contains("! 530 You're already logged in")
        .contains("331 Any password will do.")
        .doesNotContain("ProFTPD");
  }

  @Test
  void aLineThatIsNoCommandIsAProblemAndTheRestIsSimulated() throws IOException {
    Path script = script("USER u\n?? what\nPASS secret\n");

    CliRun run = CliRun.of("simulate", "--profile", "rfc", script.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).isEqualTo(script + ":2: problem: not a command: \"?? what\"\n");
    assertThat(run.out()).contains("PASS ****").doesNotContain("secret");
  }

  @Test
  void unknownProfileIsAUsageError() throws IOException {
    CliRun run = CliRun.of("simulate", "--profile", "vsftp", script("NOOP\n").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unknown profile 'vsftp'");
  }

  @Test
  void aScriptWithoutCommandsOrFileIsOneLine() throws IOException {
    Path empty = script("# nothing\n\n");

    CliRun none = CliRun.of("simulate", "--profile", "all", empty.toString());
    CliRun missing = CliRun.of("simulate", "--profile", "all", dir.resolve("no.txt").toString());

    assertThat(none.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(none.err()).isEqualTo("ftpseq simulate: " + empty + ": no command to simulate\n");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(missing.err()).endsWith("no.txt: no such file\n");
  }

  private Path script(String text) throws IOException {
    Path file = dir.resolve("script.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
