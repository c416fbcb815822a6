package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.testing.CaptureWriter;
import io.ftpseq.testing.TcpDialogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

/**
 * Input from strangers, through the real command line: no line stops a run or shows a stack trace,
 * nothing read is a silent pass, nothing readable is thrown away, and what reaches a report or the
 * terminal is safe to show.
 */
class HostileInputTest {

  private static final Path SAMPLES = Path.of("samples");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  /** Every text sample, with its first reply to USER cut to two characters, or to none. */
  static Stream<Arguments> shortReplies() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path sample : files.filter(Files::isRegularFile).sorted().toList()) {
        if (!sample.toString().endsWith(".pcap")) {
          cases.add(Arguments.of(sample, "33"));
          cases.add(Arguments.of(sample, ""));
        }
      }
    }
    return cases.stream();
  }

  /** The reply to USER (331), in whatever shape the format writes it, cut to {@code shortened}. */
  private static final Pattern USER_REPLY =
      Pattern.compile("(?<=[\\s\"'<>:\\[])331(?:[ -][^\"'\\t\\]\\r\\n]*|(?=[\"'\\t]))");

  @ParameterizedTest(name = "{0} with a reply cut to \"{1}\"")
  @MethodSource("shortReplies")
  void replyShorterThanACodeIsAProblemAndTheRestIsChecked(Path sample, String shortened)
      throws IOException {
    String text = Files.readString(sample, StandardCharsets.ISO_8859_1);
    Matcher reply = USER_REPLY.matcher(text);
    if (!reply.find()) {
      return; // a sample whose login is not shown
    }
    Path input = temp.resolve(sample.getFileName());
    String cut = text.substring(0, reply.start()) + shortened + text.substring(reply.end());
    Files.writeString(input, cut, StandardCharsets.ISO_8859_1);

    CliRun run = CliRun.of("check", "--lang", "en", input.toString());

    assertThat(run.err()).as("no stack trace, no internal error").isEmpty();
    assertThat(run.exitCode()).isNotEqualTo(ExitCodes.INTERNAL);
    long line = text.substring(0, reply.start()).lines().count();
    assertThat(run.out()).contains(input + ":").contains("problem");
    assertThat(line).isPositive();
  }

  @Test
  void emptyServerLineInACaptureIsAProblemAtItsPacket() throws IOException {
    TcpDialogue dialogue =
        TcpDialogue.ipv4(1, 2)
            .handshake()
            .server("220 ready\r\n")
            .client("USER alice\r\n")
            .server("\r\n")
            .server("331 password?\r\n")
            .client("RNTO x\r\n")
            .server("503 RNFR first\r\n")
            .close();
    Path capture = capture("empty-line.pcap", dialogue);

    CliRun run = CliRun.of("check", "--lang", "en", capture.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out()).contains(capture + "#6: problem").contains("RNTO_WITHOUT_RNFR");
  }

  /**
   * A reply line without a code answers its own command: the replies after it stay with theirs.
   * They used to shift by one, so a correct RNFR then RNTO was an error ("server said: 257") and
   * every later reply was "not allowed" for the command before its own.
   */
  @Test
  void aGarbledReplyAnswersItsOwnCommandAndTheRestStayInStep() throws IOException {
    Path dialogue = temp.resolve("garbled.txt");
    Files.writeString(
        dialogue,
        "S: 220 hi\nC: USER a\nS: 33 pw\nC: PASS b\nS: 230 ok\nC: RNFR x\nS: 350 ready\n"
            + "C: RNTO y\nS: 250 done\nC: PWD\nS: 257 \"/\"\nC: QUIT\nS: 221 Bye\n");
    Path capture =
        capture(
            "garbled.pcap",
            TcpDialogue.ipv4(1, 2)
                .handshake()
                .server("220 ready\r\n")
                .client("USER a\r\n")
                .server("331 pw\r\n")
                .client("PASS b\r\n")
                .server("230 in\r\n")
                .client("PASV\r\n")
                .server("99 PASV invalid\r\n")
                .client("QUIT\r\n")
                .server("221 Bye\r\n")
                .close());

    for (Path input : List.of(dialogue, capture)) {
      CliRun run = CliRun.of("check", "--lang", "en", input.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
      assertThat(run.out())
          .as(input.toString())
          .contains("problem")
          .contains("0 error(s), 0 warning(s), 0 info, 1 problem(s)");
    }
  }

  @Test
  void suricataCodesWithoutReplyTextsAreRepliesOfTheirOwn() throws IOException {
    Path eve = temp.resolve("eve.json");
    Files.writeString(
        eve,
        "{\"timestamp\":\"2023-09-28T17:43:36.099184+0000\",\"flow_id\":1,\"event_type\":\"ftp\","
            + "\"src_ip\":\"10.0.0.1\",\"src_port\":4000,\"dest_ip\":\"10.0.0.2\",\"dest_port\":21,"
            + "\"tx_id\":0,\"ftp\":{\"command\":\"RNTO\",\"command_data\":\"x\","
            + "\"completion_code\":[\"503\"],\"reply\":[]}}\n");

    CliRun run = CliRun.of("check", "--lang", "en", eve.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("503");
    assertThat(run.exitCode()).isNotEqualTo(ExitCodes.INTERNAL);
  }

  @Test
  void symbolicLinkToADirectoryNamedOnTheCommandLineIsFollowed() throws IOException {
    Path link = temp.resolve("link");
    Files.createSymbolicLink(link, SAMPLES.resolve("dialogue").toAbsolutePath());

    CliRun run = CliRun.of("check", "--lang", "en", link.toString());

    assertThat(run.out()).contains(link.resolve("bad-order.txt") + ":3: error PASS_WITHOUT_USER");
    assertThat(run.exitCode()).isNotEqualTo(ExitCodes.OK);
  }

  @Test
  void nothingToCheckIsNeverAPass() throws IOException {
    Path empty = Files.createDirectory(temp.resolve("empty"));

    CliRun none = CliRun.of("check", empty.toString());
    CliRun unmatched = CliRun.of("check", "--include", "*.nothing", SAMPLES.toString());

    assertThat(none.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(none.out()).contains(empty + ": problem: the directory holds no files to check");
    assertThat(unmatched.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(unmatched.out()).contains("no file in the directory matches --include/--exclude");
  }

  /**
   * A glob ({@code logs/*}, or bash's {@code logs/**} with globstar, quoted for ftpseq to expand or
   * not) also matches an empty subdirectory: beside the files it matched, that is a name left out
   * with why, not a problem that fails a clean run.
   */
  @ParameterizedTest
  @ValueSource(strings = {"*", "**"})
  void anEmptyDirectoryAGlobMatchedBesideFilesIsLeftOutNotAProblem(String glob) throws IOException {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    Path empty = Files.createDirectories(logs.resolve("empty"));
    Files.copy(SAMPLES.resolve("dialogue/clean-session.txt"), logs.resolve("clean.txt"));

    CliRun run = CliRun.of("check", "--report", "json", logs.resolve(glob).toString());
    CliRun alone = CliRun.of("check", empty.toString() + "/");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
    assertThat(run.err())
        .contains("ftpseq: left out " + empty + ": the directory holds no files to check\n");
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("leftOut").toString()).contains(empty.toString());
    assertThat(report.get("summary").get("inputs").asInt()).isEqualTo(1);
    assertThat(alone.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"samples/curl/apache-ftpserver-out-of-order.log", "/bin/ls"})
  void formatThatRecognisesNothingIsNeverAPass(String file) {
    CliRun run = CliRun.of("check", "--format", "ftplib", file);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void directoryTooDeepToReadIsAProblemAndTheRestIsChecked() throws Exception {
    Path tree = Files.createDirectory(temp.resolve("tree"));
    Files.copy(SAMPLES.resolve("dialogue/bad-order.txt"), tree.resolve("bad-order.txt"));
    // nested past PATH_MAX, which even root cannot open by its full path
    String name = "d".repeat(250);
    Process mkdir =
        new ProcessBuilder(
                "bash",
                "-c",
                "cd \"$1\" && for i in $(seq 20); do mkdir $2 && cd $2; done",
                "-",
                tree.toString(),
                name)
            .inheritIO()
            .start();
    assertThat(mkdir.waitFor()).isZero();
    try {
      CliRun run = CliRun.of("check", "--lang", "en", tree.toString());

      assertThat(run.err()).isEmpty();
      assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
      assertThat(run.out())
          .contains("problem: cannot read: ")
          .contains(tree.resolve("bad-order.txt") + ":3: error PASS_WITHOUT_USER");
    } finally {
      new ProcessBuilder("rm", "-rf", tree.resolve(name).toString()).start().waitFor();
    }
  }

  @Test
  void outputsThatCannotBeWrittenAreUsageErrorsBeforeAnythingRuns() {
    String sample = SAMPLES.resolve("dialogue/bad-order.txt").toString();

    CliRun directory = CliRun.of("check", "--report", "json", "-o", temp.toString(), sample);
    CliRun missing =
        CliRun.of("check", "--report", "json", "-o", temp.resolve("no/r.json").toString(), sample);
    String same = temp.resolve("r.out").toString();
    CliRun twice =
        CliRun.of("check", "--report", "json", "-o", same, "--report", "junit", "-o", same, sample);

    assertThat(List.of(directory, missing, twice))
        .allSatisfy(
            run -> {
              assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
              assertThat(run.err().lines().count()).isEqualTo(2);
            });
    assertThat(Files.exists(temp.resolve("r.out"))).isFalse();
  }

  @Test
  void profileFileThatIsNotJsonIsAUsageError() throws IOException {
    Path profile = Files.writeString(temp.resolve("p.json"), "not json at all");

    CliRun run =
        CliRun.of("check", "--profile", profile.toString(), "samples/dialogue/bad-order.txt");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("ftpseq: profile " + profile);
  }

  @Test
  void truncatedGzipIsCheckedUpToTheBreak() throws IOException {
    byte[] whole = gzip(Files.readAllBytes(SAMPLES.resolve("dialogue/bad-order.txt")));
    Path cut = temp.resolve("cut.txt.gz");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 12));

    CliRun run = CliRun.of("check", "--lang", "en", cut.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out())
        .contains(cut + ":3: error PASS_WITHOUT_USER")
        .contains(cut + ": problem: the input breaks off after");
  }

  @Test
  void brokenLineAmongTheFirstOfAnEveFileIsOneProblem() throws IOException {
    List<String> lines =
        Files.readAllLines(SAMPLES.resolve("suricata/eve-out-of-order-handmade.json"));
    List<String> broken = new ArrayList<>(lines);
    broken.add(1, "{\"timestamp\":\"2023-09-28T17:43:36");
    Path eve = Files.write(temp.resolve("eve.json"), broken);

    CliRun run = CliRun.of("check", "--lang", "en", eve.toString());

    assertThat(run.out()).contains(eve + ":2: problem: not a JSON object");
    assertThat(run.out()).contains("RNTO_WITHOUT_RNFR");
  }

  @Test
  void indentedContinuationLinesOfADialogueAreRead() throws IOException {
    Path dialogue =
        Files.writeString(
            temp.resolve("feat.txt"),
            "S: 220 ready\nC: FEAT\nS: 211-Features:\nS:  EPRT\nS:  EPSV\nS: 211 End\n"
                + "C: USER a\nS: 331 ok\nC: RNTO x\nS: 503 RNFR first\n");
    Path arrows =
        Files.writeString(
            temp.resolve("feat-arrows.txt"),
            "< 220 ready\n> FEAT\n< 211-Features:\n<  EPRT\n< 211 End\n> RNTO x\n< 503 no\n");

    assertThat(CliRun.of("check", dialogue.toString()).out()).contains("RNTO_WITHOUT_RNFR");
    assertThat(CliRun.of("check", arrows.toString()).out()).contains("RNTO_WITHOUT_RNFR");
  }

  @Test
  void byteOrderMarkIsNotALine() throws IOException {
    byte[] sample = Files.readAllBytes(SAMPLES.resolve("dialogue/clean-session.txt"));
    ByteArrayOutputStream withMark = new ByteArrayOutputStream();
    withMark.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    withMark.write(sample);
    Path input = Files.write(temp.resolve("bom.txt"), withMark.toByteArray());

    CliRun run = CliRun.of("check", input.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).doesNotContain("problem:");
  }

  /**
   * Windows PowerShell's {@code >} saves a log as UTF-16LE with a byte order mark, Notepad's
   * "Unicode" too: such a log is read as its UTF-8 copy is, findings, line numbers and masking all.
   */
  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
  void aLogWithAUtf16OrUtf32ByteOrderMarkReadsAsItsUtf8Copy(String encoding) throws IOException {
    for (String sample :
        List.of(
            "winscp/session-out-of-order-handmade.log",
            "filezilla-server/v1-out-of-order-handmade.log",
            "dialogue/bad-order.txt")) {
      String text = Files.readString(SAMPLES.resolve(sample));
      Path utf8 = Files.createDirectories(temp.resolve("utf8")).resolve("log.txt");
      Path other = Files.createDirectories(temp.resolve(encoding)).resolve("log.txt");
      Files.writeString(utf8, text);
      Files.write(other, ("\uFEFF" + text).getBytes(java.nio.charset.Charset.forName(encoding)));

      CliRun expected = CliRun.of("check", "--report", "json", utf8.toString());
      CliRun run = CliRun.of("check", "--report", "json", other.toString());

      assertThat(expected.out()).contains("\"rule\"").doesNotContain("wonderland");
      assertThat(run.out())
          .as(sample)
          .isEqualTo(expected.out().replace(utf8.toString(), other.toString()));
      assertThat(run.exitCode()).isEqualTo(expected.exitCode());
      // the page shows the input's raw lines, read again: as text, with the password masked
      assertThat(CliRun.of("check", "--report", "html", other.toString()).out())
          .as(sample)
          .doesNotContain("wonderland", "\\x00")
          .contains("PASS ****");
    }
  }

  /**
   * A program on Windows that writes a CRLF it received in text mode writes CR CR LF: the line
   * numbers are those an editor shows, not about twice them.
   */
  @Test
  void crCrLfLineEndsKeepTheLineNumbersAnEditorShows() throws IOException {
    Path input =
        Files.writeString(
            temp.resolve("crcrlf.txt"),
            "C: USER a\r\r\nS: 331 ok\r\r\nC: PASS hunter22\r\r\nS: 230 ok\r\r\n"
                + "C: RNTO x\r\r\nS: 503 RNFR first\r\r\n");

    CliRun run = CliRun.of("check", input.toString());

    assertThat(run.out())
        .contains(input + ":5: error RNTO_WITHOUT_RNFR")
        .contains("6 line(s) read, 0 of them unreadable")
        .doesNotContain("hunter22");
  }

  @Test
  void junkLinesOfClientLogsAreProblemsAndChatterIsSkipped() throws IOException {
    Path ftplib =
        Files.writeString(
            temp.resolve("ftplib.log"),
            "*resp* '220 ready'\n*cmd* 'USER a'\n*resp* '331 ok'\nrandom junk\u0001\n");
    Path bsd =
        Files.writeString(
            temp.resolve("ftp.log"),
            "Connected to 127.0.0.1.\n220 ready\nRemote system type is UNIX.\n---> USER a\n"
                + "331 ok\nbinary junk \u0001\u0002\n");

    CliRun ftplibRun = CliRun.of("check", "--report", "json", ftplib.toString());
    CliRun bsdRun = CliRun.of("check", "--report", "json", bsd.toString());

    assertThat(lines(ftplibRun)).isEqualTo(List.of(4L, 3L, 0L, 1L));
    assertThat(lines(bsdRun)).isEqualTo(List.of(6L, 4L, 1L, 1L));
    assertThat(ftplibRun.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void everyLineIsCountedOnceInTheJsonSummaryAndTheTextSummary() throws IOException {
    CliRun json = CliRun.of("check", "--report", "json", SAMPLES.toString());
    CliRun text = CliRun.of("check", "--lang", "en", SAMPLES.toString());

    JsonNode report = JSON.readTree(json.out());
    long read = 0;
    for (JsonNode input : report.path("inputs")) {
      long sum =
          input.path("dialogue").asLong()
              + input.path("skipped").asLong()
              + input.path("problems").asLong();
      assertThat(sum).as(input.path("source").asText()).isEqualTo(input.path("read").asLong());
      if (input.path("unit").asText().equals("lines")) {
        read += input.path("read").asLong();
      }
    }
    long totalLines = 0;
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.toString().endsWith(".pcap")) {
          totalLines += Files.readString(file, StandardCharsets.ISO_8859_1).lines().count();
        }
      }
    }
    assertThat(read).isEqualTo(totalLines);
    assertThat(report.path("summary").path("lines").path("read").asLong()).isEqualTo(totalLines);
    String last = text.out().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).contains(String.format("%,d line(s) read", totalLines));
  }

  @Test
  void controlCharactersNeitherReachTheTerminalNorBreakTheXml() throws Exception {
    Path input =
        Files.writeString(
            temp.resolve("esc.txt"),
            "S: 220 \u001b]0;owned\u0007 \u001b[31mred\u0000\nC: USER a\u0000b\nS: 331 ok\n"
                + "C: RNTO x\u001b[2J\nS: 503 \u0001no\n");

    CliRun text = CliRun.of("check", input.toString());
    CliRun junit = CliRun.of("check", "--report", "junit", input.toString());
    CliRun markdown = CliRun.of("check", "--report", "markdown", input.toString());
    CliRun github = CliRun.of("check", "--report", "github", input.toString());

    for (CliRun run : List.of(text, junit, markdown, github)) {
      assertThat(run.out().chars().filter(c -> c < 0x20 && c != '\n' && c != '\t'))
          .as(run.out())
          .isEmpty();
    }
    assertThat(text.out()).contains("\\x1b[2J");
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(junit.out())));
  }

  @Test
  void sarifUrisArePercentEncoded() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("odd #1?"));
    Path input = folder.resolve("50% é.txt");
    Files.copy(SAMPLES.resolve("dialogue/bad-order.txt"), input);

    CliRun run = CliRun.of("check", "--report", "sarif", input.toString());

    String uri =
        JSON.readTree(run.out())
            .path("runs")
            .get(0)
            .path("results")
            .get(0)
            .path("locations")
            .get(0)
            .path("physicalLocation")
            .path("artifactLocation")
            .path("uri")
            .asText();
    assertThat(uri).endsWith("/odd%20%231%3F/50%25%20%C3%A9.txt");
    assertThat(java.net.URI.create(uri).getPath()).isEqualTo(input.toString());
  }

  @Test
  void captureProblemsBelongToTheInputNotToAPhantomSession() throws IOException {
    Path capture = temp.resolve("damaged.pcap");
    List<byte[]> frames = new ArrayList<>();
    frames.add(CaptureWriter.ethernet(new byte[] {0x45, 0, 0, 20}));
    frames.addAll(
        TcpDialogue.ipv4(1, 2).handshake().server("220 hi\r\n").close().packets().stream()
            .map(p -> CaptureWriter.ethernet(p))
            .toList());
    Files.write(capture, CaptureWriter.pcap(frames, 1, ByteOrder.LITTLE_ENDIAN, false));

    JsonNode report =
        JSON.readTree(CliRun.of("check", "--report", "json", capture.toString()).out());

    assertThat(report.path("sessions").findValuesAsText("session")).doesNotContain("");
    assertThat(report.path("inputProblems")).isNotEmpty();
  }

  @Test
  void junitRootCountsTheInputErrorsToo() throws Exception {
    Path junk = Files.writeString(temp.resolve("junk.txt"), "nothing FTP here\n");

    CliRun run =
        CliRun.of("check", "--report", "junit", junk.toString(), "samples/dialogue/bad-order.txt");

    var document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(run.out())));
    var root = document.getDocumentElement();
    int testcases = document.getElementsByTagName("testcase").getLength();
    int errors = document.getElementsByTagName("error").getLength();
    int failures = document.getElementsByTagName("failure").getLength();
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(testcases));
    assertThat(root.getAttribute("errors")).isEqualTo(String.valueOf(errors));
    assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(failures));
    assertThat(errors).isEqualTo(1);
  }

  @Test
  void hugeLineIsQuotedInPartWithItsLength() throws IOException {
    Path input = temp.resolve("huge.txt");
    Files.writeString(input, "S: 220 hi\n" + "x".repeat(5 << 20) + "\nC: USER a\n");

    CliRun run = CliRun.of("check", input.toString());

    assertThat(run.out().length()).isLessThan(5_000);
    assertThat(run.out()).contains(input + ":2: problem").contains("5,242,880");
  }

  /**
   * A command line too long to read still shows its password (the part of it that is kept), so a
   * reply that echoes the password later is masked, as it is after a line of ordinary length.
   */
  @Test
  void passwordOfALineTooLongToReadIsMaskedWhereItIsEchoed() throws IOException {
    Path input = temp.resolve("long-pass.txt");
    Files.writeString(
        input,
        "S: 220 hi\nC: USER a\nS: 331 p\nC: PASS Hq7wz "
            + "y".repeat(2 << 20)
            + "\nS: 530 Login incorrect for Hq7wz\nC: QUIT\nS: 221 bye\n");

    for (String report : List.of("text", "json", "sarif", "junit", "html")) {
      CliRun run = CliRun.of("check", "--explain-all", "--report", report, input.toString());

      assertThat(run.exitCode()).as(report).isEqualTo(ExitCodes.INPUT);
      assertThat(run.out() + run.err()).as(report).doesNotContain("Hq7wz");
      if (!report.equals("sarif") && !report.equals("junit")) { // they list findings only
        assertThat(run.out()).as(report).contains("Login incorrect for ****");
      }
    }
  }

  /** The same in a capture, whose lines are cut far sooner (8 KB), in several segments. */
  @Test
  void passwordOfACapturedLineTooLongToReadIsMaskedWhereItIsEchoed() throws IOException {
    TcpDialogue dialogue =
        TcpDialogue.ipv4(1, 2)
            .handshake()
            .server("220 ready\r\n")
            .client("USER alice\r\n")
            .server("331 password?\r\n")
            .client("PASS Hq7wz " + "y".repeat(1_000))
            .client("y".repeat(9_000) + "\r\n")
            .server("530 Login incorrect for Hq7wz\r\n")
            .close();
    Path capture = capture("long-pass.pcap", dialogue);

    for (String report : List.of("text", "json", "html")) {
      CliRun run = CliRun.of("check", "--explain-all", "--report", report, capture.toString());

      assertThat(run.exitCode()).as(report).isEqualTo(ExitCodes.INPUT);
      assertThat(run.out() + run.err())
          .as(report)
          .contains("Login incorrect for ****")
          .doesNotContain("Hq7wz");
    }
  }

  @Test
  void passwordOfThousandsOfEscapedQuotesIsMaskedWithoutOverflowingTheStack() throws IOException {
    // the quoted-secret pattern recursed once per escaped character: 5,000 overflowed the stack
    Path input = temp.resolve("quotes.txt");
    String password = "Zq9" + "\\\"".repeat(5_000);
    Files.writeString(
        input, "S: 220 hi\nC: USER a\nS: 331 p\nC: PASS \"" + password + "\nS: 530 no\nC: QUIT\n");

    CliRun run = CliRun.of("check", "--explain-all", input.toString());

    assertThat(run.exitCode()).isNotEqualTo(ExitCodes.INTERNAL);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("Error");
    assertThat(run.out() + run.err()).contains("1 session(s)").doesNotContain("Zq9");
  }

  /** The dialogue as a pcap file of Ethernet frames, in the test's directory. */
  private Path capture(String name, TcpDialogue dialogue) throws IOException {
    Path capture = temp.resolve(name);
    Files.write(
        capture,
        CaptureWriter.pcap(
            dialogue.packets().stream().map(p -> CaptureWriter.ethernet(p)).toList(),
            1,
            ByteOrder.LITTLE_ENDIAN,
            false));
    return capture;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  /** The line counts of the only input: read, dialogue, skipped, problems. */
  private static List<Long> lines(CliRun run) throws IOException {
    JsonNode input = JSON.readTree(run.out()).path("inputs").get(0);
    return List.of(
        input.path("read").asLong(),
        input.path("dialogue").asLong(),
        input.path("skipped").asLong(),
        input.path("problems").asLong());
  }
}
