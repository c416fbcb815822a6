package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shape a secret takes in a transcript, in every sample of every format, through every report
 * format and language: the clear text reaches none of them. The shapes are written into each sample
 * beside its own PASS line, in that format's syntax, and the server's next reply echoes them; a
 * password with a space among them, and a stray line quoting one.
 */
class SecretsInEveryReportTest {

  private static final List<String> SECRETS =
      List.of(
          "S3cr3t-tab",
          "S3cr3t-colon",
          "S3cr3t-acct",
          "S3cr3t-old",
          "S3cr3t-new",
          "S3cr3t-url",
          "S3cr3t-said",
          "S3cr3t-sp1",
          "S3cr3t-sp2",
          "S3cr3t-q1",
          "S3cr3t-q2",
          "S3cr3t-gpass");

  /** Commands that carry a secret, each taking the place of the sample's PASS command. */
  private static final List<String> SHAPES =
      List.of(
          "PASS\tS3cr3t-tab",
          "PASS:S3cr3t-colon",
          "ACCT S3cr3t-acct",
          "SITE PSWD S3cr3t-old S3cr3t-new",
          "RETR ftp://bob:S3cr3t-url@host/f",
          "PASS S3cr3t-sp1 S3cr3t-sp2",
          "SITE GPASS S3cr3t-gpass");

  private static final Pattern PASS = Pattern.compile("\\bPASS[ \\t]+[^\\s\"'\\\\]+");
  private static final Pattern REPLY_CODE = Pattern.compile("(?<![\\d.:])([2-5]\\d\\d)([ -])");

  private static final List<String> REPORTS =
      List.of("text", "json", "markdown", "html", "junit", "sarif", "github");

  @TempDir Path temp;

  /** The ways an input of a {@link Leak} goes: some need a dialogue (C:/S: lines). */
  enum Via {
    /** {@code check} in every report format. */
    CHECK,
    /** {@code simulate}, with the dialogue's commands as the script. */
    SIMULATE,
    /** The dialogue's commands through {@code proxy} to a real server, the record read back. */
    PROXY
  }

