package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as users meet it: exit codes, inputs, errors and masking. */
class CheckCommandTest {

  private static final String BAD = "samples/dialogue/bad-order.txt";
  private static final String CLEAN = "samples/dialogue/clean-session.txt";

  @TempDir Path temp;

  /**
   * A session with more findings than a report lists was exit 3, "some input could not be read",
   * though every line was read: the findings past the bound were a problem. They are counted, the
   * exit code is what the findings say, and the summary says how many were not listed.
   */
  @Test
  void findingsPastTheListedBoundAreNoUnreadInputAndTheSummaryCountsThem() throws IOException {
    StringBuilder dialogue =
        new StringBuilder("S: 220 ready\nC: USER a\nS: 331 ok\nC: PASS p\nS: 230 in\n");
    int extra = 1_400;
    for (int i = 0; i < io.ftpseq.rules.Validator.LISTED_FINDINGS + extra; i++) {
      dialogue.append("C: RNTO x\nS: 503 RNFR required first.\n");
    }
    Path log = Files.writeString(temp.resolve("many.txt"), dialogue);

    CliRun run = CliRun.of("check", "--lang", "en", log.toString());
    CliRun warnings = CliRun.of("check", "--lang", "en", "--fail-on", "never", log.toString());
    CliRun french = CliRun.of("check", "--lang", "fr", "--fail-on", "never", log.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out().lines().reduce((a, b) -> b).orElse(""))
        .startsWith(
            "1 session(s) in 1 input(s): 11,400 error(s), 0 warning(s), 0 info, 0 problem(s).")
        .contains(" 1,400 finding(s) counted but not listed (a session had too many to list).");
    assertThat(run.out()).doesNotContain(": problem:");
    assertThat(warnings.exitCode()).as(warnings.err()).isEqualTo(ExitCodes.OK);
    // every count of the summary grouped alike, in the language's way: 1,400 lines, 11,400 errors
    assertThat(run.out()).contains(" 22,805 line(s) read, 0 of them unreadable.");
    assertThat(french.out())
        .contains("11\u202f400 erreur(s)")
        .contains("22\u202f805 ligne(s) lue(s)")
        .contains("1\u202f400 constat(s) compté(s)");
  }

