package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A password that is also the argument of a later command (an offset, a type code, a path, a
 * mechanism) is masked in what is shown of that command, and changes nothing else: {@code check}
 * finds the same findings at the same lines with the same predictions, and {@code simulate}
 * predicts the same replies, as for the same session with another password. Only the text differs,
 * where the password stood.
 */
class MaskingKeepsVerdictsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A password no command of the sessions repeats. */
  private static final String OTHER = "Unrelated9pw";

  @TempDir Path temp;

  /**
   * Rows: the kind of argument, the profile, the password, and the commands after login, each with
   * the reply a server gave ({@code ;} between them); the password stands as the argument of one of
   * them.
   */
  static Stream<Arguments> sessions() {
    return Stream.of(
        Arguments.of("restart offset", "proftpd", "1000", "TYPE I|200 ok;REST 1000|350 ok"),
        Arguments.of("restart offset zero", "proftpd", "0", "TYPE I|200 ok;REST 0|350 ok"),
        Arguments.of("transfer type", "pyftpdlib", "A", "TYPE A|200 ok;REST 100|350 Restarting"),
        Arguments.of(
            "transfer type image", "pyftpdlib", "I", "TYPE I|200 ok;REST 100|350 Restarting"),
        Arguments.of("extended passive ALL", "vsftpd", "ALL", "EPSV ALL|200 ok;PASV|227 ok"),
        Arguments.of("path", "vsftpd", "docs", "CWD docs|250 ok;PWD|257 \"/x\";CDUP|250 ok"),
        Arguments.of("status of a path", "pure-ftpd", "docs", "STAT docs/|212 ok"),
        Arguments.of("status of a file", "pure-ftpd", "report", "STAT report|213 ok"),
        Arguments.of("mechanism", "vsftpd", "TLS", "AUTH TLS|234 ok"),
        Arguments.of("protection", "proftpd", "P", "PBSZ 0|503 no;PROT P|503 no"),
        Arguments.of("buffer size", "proftpd", "0", "PBSZ 0|503 no"),
        Arguments.of("mode and structure", "vsftpd", "S", "MODE S|200 ok;STRU F|200 ok"),
        Arguments.of("structure", "vsftpd", "F", "STRU F|200 ok;MODE S|200 ok"),
        Arguments.of("port", "vsftpd", "12", "PORT 127,0,0,1,12,12|200 ok;LIST|150 ok"),
        Arguments.of("site word", "proftpd", "CHMOD", "SITE CHMOD 644 a|200 ok"),
        Arguments.of("user name", "proftpd", "alice", "USER alice|503 no"),
        Arguments.of("rename", "vsftpd", "old.txt", "RNFR old.txt|350 ok;RNTO new.txt|250 ok"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sessions")
  void checkFindsTheSameWhenThePasswordIsAnArgument(
      String kind, String profile, String password, String exchanges) throws IOException {
    for (String threads : List.of("1", "2")) {
      JsonNode masked = check(profile, password, threads, exchanges.split(";"));
      JsonNode other = check(profile, OTHER, threads, exchanges.split(";"));

      assertThat(verdicts(masked)).isEqualTo(verdicts(other)).isNotEmpty();
      // the messages differ at most where the password stands as a word
      assertThat(masked(messages(masked), password)).isEqualTo(masked(messages(other), password));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sessions")
  void simulateMakesTheSamePredictionsWhenThePasswordIsAnArgument(
      String kind, String profile, String password, String exchanges) throws IOException {
    JsonNode masked = simulate(profile, password, exchanges.split(";"));
    JsonNode other = simulate(profile, OTHER, exchanges.split(";"));

    assertThat(predictions(masked)).isEqualTo(predictions(other)).isNotEmpty();
  }

  private JsonNode check(String profile, String password, String threads, String... exchanges)
      throws IOException {
    StringBuilder text = new StringBuilder("S: 220 ready\nC: USER alice\nS: 331 Password\n");
    text.append("C: PASS ").append(password).append("\nS: 230 Logged in\n");
    for (String exchange : exchanges) {
      String[] parts = exchange.split("\\|");
      text.append("C: ").append(parts[0]).append("\nS: ").append(parts[1]).append('\n');
    }
    Path input = temp.resolve("session-" + password + ".txt");
    Files.writeString(input, text, StandardCharsets.UTF_8);
    CliRun run =
        CliRun.of(
            "check",
            "--profile",
            profile,
            "--predict",
            "--threads",
            threads,
            "--report",
            "json",
            input.toString());
    assertThat(run.err()).isEmpty();
    return JSON.readTree(run.out());
  }

  private JsonNode simulate(String profile, String password, String... exchanges)
      throws IOException {
    StringBuilder text = new StringBuilder("USER alice\nPASS " + password + "\n");
    for (String exchange : exchanges) {
      text.append(exchange.split("\\|")[0]).append('\n');
    }
    Path script = temp.resolve("script-" + password + ".txt");
    Files.writeString(script, text, StandardCharsets.UTF_8);
    CliRun run = CliRun.of("simulate", "--profile", profile, "--format", "json", script.toString());
    assertThat(run.err()).isEmpty();
    return JSON.readTree(run.out());
  }

  /** Each finding's rule, severity and line, and each prediction's code and situation, in order. */
  private static List<String> verdicts(JsonNode report) {
    List<String> verdicts = new ArrayList<>();
    for (JsonNode session : report.get("sessions")) {
      for (JsonNode finding : session.get("findings")) {
        verdicts.add(
            finding.get("rule").asText()
                + " "
                + finding.get("severity").asText()
                + " at "
                + finding.get("line").asText());
      }
      for (JsonNode exchange : session.get("exchanges")) {
        JsonNode predicted = exchange.get("predicted");
        if (predicted != null && !predicted.isNull()) {
          verdicts.add(
              exchange.get("line").asText()
                  + " predicted "
                  + predicted.get("code").asText()
                  + " "
                  + predicted.get("situation").asText());
        }
      }
    }
    return verdicts;
  }

  private static List<String> messages(JsonNode report) {
    List<String> messages = new ArrayList<>();
    for (JsonNode session : report.get("sessions")) {
      for (JsonNode finding : session.get("findings")) {
        messages.add(finding.get("message").asText());
      }
    }
    return messages;
  }

  /** Each step's predicted code and situation, and whether it was refused, for every profile. */
  private static List<String> predictions(JsonNode simulation) {
    List<String> predictions = new ArrayList<>();
    for (JsonNode profile : simulation.get("profiles")) {
      for (JsonNode step : profile.get("steps")) {
        JsonNode predicted = step.get("predicted");
        predictions.add(
            step.get("line").asText()
                + " "
                + predicted.get("code").asText()
                + " "
                + predicted.get("situation").asText()
                + (step.get("refused").asBoolean() ? " refused" : ""));
      }
    }
    return predictions;
  }

  /** The messages with the password masked wherever it stands as a word of its own. */
  private static List<String> masked(List<String> messages, String password) {
    Pattern word =
        Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(password) + "(?![\\p{L}\\p{N}_])");
    return messages.stream()
        .map(m -> word.matcher(m).replaceAll(Matcher.quoteReplacement("****")))
        .toList();
  }
}