  /**
   * A way a password leaked: an input, the texts that must reach no output, the texts the text
   * report must show (what masking leaves), and the ways the input goes.
   */
  record Leak(
      String name,
      String file,
      String input,
      List<String> hidden,
      List<String> shown,
      Set<Via> via) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Leak> leaks() {
    String vsftpd = "Mon Nov 23 06:40:23 2026 [pid 17062] ";
    return Stream.of(
        new Leak(
            "a password typed as a command, echoed by the server",
            "typed.txt",
            """
            S: 220 (vsFTPd 3.0.3)
            C: USER alice
            S: 331 Please specify the password.
            C: password Free9text
            S: 500 Unknown command password Free9text
            C: PASS wonderland
            S: 230 Login successful.
            C: CWD Free9text
            S: 550 Free9text: no such directory.
            C: QUIT
            S: 221 Goodbye.
            """,
            List.of("Free9text"),
            List.of("PASSWORD ****", "500 Unknown command password ****", "CWD ****"),
            EnumSet.allOf(Via.class)),
        new Leak(
            "a password after a lower-case word of no verb",
            "lower.txt",
            """
            S: 220 ProFTPD Server
            C: USER alice
            S: 331 Password required for alice
            C: passwd Free8text
            S: 500 PASSWD not understood: passwd Free8text
            C: PASS wonderland
            S: 230 User alice logged in
            C: RETR Free8text
            S: 550 Free8text: No such file or directory
            """,
            List.of("Free8text"),
            List.of("PASSWD ****", "RETR ****", "550 ****: No such file or directory"),
            EnumSet.allOf(Via.class)),
        new Leak(
            "a group password of wu-ftpd's SITE GPASS, echoed by the server",
            "gpass.txt",
            """
            S: 220 FTP server (Version wu-2.6.2(1)) ready.
            C: USER alice
            S: 331 Password required for alice.
            C: PASS wonderland
            S: 230 User alice logged in.
            C: SITE GROUP staff
            S: 200 Request for access to group staff accepted.
            C: SITE GPASS Group9pw
            S: 530 Group access request incorrect: Group9pw
            C: CWD Group9pw
            S: 550 Group9pw: No such file or directory.
            """,
            List.of("Group9pw"),
            List.of("SITE GPASS ****", "530 Group access request incorrect: ****", "CWD ****"),
            EnumSet.allOf(Via.class)),
        new Leak(
            "a password told in words",
            "words.txt",
            """
            S: 220 ProFTPD Server
            C: USER alice
            S: 331 Password required for alice
            C: my password is Free7text
            S: 500 MY not understood: my password is Free7text
            C: PASS wonderland
            S: 230 User alice logged in
            C: MKD Free7text
            S: 257 "/Free7text" - Directory successfully created
            """,
            List.of("Free7text"),
            List.of("MY password is ****", "257 \"/****\""),
            EnumSet.allOf(Via.class)),
        new Leak(
            "a password after a bare CR in a command line",
            "bare-cr.txt",
            "S: 220 x\nC: USER alice\rpasswd Free6text\nS: 331 x\nC: PASS wonderland\nS: 230 x\n"
                + "C: MKD Free6text\nS: 257 x\n",
            List.of("Free6text"),
            List.of(),
            EnumSet.of(Via.PROXY)),
        new Leak(
            "a password split off its PASS by a lone CR, in a CRLF file",
            "split-crlf.txt",
            "S: 220 x\r\nC: USER alice\r\nS: 331 x\r\nC: PASS\rSplit9text\r\n"
                + "S: 530 Login incorrect for Split9text\r\nC: USER alice\r\nS: 331 x\r\n"
                + "C: PASS won\rder5land\r\nS: 230 x\r\nC: CWD der5land\r\nS: 250 x\r\n",
            List.of("Split9text", "der5land"),
            List.of("530 Login incorrect for ****", "\"****\"", "CWD ****"),
            EnumSet.of(Via.CHECK, Via.SIMULATE)),
        new Leak(
            "a password split off its PASS by a lone CR, in an LF file",
            "split-lf.txt",
            "S: 220 x\nC: USER alice\nS: 331 x\nC: ACCT\r\rSplit8text\rmore8text\nS: 230 x\n",
            List.of("Split8text", "more8text"),
            List.of("\"****\""),
            EnumSet.of(Via.CHECK, Via.SIMULATE)),
        new Leak(
            "a password split off its PASS by a lone LF, in a CR file",
            "split-cr.txt",
            "S: 220 x\rC: USER alice\rS: 331 x\rC: PASS\nSplit7text\rS: 230 x\r",
            List.of("Split7text"),
            List.of("\"****\""),
            EnumSet.of(Via.CHECK)),
        new Leak(
            "a password in a note's free text, never sent as one",
            "note.txt",
            "S: 220 x\nC: USER alice\nS: 331 x\n# lines missing: the password is Note6text\n"
                + "C: PWD\nS: 530 x\n",
            List.of("Note6text"),
            List.of("the password is ****"),
            EnumSet.of(Via.CHECK)),
        new Leak(
            "vsftpd's placeholder for a password it hid",
            "vsftpd.log",
            vsftpd
                + "CONNECT: Client \"127.0.0.1\"\n"
                + vsftpd
                + "FTP response: Client \"127.0.0.1\", \"220 (vsFTPd 3.0.3)\"\n"
                + vsftpd
                + "FTP command: Client \"127.0.0.1\", \"USER alice\"\n"
                + vsftpd
                + "FTP comand: Client \"127.0.0.1\", \"PASS <password>\"\n"
                + vsftpd
                + "FTP command: Client \"127.0.0.1\", \"PASS <password>\n"
                + vsftpd
                + "FTP command: Client \"127.0.0.1\", \"PASS <password>\"\n"
                + vsftpd
                + "[alice] FTP response: Client \"127.0.0.1\", \"230 Login successful.\"\n",
            List.of("<****", "&lt;****", "\\<\\*", "\\u003c****", "#lt;****"),
            // the line cut before its closing quote is a problem since 8753915, quoted masked
            List.of("the line is cut short: ", "\"\"PASS ****\"", "PASS ****"),
            EnumSet.of(Via.CHECK)),
        new Leak(
            "passwords Zeek's JSON log writes with escapes",
            "ftp.json",
            zeek("\"user\":\"<unknown>\",\"command\":\"<init>\",\"reply_code\":220")
                + zeek(
                    "\"user\":\"anonymous\",\"password\":\"Gu\\u0065st9pw\",\"command\":\"PASS\","
                        + "\"arg\":\"Gu\\u0065st9pw\",\"reply_code\":530,\"reply_msg\":\"no Guest9pw\"")
                + zeek(
                    "\"user\":\"anonymous\",\"password\":\"Qu\\\"ote9pw\",\"command\":\"PASS\","
                        + "\"arg\":\"Qu\\\"ote9pw\",\"reply_code\":530")
                + zeek(
                    "\"user\":\"anonymous\",\"command\":\"RNTO\",\"arg\":\"x\",\"reply_code\":503"),
            List.of("st9pw", "ote9pw"),
            List.of("PASS ****", "530 no ****"),
            EnumSet.of(Via.CHECK)),
        new Leak(
            "passwords Suricata's eve.json writes with escapes, in any key order",
            "eve.json",
            eve(0, "\"completion_code\":[\"220\"],\"reply\":[\"hi\"]")
                + eve(
                    1,
                    "\"command_data\":\"Rev3rs\\u0065d\",\"command\":\"PASS\",\"completion_code\":[\"530\"]")
                + eve(
                    2,
                    "\"command\":\"PASS\",\"command_data\":\"Es\\\"c4pe\",\"completion_code\":[\"530\"]")
                + eve(
                    3, "\"command\":\"RNTO\",\"command_data\":\"x\",\"completion_code\":[\"503\"]"),
            List.of("Rev3rs", "c4pe"),
            List.of("PASS ****"),
            EnumSet.of(Via.CHECK)),
        new Leak(
            "passwords of one to three characters",
            "short.txt",
            """
            S: 220 ProFTPD Server q
            C: USER alice
            S: 331 Password required for alice
            C: password q
            S: 500 PASSWORD not understood: password q
            C: PASS q
            S: 530 Login incorrect (reason q)
            C: USER alice
            S: 331 Password required for alice
            C: PASS qz7
            S: 230 User alice logged in, qz7 q
            """,
            List.of("PASS q", "password q", "ASSWORD q"),
            List.of(
                "220 ProFTPD Server q",
                "PASSWORD ****",
                "500 PASSWORD not understood: password ****",
                "530 Login incorrect (reason q)",
                "230 User alice logged in, qz7 q"),
            EnumSet.of(Via.CHECK, Via.SIMULATE)),
        new Leak(
            // the HTML page's raw lines showed them: the secret learnt began with the character
            // between, and was masked only where no letter stood before it, as PASS does
            "passwords glued to PASS by a character that is no space",
            "glued.txt",
            """
            S: 220 (vsFTPd 3.0.3)
            C: USER alice
            S: 331 Please specify the password.
            C: PASS\u00a0Nbsp9secret
            S: 530 Login incorrect.
            C: PASS\0Nul9secret
            S: 530 Login incorrect.
            C: PASS\033Esc9secret
            S: 530 Login incorrect.
            C: PASS\u200bZero9secret
            S: 230 Login successful.
            C: RNTO x
            S: 503 RNFR required first.
            C: QUIT
            S: 221 Goodbye.
            """,
            List.of("Nbsp9secret", "Nul9secret", "Esc9secret", "Zero9secret"),
            List.of("PASS ****"),
            EnumSet.of(Via.CHECK)),
        new Leak(
            // the raw line holds the password as JSON writes it, not as the reader decoded it
            "a password glued to PASS in a JSON log, escaped there",
            "eve.json",
            eve(0, "\"completion_code\":[\"220\"],\"reply\":[\"(vsFTPd 3.0.3)\"]")
                + eve(
                    1,
                    "\"command\":\"USER\",\"command_data\":\"alice\",\"completion_code\":[\"331\"]")
                + eve(2, "\"command\":\"PASS\\u00a0Json9secret\",\"completion_code\":[\"530\"]")
                + eve(
                    3, "\"command\":\"RNTO\",\"command_data\":\"x\",\"completion_code\":[\"503\"]"),
            List.of("Json9secret"),
            List.of("PASS ****"),
            EnumSet.of(Via.CHECK)));
  }

