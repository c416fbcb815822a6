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
import java.util.regex.Pattern;
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

  @Test
  void replyTextsNameTheUserAndDirectoryRatherThanPlaceholders() throws IOException {
    Path script = script("USER alice\nPASS x\nRNTO b\nCWD /x\nQUIT\n");

    CliRun run = CliRun.of("simulate", "--profile", "all", "--lang", "en", script.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("331 Password required for alice")
        .contains("230 User alice logged in")
        .contains("331 User alice OK. Password requi…")
        .contains("250 OK. Current directory is /x")
        .contains("250 \"/x\" is the current directory.")
        .contains("250 Directory changed to /x")
        .doesNotContain("{user}")
        .doesNotContain("{dir}");
  }

  @Test
  void whatTheScriptDoesNotShowIsNamedInAngleBracketsInEveryFormat() throws IOException {
    Path script = script("USER alice\nPASS x\nPASV\nMDTM a.txt\nQUIT\n");

    CliRun text = CliRun.of("simulate", "--profile", "proftpd", script.toString());
    CliRun markdown =
        CliRun.of("simulate", "--profile", "proftpd", "--format", "markdown", script.toString());
    CliRun json =
        CliRun.of("simulate", "--profile", "proftpd", "--format", "json", script.toString());

    assertThat(text.out()).contains("227 Entering Passive Mode (<addre…", "213 <time>");
    assertThat(markdown.out()).contains("| 227 Entering Passive Mode (\\<address>). |");
    JsonNode steps = new ObjectMapper().readTree(json.out()).path("profiles").get(0).path("steps");
    assertThat(steps.get(0).path("predicted").path("text").asText())
        .isEqualTo("Password required for alice");
    assertThat(steps.get(2).path("replies").get(0).path("text").asText())
        .isEqualTo("Entering Passive Mode (<address>).");
    assertThat(text.out() + markdown.out() + json.out()).doesNotContainPattern("\\{[a-z]+}");
  }

  @Test
  void aProfileWithNoReplyTextsSaysSoOnceUnderTheTable() throws IOException {
    Path script = script("USER alice\nPASS x\nRNTO b\nQUIT\n");

    CliRun both =
        CliRun.of("simulate", "--profile", "vsftpd,iis", "--lang", "en", script.toString());
    CliRun vsftpd = CliRun.of("simulate", "--profile", "vsftpd", "--lang", "en", script.toString());

    String note =
        "IIS: its profile records no reply texts (see \"ftpseq profiles\"), so its column shows"
            + " reply codes alone, and ? where the profile predicts no reply and the usual one is"
            + " assumed.";
    assertThat(both.out())
        .containsPattern(
            "4\\s+QUIT\\s+221 Goodbye\\.\\s+221\\n\\n" + Pattern.quote(note) + "\\n\\n")
        .containsOnlyOnce("records no reply texts");
    assertThat(vsftpd.out()).doesNotContain("records no reply texts");
  }

  private Path script(String text) throws IOException {
    Path file = dir.resolve("script.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
