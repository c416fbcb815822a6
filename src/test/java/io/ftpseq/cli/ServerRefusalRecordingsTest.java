package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Records a session with Python's ftplib (debug level 2) against each real server, then checks the
 * recording with {@code --profile auto}: the commands the RFCs allow and the server refused where
 * they stood are {@code SERVER_SPECIFIC_REFUSAL} warnings quoting the server's own reply, and the
 * {@code rfc} profile reports none of them. The same recordings, made once, are the samples {@code
 * samples/ftplib/<server>-refusals.log}; {@code -Dsamples.record=true} writes them again.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServerRefusalRecordingsTest {

  /** The session: HELP before login, a login, then USER and PASS again. */
  private static final String SCRIPT =
      """
      import ftplib, sys
      ftp = ftplib.FTP()
      ftp.set_debuglevel(2)
      ftp.connect(sys.argv[1], int(sys.argv[2]))
      for line in ["HELP", "USER " + sys.argv[3], "PASS " + sys.argv[4], "PWD",
                   "USER " + sys.argv[3], "PASS " + sys.argv[4], "PWD", "QUIT"]:
          try:
              ftp.sendcmd(line)
          except ftplib.all_errors:
              pass
      """;

  private static final boolean RECORD = Boolean.getBoolean("samples.record");

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "APACHE_FTPSERVER, HELP",
    "VSFTPD,           HELP",
    "PROFTPD,          PASS",
    "PURE_FTPD,        USER PASS",
    "PYFTPDLIB,        ''"
  })
  void refusalsOnTheRealServerAreFindingsQuotingIt(RealServer kind, String refused)
      throws Exception {
    String log;
    try (FtpServerUnderTest server = kind.startOrSkip(dir)) {
      log = record(server);
    }
    Path file = dir.resolve(kind.label() + "-refusals.log");
    Files.writeString(file, log, StandardCharsets.UTF_8);
    if (RECORD) {
      Files.writeString(
          Path.of("samples", "ftplib", kind.label() + "-refusals.log"),
          log,
          StandardCharsets.UTF_8);
    }

    JsonNode auto = check(file, "auto");
    List<String> verbs = new ArrayList<>();
    for (JsonNode finding : auto.path("findings")) {
      if (finding.path("rule").asText().equals("SERVER_SPECIFIC_REFUSAL")) {
        verbs.add(finding.path("command").asText().split(" ")[0]);
        String reply = finding.path("reply").path("code").asText();
        assertThat(finding.path("message").asText())
            .contains(" refuses it ")
            .contains("it answers " + reply + " ")
            .doesNotContain("ftpseq-test-only");
        assertThat(finding.path("severity").asText()).isEqualTo("warning");
      }
    }
    assertThat(auto.path("profile").asText()).isEqualTo(kind.label());
    assertThat(verbs)
        .as(log)
        .containsExactlyElementsOf(refused.isBlank() ? List.of() : List.of(refused.split(" ")));
    assertThat(check(file, "rfc").path("findings").findValuesAsText("rule"))
        .doesNotContain("SERVER_SPECIFIC_REFUSAL");
  }

  private String record(FtpServerUnderTest server) throws IOException, InterruptedException {
    Path script = dir.resolve("session.py");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Process python =
        new ProcessBuilder(
                "python3",
                script.toString(),
                server.host(),
                Integer.toString(server.port()),
                server.user(),
                server.password())
            .redirectErrorStream(true)
            .start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 ended").isTrue();
    assertThat(python.exitValue()).as(out).isZero();
    return out.replace(server.user(), "ftpuser").replace(server.password(), "****");
  }

  private static JsonNode check(Path file, String profile) throws IOException {
    CliRun run =
        CliRun.of(
            "check",
            "--report",
            "json",
            "--profile",
            profile,
            "--fail-on",
            "never",
            file.toString());
    return new ObjectMapper().readTree(run.out()).path("sessions").get(0);
  }
}