  /**
   * A password of one to three characters where a log shows it as one: the password column of a
   * Zeek ftp.log in TSV (on a row whose reply cannot be read, and on a row that shows neither
   * command nor reply, which a problem quotes whole), and the argument of PASS in a Suricata event.
   * Its length kept it from being masked there, as it is kept from being masked as any word.
   */
  @Test
  void aShortPasswordIsMaskedWhereALogShowsItAsOne() throws IOException {
    String row = "1795467910.2\tC1\t10.0.0.1\t50122\t10.0.0.5\t21\talice\tq7z\t";
    String zeek =
        "#separator \\x09\n#path\tftp\n"
            + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tuser\tpassword"
            + "\tcommand\targ\treply_code\treply_msg\n"
            + row
            + "PASV\t-\t2x7\tEntering Passive Mode\n"
            + row
            + "-\t-\t-\t-\n";
    String eve =
        eve(0, "\"completion_code\":[\"220\"],\"reply\":[\"hi\"]")
            + eve(1, "\"command\":\"PASS\",\"command_data\":\"k9\",\"completion_code\":[\"5x0\"]");
    for (List<String> each :
        List.of(List.of("ftp.log", zeek, "q7z"), List.of("eve.json", eve, "k9"))) {
      Path input = temp.resolve(each.get(0));
      Files.writeString(input, each.get(1), StandardCharsets.UTF_8);
      for (String report : REPORTS) {
        Path out = temp.resolve("short." + report);
        CliRun run =
            CliRun.of(
                "check",
                "--explain-all",
                "--report",
                report,
                "-o",
                out.toString(),
                input.toString());
        String written = Files.readString(out) + run.err();
        assertThat(written).as("%s %s", each.get(0), report).doesNotContain(each.get(2));
        if (report.equals("html")) {
          assertThat(written).as(each.get(0)).contains("****");
        }
      }
    }
  }