  @Test
  void findingsAtErrorLevelExitWithOne() {
    CliRun run = CliRun.of("check", BAD);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out())
        .contains(BAD + ":3: error PASS_WITHOUT_USER:")
        .contains(BAD + ":9: error RNTO_WITHOUT_RNFR:")
        .contains(BAD + ":11: warning TRANSFER_WITHOUT_DATA_CHANNEL:");
  }

  @Test
  void predictedRepliesNameTheUserAndDirectoryOfTheSession() throws IOException {
    String log = "samples/ftplib/pure-ftpd-refusals.log";

    CliRun text = CliRun.of("check", "--predict", "--profile", "auto", "--lang", "en", log);
    CliRun json = CliRun.of("check", "--predict", "--profile", "auto", "--report", "json", log);

    assertThat(text.out())
        .contains(
            "line 17  USER ftpuser  331 User ftpuser OK. Password required       ",
            "line 25  PWD           257 \"/home/ftpuser\" is your current location    ")
        .doesNotContainPattern("\\{[a-z]+}");
    JsonNode exchanges =
        new ObjectMapper().readTree(json.out()).path("sessions").get(0).path("exchanges");
    int compared = 0;
    for (JsonNode exchange : exchanges) {
      if (List.of("USER ftpuser", "PASS ****", "PWD").contains(exchange.path("command").asText())) {
        assertThat(exchange.path("predicted").path("text").asText())
            .as(exchange.toString())
            .isEqualTo(exchange.path("reply").path("text").asText());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(6);
  }

  @Test
  void aServersAnswerQuotedWithoutASessionNamesWhatItCannotKnow() throws IOException {
    Path midSession = temp.resolve("mid.txt");
    Files.writeString(
        midSession,
        "C: EPSV ALL\nS: 200 ok\nC: PASV\nS: 227 Entering Passive Mode (1,2,3,4,5,6)\n");

    CliRun run =
        CliRun.of("check", "--profile", "apache-ftpserver", "--lang", "en", midSession.toString());

    assertThat(run.out())
        .contains(
            "PASV was sent after EPSV ALL; the server must refuse it. Apache FtpServer answers"
                + " this with 227 Entering Passive Mode (<address>).");
  }

  @Test
  void cleanSessionExitsWithZeroAndNoFindings() {
    CliRun run = CliRun.of("check", CLEAN);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("0 error(s), 0 warning(s), 0 info");
  }

  @Test
  void failOnDecidesTheExitCode() throws IOException {
    Path warningOnly = temp.resolve("warn.txt");
    Files.writeString(
        warningOnly,
        "S: 220 ready\nC: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\nC: RETR f\nS: 425 no\n");
    assertThat(CliRun.of("check", warningOnly.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(CliRun.of("check", "--fail-on", "warning", warningOnly.toString()).exitCode())
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(CliRun.of("check", "--fail-on", "never", BAD).exitCode()).isEqualTo(ExitCodes.OK);
  }

  /** {@code --fail-on info} fails on any finding; it used to be refused as an unknown level. */
  @Test
  void failOnInfoFailsOnAnyFinding() throws IOException {
    Path infoOnly = temp.resolve("info.txt");
    Files.writeString(infoOnly, "# start missing\nC: RNTO b\nS: 503 RNFR first\n");
    CliRun warn = CliRun.of("check", "--fail-on", "warning", infoOnly.toString());
    CliRun info = CliRun.of("check", "--fail-on", "info", infoOnly.toString());
    assertThat(info.out()).contains("0 error(s), 0 warning(s), 1 info");
    assertThat(warn.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(info.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(CliRun.of("check", "--fail-on", "info", CLEAN).exitCode()).isEqualTo(ExitCodes.OK);
  }

  /** An {@code -o} with no {@code --report} writes the text report there, the default format. */
  @Test
  void anOutputAloneIsTheTextReport() throws IOException {
    Path out = temp.resolve("report.txt");
    CliRun run = CliRun.of("check", "-o", out.toString(), BAD);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(out)).isEqualTo(CliRun.of("check", BAD).out());
  }

  @Test
  void anOutputAloneIsTheReportItsExtensionNames() throws IOException {
    for (String name : List.of("report.json", "REPORT.XML", "r.sarif", "r.html", "r.md", "r")) {
      Path out = temp.resolve(name);
      CliRun run = CliRun.of("check", "-o", out.toString(), BAD);
      assertThat(run.exitCode()).as(name).isEqualTo(ExitCodes.FINDINGS);
      String format =
          switch (name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> "json";
            case "xml" -> "junit";
            case "sarif" -> "sarif";
            case "html" -> "html";
            case "md" -> "markdown";
            default -> "text";
          };
      Path expected = temp.resolve("expected-" + name);
      CliRun.of("check", "--report", format, "-o", expected.toString(), BAD);
      assertThat(Files.readString(out))
          .as(name)
          .isEqualTo(Files.readString(expected).replace(expected.toString(), out.toString()));
    }
    Path explicit = temp.resolve("asked.json");
    CliRun.of("check", "--report", "text", "-o", explicit.toString(), BAD);
    assertThat(Files.readString(explicit)).isEqualTo(CliRun.of("check", BAD).out());
  }

  @Test
  void unreadableInputIsOneLineAndTheOthersAreStillChecked() {
    CliRun run = CliRun.of("check", "no/such/file.txt", BAD);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out())
        .contains("no/such/file.txt: problem: no such file or directory")
        .contains("PASS_WITHOUT_USER");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void fileThatIsNoTranscriptIsNamedAndSkipped() throws IOException {
    Path text = temp.resolve("notes.md");
    Files.writeString(text, "Meeting notes\n\nWe talked about the weather.\n");
    CliRun run = CliRun.of("check", text.toString(), CLEAN);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out()).contains(text + ": problem: not an FTP transcript in any known format");
  }

  @Test
  void usageErrorExitsWithTwoAndOneLine() {
    CliRun run = CliRun.of("check", "--report", "xml", BAD);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().toList()).hasSize(2).allMatch(l -> l.startsWith("ftpseq: "));
    assertThat(CliRun.of("check").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("check", "--format", "nope", BAD).err()).contains("known formats");
  }

  @Test
  void directoriesAreReadRecursivelyAndGzipIsDecompressed() throws IOException {
    Path nested = temp.resolve("logs/2026/11");
    Files.createDirectories(nested);
    Files.copy(Path.of(BAD), nested.resolve("a.txt"));
    try (OutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(nested.resolve("b.txt.gz")))) {
      gz.write(Files.readAllBytes(Path.of(BAD)));
    }
    CliRun run = CliRun.of("check", temp.resolve("logs").toString());
    assertThat(run.out()).contains("2 session(s) in 2 input(s): 4 error(s)");
  }

  @Test
  void standardInputIsReadWithDash() throws IOException {
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of(BAD))));
      CliRun run = CliRun.of("check", "-");
      assertThat(run.out()).contains("-:3: error PASS_WITHOUT_USER");
    } finally {
      System.setIn(original);
    }
  }

  /**
   * Gzip is known by its first bytes, so a compressed log piped in or named without .gz is read.
   */
  @Test
  void gzipWithoutItsSuffixIsDecompressedOnStandardInputAndInFiles() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(compressed)) {
      gz.write(Files.readAllBytes(Path.of(BAD)));
    }
    Path renamed = temp.resolve("rotated.log.1");
    Files.write(renamed, compressed.toByteArray());
    assertThat(CliRun.of("check", renamed.toString()).out())
        .contains(renamed + ":3: error PASS_WITHOUT_USER");
    // the HTML report reads the input's lines again to show them
    assertThat(CliRun.of("check", "--report", "html", renamed.toString()).out())
        .contains("S: 503 Login with USER first.");
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream(compressed.toByteArray()));
      assertThat(CliRun.of("check", "-").out()).contains("-:3: error PASS_WITHOUT_USER");
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void jsonReportHasTheDocumentedShape() throws IOException {
    CliRun run = CliRun.of("check", "--report", "json", BAD);
    JsonNode root = new ObjectMapper().readTree(run.out());
    JsonNode session = root.path("sessions").get(0);
    assertThat(session.path("source").asText()).isEqualTo(BAD);
    assertThat(session.path("format").asText()).isEqualTo("dialogue");
    assertThat(session.path("profile").asText()).isEqualTo("rfc");
    assertThat(session.path("start").asText()).isEqualTo("complete");
    JsonNode finding = session.path("findings").get(0);
    assertThat(finding.path("rule").asText()).isEqualTo("PASS_WITHOUT_USER");
    assertThat(finding.path("line").asInt()).isEqualTo(3);
    assertThat(finding.path("reply").path("code").asInt()).isEqualTo(503);
    assertThat(finding.path("explanation").asText()).contains("RFC 959");
    assertThat(root.path("summary").path("errors").asInt()).isEqualTo(2);
  }

  @Test
  void outputOptionWritesTheReportToAFile() throws IOException {
    Path out = temp.resolve("report.json");
    CliRun run = CliRun.of("check", "--report", "json", "--output", out.toString(), BAD);
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"PASS_WITHOUT_USER\"");
  }

  private static final Pattern CAPTURED_PASS = Pattern.compile("PASS ([^\\s']+)\r\n");

  @Test
  void noPasswordFromAnySampleReachesAnyReport() throws IOException {
    Pattern pass = Pattern.compile("(?im)^(?:C: ?|> ?|---> |\\*cmd\\* ')?PASS ([^\\s']+)");
    try (Stream<Path> samples = Files.walk(Path.of("samples"))) {
      for (Path sample : samples.filter(Files::isRegularFile).toList()) {
        // Latin-1 reads any byte, so packet captures (where PASS lines sit among binary headers,
        // not at line starts) are searched too
        String content = Files.readString(sample, StandardCharsets.ISO_8859_1);
        boolean binary = sample.toString().endsWith(".pcap");
        Matcher m = (binary ? CAPTURED_PASS : pass).matcher(content);
        while (m.find()) {
          String password = m.group(1);
          if (password.chars().allMatch(c -> c == '*')) {
            continue;
          }
          for (String report : List.of("text", "json")) {
            CliRun run = CliRun.of("check", "--report", report, sample.toString());
            assertThat(run.out()).as("%s in %s", report, sample).doesNotContain(password);
          }
        }
      }
    }
  }

  private static final String CLEAR_PASSWORD = "Tr0ub4dor-and-3";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp | 220 hi\\n---> USER u\\n331 pw\\n---> PASS Tr0ub4dor-and-3\\n230 ok\\n"
            + "---> RNTO x\\n503 no\\n",
        "filezilla | 2026-11-22 10:00:00 1 1 Response: 220 hi\\n"
            + "2026-11-22 10:00:00 1 1 Command: USER u\\n2026-11-22 10:00:00 1 1 Response: 331 pw\\n"
            + "2026-11-22 10:00:00 1 1 Command: PASS Tr0ub4dor-and-3\\n"
            + "2026-11-22 10:00:00 1 1 Response: 230 ok\\n2026-11-22 10:00:01 1 1 Command: RNTO x\\n"
            + "2026-11-22 10:00:01 1 1 Response: 503 no\\n",
        "winscp | < 2026-11-22 10:00:00.100 220 hi\\n> 2026-11-22 10:00:00.101 USER u\\n"
            + "< 2026-11-22 10:00:00.102 331 pw\\n> 2026-11-22 10:00:00.103 PASS Tr0ub4dor-and-3\\n"
            + "< 2026-11-22 10:00:00.104 230 ok\\n> 2026-11-22 10:00:00.105 RNTO x\\n"
            + "< 2026-11-22 10:00:00.106 503 no\\n",
        "fluentftp | # Connect()\\nResponse: 220 hi [1ms]\\nCommand:  USER u\\n"
            + "Response: 331 pw [0ms]\\nCommand:  PASS Tr0ub4dor-and-3\\nResponse: 230 ok [2ms]\\n"
            + "Command:  RNTO x\\nResponse: 503 no [0ms]\\n"
      })
  void clearTextPasswordInEachClientFormatReachesNoReport(String format, String log)
      throws IOException {
    Path file = temp.resolve(format + ".log");
    Files.writeString(file, log.replace("\\n", "\n"));
    JsonNode json =
        new ObjectMapper().readTree(CliRun.of("check", "--report", "json", file.toString()).out());
    assertThat(json.path("sessions").get(0).path("format").asText()).isEqualTo(format);
    assertThat(json.toString()).contains("PASS ****").doesNotContain(CLEAR_PASSWORD);
    for (String report : List.of("text", "junit", "sarif", "github", "markdown")) {
      CliRun run = CliRun.of("check", "--explain-all", "--report", report, file.toString());
      assertThat(run.out()).as(report).isNotEmpty().doesNotContain(CLEAR_PASSWORD);
    }
  }

  @Test
  void versionAndHelpWork() {
    assertThat(CliRun.of("--version").out()).startsWith("ftpseq ");
    assertThat(CliRun.of("check", "--help").out()).contains("--fail-on");
    assertThat(CliRun.of("rules").out()).contains("RNTO_WITHOUT_RNFR").contains("RFC 959 §4.1.3");
    assertThat(CliRun.of("graph", "--format", "mermaid").out())
        .startsWith("stateDiagram-v2")
        .contains("rename_NO --> rename_YES : RNFR 3xx");
    assertThat(CliRun.of("graph").out()).startsWith("digraph ftpseq {");
  }

  @Test
  void includeAndExcludeGlobsSelectFilesInDirectories() {
    assertThat(CliRun.of("check", "--include", "*.log", "samples").out())
        .contains("apache-ftpserver-out-of-order.log")
        .doesNotContain("bad-order.txt");
    assertThat(CliRun.of("check", "--exclude", "dialogue/**", "samples").out())
        .doesNotContain("samples/dialogue/");
  }

  @Test
  void explainAllAnnotatesEveryReply() throws IOException {
    CliRun run = CliRun.of("check", "--lang", "en", "--explain-all", CLEAN);
    assertThat(run.out())
        .contains(CLEAN + ":2: reply 220 (vsFTPd 3.0.3) (Positive Completion: Service ready for")
        .contains(CLEAN + ":25: reply 229 Entering Extended Passive Mode (|||40123|)")
        .contains("(Positive Intermediate: Requested file action pending further information)");
    long replyLines =
        Files.readString(Path.of(CLEAN)).lines().filter(l -> l.matches("S: \\d{3} .*")).count();
    assertThat(run.out().lines().filter(l -> l.contains(": reply "))).hasSize((int) replyLines);
    JsonNode json =
        new ObjectMapper()
            .readTree(CliRun.of("check", "--report", "json", "--explain-all", CLEAN).out());
    assertThat(json.path("sessions").get(0).path("replyLog")).hasSize((int) replyLines);
    assertThat(CliRun.of("check", "--lang", "ja", "--explain-all", CLEAN).out())
        .contains(CLEAN + ":2：応答 220 (vsFTPd 3.0.3)");
  }

  /** Each of these was an internal error, a run making threads for minutes, or a second read. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--include|[|'[' is not a glob",
        "--exclude|**/{|'**/{' is not a glob",
        "--threads|100000|'--threads': expected a whole number from 1 to 256, not '100000'",
        "--threads|0|'--threads': expected a whole number from 1 to 256, not '0'"
      })
  void aBadOptionValueIsOneLineOfUsage(String option, String value, String said) {
    CliRun run = CliRun.of("check", option, value, BAD);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(said).doesNotContain("internal error").doesNotContain("\tat ");
  }

  @Test
  void standardInputNamedTwiceIsAUsageError() {
    CliRun run = CliRun.of("check", "-", "-");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("standard input (-) is named more than once");
  }
}