  /** A row of Zeek's ftp.log written as JSON, of one connection, with the given fields. */
  private static String zeek(String fields) {
    return "{\"ts\":1795467910.1,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":5000,"
        + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":21,"
        + fields
        + "}\n";
  }

  /** An ftp event of Suricata's eve.json, of one flow, with the given fields of its ftp object. */
  static String eve(int tx, String ftp) {
    return "{\"timestamp\":\"2026-11-23T08:50:0"
        + tx
        + ".000000+0000\",\"flow_id\":1,\"event_type\":\"ftp\",\"src_ip\":\"10.0.0.7\","
        + "\"src_port\":50310,\"dest_ip\":\"10.0.0.2\",\"dest_port\":21,\"tx_id\":"
        + tx
        + ",\"ftp\":{"
        + ftp
        + "}}\n";
  }

  /**
   * Each way a password leaked before, through {@code check} in every report format (with every
   * reply explained and predicted), {@code simulate}, and the proxy's record read back: what the
   * masking hides where a client sends it is hidden wherever it comes back.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("leaks")
  void whatMaskingHidesStaysHiddenInEveryOutput(Leak leak) throws Exception {
    Path input = temp.resolve(leak.file());
    Files.writeString(input, leak.input(), StandardCharsets.UTF_8);
    if (leak.via().contains(Via.CHECK)) {
      for (String report : REPORTS) {
        Path out = temp.resolve("leak." + report);
        CliRun run =
            CliRun.of(
                "check",
                "--explain-all",
                "--predict",
                "--profile",
                "auto",
                "--report",
                report,
                "-o",
                out.toString(),
                input.toString());
        String written = Files.readString(out);
        assertThat(written + run.err()).as(report).doesNotContain(leak.hidden());
        if (report.equals("text")) {
          assertThat(written).contains(leak.shown());
        }
      }
    }
    List<String> commands =
        // lines end at LF alone: a bare CR stays in the command it was sent in
        Stream.of(leak.input().split("\n"))
            .filter(l -> l.startsWith("C: "))
            .map(l -> l.substring(3))
            .toList();
    if (leak.via().contains(Via.SIMULATE)) {
      Path script = temp.resolve(leak.file() + ".script");
      Files.writeString(script, String.join("\n", commands) + "\n", StandardCharsets.UTF_8);
      CliRun run = CliRun.of("simulate", "--profile", "all", script.toString());
      assertThat(run.out() + run.err()).doesNotContain(leak.hidden());
    }
    if (leak.via().contains(Via.PROXY)) {
      String record = throughProxy(commands, leak.hidden());
      assertThat(record).doesNotContain(leak.hidden());
      Path recorded = temp.resolve("recorded.txt");
      Files.writeString(recorded, record, StandardCharsets.UTF_8);
      CliRun run = CliRun.of("check", "--explain-all", recorded.toString());
      assertThat(run.out() + run.err()).doesNotContain(leak.hidden());
    }
  }

  /**
   * The commands sent through {@code ftpseq proxy} to an embedded Apache FtpServer, each line as it
   * stands (a bare CR in it too), each waiting for its reply; the session's record. What the proxy
   * prints has none of the hidden texts either.
   */
  private String throughProxy(List<String> commands, List<String> hidden) throws Exception {
    Path records = temp.resolve("records");
    try (EmbeddedFtpServer server =
        EmbeddedFtpServer.start(Files.createDirectories(temp.resolve("files")))) {
      ProxyRun proxy =
          ProxyRun.start(
              "--upstream",
              "127.0.0.1:" + server.port(),
              "--sessions",
              "1",
              "--record",
              records.toString());
      try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
        socket.setSoTimeout(10_000);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(in);
        for (String command : commands) {
          out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
          reply(in);
        }
        out.write("QUIT\r\n".getBytes(StandardCharsets.UTF_8));
        reply(in);
      }
      CliRun run = proxy.end();
      assertThat(run.out() + run.err()).doesNotContain(hidden);
    }
    return Files.readString(records.resolve("s1.transcript.txt"));
  }

  /** Reads one reply, to its last line. */
  private static void reply(BufferedReader in) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.length() >= 4 && line.charAt(3) == ' ' && Character.isDigit(line.charAt(0))) {
        return;
      }
    }
  }

  /**
   * The line's PASS command, found; null for a comment, a line without one, and a server's reply
   * that names the command ({@code 530 Log in with USER and PASS first.}), which holds no password.
   */
  private static Matcher pass(String line) {
    Matcher pass = PASS.matcher(line);
    if (line.startsWith("#")
        || !pass.find()
        || REPLY_CODE.matcher(line.substring(0, pass.start())).find()) {
      return null;
    }
    return pass;
  }

  static Stream<Path> samples() throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("samples"))) {
      for (Path sample : files.filter(Files::isRegularFile).sorted().toList()) {
        String text = Files.readString(sample, StandardCharsets.ISO_8859_1);
        if (!sample.toString().endsWith(".pcap") && text.lines().anyMatch(l -> pass(l) != null)) {
          found.add(sample);
        }
      }
    }
    return found.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void noSecretShapeReachesAnyReport(Path sample) throws IOException {
    Path input = temp.resolve(sample.getFileName());
    Files.writeString(input, withSecrets(sample), StandardCharsets.ISO_8859_1);

    List<List<String>> runs = new ArrayList<>();
    for (String report : List.of("text", "json", "junit", "sarif", "github", "markdown")) {
      runs.add(List.of("check", "--explain-all", "--report", report, input.toString()));
    }
    for (String language : List.of("fr", "ja")) {
      runs.add(List.of("check", "--explain-all", "--lang", language, input.toString()));
    }
    for (List<String> args : runs) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      for (String secret : SECRETS) {
        assertThat(run.out() + run.err()).as("%s in %s", secret, args).doesNotContain(secret);
      }
    }
  }

  /**
   * A password split off its PASS line at a lone CR (or a lone LF in a file of CR line ends), whole
   * or after its first characters, in every sample of every format: the line it is left on, which
   * its reader cannot read or leaves out, is masked whole in every report, and so is the server's
   * echo of it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void aPasswordSplitOffItsLineReachesNoReport(Path sample) throws IOException {
    String text = Files.readString(sample, StandardCharsets.ISO_8859_1);
    List<String> lines = text.lines().toList();
    int pass = 0;
    while (pass(lines.get(pass)) == null) {
      pass++;
    }
    // each split with the part left on a line of its own, which the server's reply echoes
    Map<String, String> splits =
        Map.of(
            "PASS\rSplit4text", "Split4text",
            "PASS sp\rlit4text", "lit4text",
            "PASS\nSplit4text", "Split4text");
    for (Map.Entry<String, String> each : splits.entrySet()) {
      String split = each.getKey();
      List<String> changed = new ArrayList<>(lines);
      changed.set(
          pass, PASS.matcher(lines.get(pass)).replaceFirst(Matcher.quoteReplacement(split)));
      if (pass + 1 < lines.size()) {
        changed.set(
            pass + 1,
            REPLY_CODE.matcher(lines.get(pass + 1)).replaceFirst("$1$2" + each.getValue() + " "));
      }
      String end = split.contains("\n") ? "\r" : "\n";
      Path input = temp.resolve(sample.getFileName());
      Files.writeString(input, String.join(end, changed) + end, StandardCharsets.ISO_8859_1);
      for (String report : REPORTS) {
        Path out = temp.resolve("split." + report);
        CliRun run =
            CliRun.of(
                "check",
                "--explain-all",
                "--report",
                report,
                "-o",
                out.toString(),
                input.toString());
        assertThat(Files.readString(out) + run.out() + run.err())
            .as("%s in %s", split, report)
            .doesNotContain("Split4text", "lit4text");
      }
    }
  }

  /**
   * A PASS line longer than any FTP line, its password of letters outside ASCII, in UTF-8 (cut
   * inside a character or not) and in Latin-1: the start of the line the problem quotes shows none
   * of the password, neither as it was written nor as the bytes of a cut character read as Latin-1.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\u00e9 UTF-8", "\u65e5 UTF-8", "\u00e9 ISO-8859-1"})
  void anOverlongPasswordOfNonAsciiLettersIsMaskedFromItsFirstLetter(String letterAndCharset)
      throws IOException {
    String letter = letterAndCharset.substring(0, 1);
    Charset charset = Charset.forName(letterAndCharset.substring(2));
    Path input = temp.resolve("overlong.txt");
    Files.write(
        input,
        ("S: 220 x\r\nC: USER alice\r\nS: 331 x\r\nC: PASS "
                + letter.repeat(1 << 20)
                + "\r\nS: 230 x\r\n")
            .getBytes(charset));
    for (String report : REPORTS) {
      Path out = temp.resolve("overlong." + report);
      CliRun run = CliRun.of("check", "--report", report, "-o", out.toString(), input.toString());
      assertThat(Files.readString(out) + run.out() + run.err())
          .as(report)
          .doesNotContain(letter, "\u00e6", "\u00c3");
      if (report.equals("text")) {
        assertThat(Files.readString(out)).contains("\"C: PASS ****...\"");
      }
    }
  }

  /**
   * The sample with, after its first PASS command, one line per secret shape in the same syntax,
   * the next reply echoing two of the secrets, and a stray line that tells a password in words.
   */
  private static String withSecrets(Path sample) throws IOException {
    List<String> lines =
        new ArrayList<>(Files.readString(sample, StandardCharsets.ISO_8859_1).lines().toList());
    for (int i = 0; i < lines.size(); i++) {
      Matcher pass = pass(lines.get(i));
      if (pass == null) {
        continue;
      }
      String line = lines.get(i);
      List<String> added = new ArrayList<>();
      for (String shape : SHAPES) {
        added.add(line.substring(0, pass.start()) + shape + line.substring(pass.end()));
      }
      if (i + 1 < lines.size()) {
        Matcher reply = REPLY_CODE.matcher(lines.get(i + 1));
        if (reply.find()) {
          String next = lines.get(i + 1);
          added.add(
              next.substring(0, reply.end())
                  + "wrong S3cr3t-tab and S3cr3t-colon, not S3cr3t-sp1 S3cr3t-sp2 "
                  + next.substring(reply.end()));
        }
      }
      added.add("my password is S3cr3t-said");
      added.add("~~ PASS:\"S3cr3t-q1 S3cr3t-q2\" ~~");
      lines.addAll(i + 1, added);
      break;
    }
    return String.join("\n", lines) + "\n";
  }

  /**
   * The server's reply text is shown as the server sent it, in every report and in the HTML
   * report's excerpt of the input: {@code 331 Password required for proftest} names no password,
   * though a password in words ({@code my password is ...}) does, on a line that is no reply.
   */
  @Test
  void replyTextIsNotReadAsAPasswordInWords() throws IOException {
    Path input = temp.resolve("proftpd.txt");
    Files.writeString(
        input,
        """
        S: 220 ProFTPD Server
        C: USER proftest
        S: 331 Password required for proftest
        C: PASS S3cr3t-pass
        S: 530 Login incorrect.
        S: 33x Password required for again
        my password is S3cr3t-said
        C: QUIT
        S: 221 Goodbye.
        """);
    for (String report : List.of("text", "json", "junit", "sarif", "github", "markdown", "html")) {
      Path out = temp.resolve("report." + report);
      CliRun run =
          CliRun.of(
              "check", "--explain-all", "--report", report, "-o", out.toString(), input.toString());
      String written = Files.readString(out);
      assertThat(run.err()).as(report).isEmpty();
      assertThat(written).as(report).doesNotContain("Password ****", "S3cr3t");
      if (!report.equals("markdown")) { // it counts problems, it does not list them
        assertThat(written).as(report).contains("Password required for again");
      }
      if (List.of("text", "json", "html").contains(report)) { // the others list no replies
        assertThat(written).as(report).contains("Password required for proftest");
      }
    }
  }

  /** An unknown word is masked as free text in check and simulate alike; a known verb is not. */
  @Test
  void checkAndSimulateMaskACommandLineAlike() throws IOException {
    Path transcript = temp.resolve("words.txt");
    Files.writeString(
        transcript,
        "S: 220 x\nC: USER alice\nS: 331 x\nC: password Leak1\nS: 500 x\nC: PASS p\nS: 230 x\n"
            + "C: RETR password.txt\nS: 425 x\n");
    Path script = temp.resolve("words.script");
    Files.writeString(script, "USER alice\npassword Leak1\nPASS p\nRETR password.txt\n");

    CliRun check = CliRun.of("check", "--explain-all", transcript.toString());
    CliRun simulate = CliRun.of("simulate", "--profile", "vsftpd", script.toString());

    for (CliRun run : List.of(check, simulate)) {
      assertThat(run.out())
          .contains("PASSWORD ****", "RETR password.txt")
          .doesNotContain("Leak1", "password.****");
    }
  }

  /**
   * A password on a line before the PASS that shows it to be one: a user name that is the password,
   * a password typed at the user prompt and echoed back, in sessions read one after the other and
   * interleaved. A session's report is written once the session ends, when its secrets are all
   * known, so they are masked on those lines too: on the reading thread ({@code --threads 1}) and
   * beside it, each input on a thread of its own.
   */
  @ParameterizedTest(name = "--threads {0}")
  @ValueSource(strings = {"1", "2", "4"})
  void aPasswordOnALineBeforeItsPassIsMaskedInEveryReport(String threads) throws IOException {
    Path dialogue = temp.resolve("before-pass.txt");
    Files.writeString(
        dialogue,
        """
        S: 220 ProFTPD Server
        C: USER Twin-7
        S: 331 Password required for Twin-7
        C: PASS Twin-7
        S: 530 Login incorrect.
        C: USER alice
        S: 331 Password required for alice
        C: wonderland
        S: 500 wonderland: command not understood
        C: PASS wonderland
        S: 230 User alice logged in
        C: QUIT
        S: 221 Goodbye.
        """);
    Path vsftpd = temp.resolve("vsftpd.log");
    String a = "Mon Nov 23 06:40:23 2026 [pid 101] ";
    String b = "Mon Nov 23 06:40:24 2026 [pid 202] ";
    Files.writeString(
        vsftpd,
        a
            + "CONNECT: Client \"10.0.0.1\"\n"
            + a
            + "FTP response: Client \"10.0.0.1\", \"220 (vsFTPd 3.0.3)\"\n"
            + a
            + "FTP command: Client \"10.0.0.1\", \"USER Twin-8\"\n"
            + a
            + "[Twin-8] FTP response: Client \"10.0.0.1\", \"331 Please specify the password.\"\n"
            + b
            + "CONNECT: Client \"10.0.0.2\"\n"
            + b
            + "FTP response: Client \"10.0.0.2\", \"220 (vsFTPd 3.0.3)\"\n"
            + b
            + "FTP command: Client \"10.0.0.2\", \"USER bob\"\n"
            + b
            + "[bob] FTP response: Client \"10.0.0.2\", \"331 Please specify the password.\"\n"
            + b
            + "[bob] FTP command: Client \"10.0.0.2\", \"PASS bob-pw\"\n"
            + b
            + "[bob] FTP response: Client \"10.0.0.2\", \"230 Login successful.\"\n"
            + a
            + "[Twin-8] FTP command: Client \"10.0.0.1\", \"PASS Twin-8\"\n"
            + a
            + "[Twin-8] FTP response: Client \"10.0.0.1\", \"530 Login incorrect.\"\n"
            + a
            + "FTP command: Client \"10.0.0.1\", \"RNTO x\"\n"
            + a
            + "FTP response: Client \"10.0.0.1\", \"503 RNFR required first.\"\n");

    for (String report : List.of("text", "json", "junit", "sarif", "github", "markdown", "html")) {
      Path out = temp.resolve(threads + "." + report);
      CliRun run =
          CliRun.of(
              "check",
              "--explain-all",
              "--threads",
              threads,
              "--report",
              report,
              "-o",
              out.toString(),
              dialogue.toString(),
              vsftpd.toString());
      String written = Files.readString(out);
      assertThat(run.err()).as(report).isEmpty();
      assertThat(written)
          .as(report)
          .doesNotContain("Twin-7", "Twin-8", "bob-pw")
          .doesNotContainIgnoringCase("wonderland");
      if (report.equals("text")) {
        assertThat(written)
            .contains(
                "before-pass.txt:3: reply 331 Password required for ****",
                "PASS was sent after **** (line 8)",
                "before-pass.txt:9: reply 500 ****: command not understood");
      }
    }
  }

  /**
   * A prediction names what the commands sent, as the profile's reply text does ({@code 331
   * Password required for {user}}): a user name that is the password, seen before the PASS that
   * shows it, is masked in the predicted replies of every report too.
   */
  @ParameterizedTest(name = "--threads {0}")
  @ValueSource(strings = {"1", "2"})
  void aUserNameThatIsThePasswordIsMaskedInPredictedReplies(String threads) throws IOException {
    Path dialogue = temp.resolve("user-is-password.txt");
    Files.writeString(
        dialogue,
        """
        S: 220 ProFTPD Server
        C: USER Twin-9
        S: 331 Password required
        C: PASS Twin-9
        S: 230 Logged in
        C: USER Twin-9
        S: 503 No
        """);
    for (String report : List.of("text", "json", "html", "markdown", "sarif", "junit")) {
      Path out = temp.resolve(threads + "-predicted." + report);
      CliRun run =
          CliRun.of(
              "check",
              "--predict",
              "--profile",
              "proftpd",
              "--threads",
              threads,
              "--report",
              report,
              "-o",
              out.toString(),
              dialogue.toString());
      String written = Files.readString(out);
      assertThat(run.err()).as(report).isEmpty();
      assertThat(written).as(report).doesNotContain("Twin-9");
      if (List.of("text", "json", "html").contains(report)) { // the others list no predictions
        assertThat(written).as(report).contains("Password required for ****");
      }
    }
  }
}
