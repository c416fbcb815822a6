package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ftpseq proxy} as a CI job runs it: {@code --sessions 1}, a real client, the exit code
 * following {@code --fail-on}, the findings on standard output with the session id, and the records
 * that {@code ftpseq check} reads back to the same findings.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProxyCommandTest {

  @TempDir Path dir;
  private EmbeddedFtpServer server;

  @BeforeEach
  void server() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(files.resolve("report.csv"), "id,value\n1,42\n");
    server = EmbeddedFtpServer.start(files);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String upstream() {
    return "127.0.0.1:" + server.port();
  }

  @Test
  void outOfOrderClientFailsTheRunAndItsRecordChecksTheSame() throws Exception {
    Path records = dir.resolve("records");
    Path junit = dir.resolve("proxy-junit.xml");
    ProxyRun proxy =
        ProxyRun.start(
            "--upstream",
            upstream(),
            "--sessions",
            "1",
            "--record",
            records.toString(),
            "--report",
            "json",
            "--report",
            "junit",
            "-o",
            junit.toString(),
            "--lang",
            "en");
    int port = proxy.port();
    curl(port, "", "-Q", "RNTO x");
    CliRun run = proxy.end();

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
    String finding = "s1:9: error RNTO_WITHOUT_RNFR: RNTO was sent, but the command just before it";
    assertThat(run.out()).contains(finding).contains("  why: RFC 959 §4.1.3");
    assertThat(run.err())
        .contains("ftpseq proxy: listening on 127.0.0.1:" + port + ", relaying to " + upstream())
        .contains("ftpseq proxy: s1: opened by 127.0.0.1:")
        .contains("ftpseq proxy: s1: closed (");
    assertThat(run.out()).contains("ftpseq proxy: 1 session(s) in 1 input(s): 1 error(s)");
    assertThat(Files.readString(records.resolve("s1.report.json")))
        .contains("\"RNTO_WITHOUT_RNFR\"");
    assertThat(Files.readString(junit)).contains("<failure").contains("RNTO_WITHOUT_RNFR");
    assertThat(records.resolve("s1.transcript.txt")).exists();

    CliRun check =
        CliRun.of("check", "--lang", "en", records.resolve("s1.transcript.txt").toString());
    assertThat(check.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(check.out()).contains(records.resolve("s1.transcript.txt") + finding.substring(2));
  }

  @Test
  void cleanClientPassesAndStrictRefusalFailsLikeCheck() throws Exception {
    ProxyRun clean = ProxyRun.start("--upstream", upstream(), "--sessions", "1");
    Path got = dir.resolve("got.csv");
    curl(clean.port(), "report.csv", "-o", got.toString());
    CliRun cleanRun = clean.end();
    assertThat(cleanRun.exitCode()).as(cleanRun.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(got)).isEqualTo("id,value\n1,42\n");
    assertThat(cleanRun.out()).contains("1 session(s) in 1 input(s): 0 error(s)");

    ProxyRun strict =
        ProxyRun.start("--upstream", upstream(), "--sessions", "1", "--strict", "--lang", "en");
    String curl = curl(strict.port(), "", "-v", "-Q", "RNTO x");
    CliRun strictRun = strict.end();
    assertThat(curl).contains("< 503-ftpseq proxy did not forward \"RNTO x\"");
    assertThat(strictRun.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(strictRun.out())
        .contains("error RNTO_WITHOUT_RNFR (answered by the proxy, not forwarded)")
        .contains("not forwarded: the proxy answered 503");
  }

  @Test
  void badOptionsAreOneLineUsageErrors() {
    assertThat(CliRun.of("proxy", "--upstream", "127.0.0.1:99999").err())
        .startsWith("ftpseq: not a port: \"99999\"");
    assertThat(CliRun.of("proxy", "--upstream", upstream(), "--data-ports", "80-90").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("proxy", "--upstream", upstream(), "--idle-timeout", "soon").err())
        .contains("a duration is a positive number with ms, s, m or h");
    assertThat(CliRun.of("proxy", "--upstream", upstream(), "--strict=info").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    // report outputs are checked as check checks them, before any client is served
    assertThat(
            CliRun.of("proxy", "--upstream", upstream(), "--report", "json", "-o", "nodir/p.json")
                .err())
        .startsWith("ftpseq: --output nodir/p.json: the directory ");
    assertThat(
            CliRun.of(
                    "proxy",
                    "--upstream",
                    upstream(),
                    "--report",
                    "json",
                    "-o",
                    "same.json",
                    "--report",
                    "sarif",
                    "-o",
                    "same.json")
                .exitCode())
        .isEqualTo(ExitCodes.USAGE);
    ProxyCommand command = new ProxyCommand();
    assertThat(CliRun.of("proxy", "--upstream", upstream(), "--tls-keystore", "k.p12").err())
        .startsWith("ftpseq: --tls-keystore needs the keystore password in FTPSEQ_TLS_PASSWORD");
    assertThat(command.listen).isEqualTo("127.0.0.1:2121");
  }

  @Test
  void anAddressInUseIsReportedInOneLine() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      CliRun run =
          CliRun.of(
              "proxy", "--upstream", upstream(), "--listen", "127.0.0.1:" + taken.getLocalPort());
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err().strip())
          .startsWith("ftpseq: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .doesNotContain("\n");
    }
  }

  @Test
  void interruptClosesEverySessionFlushesTheRecordsAndExitsByTheFindings() throws Exception {
    Path records = dir.resolve("records");
    Process proxy =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "proxy",
                "--upstream",
                upstream(),
                "--listen",
                "127.0.0.1:0",
                "--record",
                records.toString(),
                "--lang",
                "en")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader output =
          new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
      int port = -1;
      String line;
      while (port < 0 && (line = output.readLine()) != null) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      try (Client client = Client.greeted(port)) {
        client.send("USER alice\r\nPASS wonderland\r\nRNTO x\r\n");
        BufferedReader replies = client.replies();
        assertThat(List.of(replies.readLine(), replies.readLine(), replies.readLine()))
            .extracting(r -> r.substring(0, 3))
            .containsExactly("331", "230", "503");
        new ProcessBuilder("kill", "-" + interruptSignal(), Long.toString(proxy.pid()))
            .start()
            .waitFor();
        assertThat(replies.readLine()).startsWith("421 ftpseq proxy: the proxy is shutting down");
      }
      assertThat(proxy.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String rest = readAll(output);
      assertThat(proxy.exitValue()).as(rest).isEqualTo(ExitCodes.FINDINGS);
      String transcript = Files.readString(records.resolve("s1.transcript.txt"));
      // the finding points at the RNTO line of the session's own record
      long rnto = transcript.lines().takeWhile(l -> !l.equals("C: RNTO x")).count() + 1;
      assertThat(rest)
          .contains("s1:" + rnto + ": error RNTO_WITHOUT_RNFR")
          .contains("1 session(s)");
      assertThat(transcript)
          .contains("C: RNTO x")
          .endsWith("S: 421 ftpseq proxy: the proxy is shutting down; closing the session.\n");
      assertThat(records.resolve("s1.report.txt")).exists();
    } finally {
      proxy.destroyForcibly(); // a failed step leaves no proxy running
    }
  }

  /**
   * INT, as Ctrl-C sends; or TERM, which ends the proxy the same way, when this JVM was started
   * with SIGINT ignored, as a non-interactive shell starts background jobs ({@code mvn verify &}):
   * the proxy started from here inherits that, and the JVM then leaves SIGINT ignored.
   */
  private static String interruptSignal() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (Files.isReadable(status)) {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("SigIgn:")
            && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0) {
          return "TERM";
        }
      }
    }
    return "INT";
  }

  @Test
  void aPasswordTheServerEchoesIsMaskedInWhatTheProxyPrintsRecordsAndReports() throws Exception {
    String secret = "s3cret-pw";
    Path records = dir.resolve("records");
    Path html = dir.resolve("proxy.html");
    Path markdown = dir.resolve("proxy.md");
    try (java.net.ServerSocket echoing =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Thread serverThread = new Thread(() -> echoPasswords(echoing), "echoing-server");
      serverThread.setDaemon(true);
      serverThread.start();
      ProxyRun proxy =
          ProxyRun.start(
              "--upstream",
              "127.0.0.1:" + echoing.getLocalPort(),
              "--sessions",
              "1",
              "--record",
              records.toString(),
              "--report",
              "json",
              "--report",
              "html",
              "-o",
              html.toString(),
              "--report",
              "markdown",
              "-o",
              markdown.toString(),
              "--lang",
              "en");
      try (Client client = Client.greeted(proxy.port())) {
        client.send("USER bob\r\nPASS " + secret + "\r\nRNTO x\r\nQUIT\r\n");
        assertThat(readAll(client.replies())).contains("530 Login incorrect for " + secret);
      }
      CliRun run = proxy.end();
      assertThat(run.out()).contains("error RNTO_WITHOUT_RNFR").doesNotContain(secret);
      assertThat(run.err()).doesNotContain(secret);
      assertThat(Files.readString(html)).contains("RNTO_WITHOUT_RNFR").doesNotContain(secret);
      assertThat(Files.readString(markdown)).contains("RNTO_WITHOUT_RNFR").doesNotContain(secret);
      assertThat(Files.readString(records.resolve("s1.report.json")))
          .contains("\"RNTO_WITHOUT_RNFR\"", "\"read\"")
          .doesNotContain(secret);
      assertThat(Files.readString(records.resolve("s1.transcript.txt")))
          .contains("S: 530 Login incorrect for ****")
          .doesNotContain(secret);
    }
  }

  /** A server that echoes the password in its 530, and again in a 503. */
  private static void echoPasswords(java.net.ServerSocket listener) {
    try (Socket socket = listener.accept()) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      out.write("220 echoing\r\n".getBytes(StandardCharsets.US_ASCII));
      String password = "";
      String line;
      while ((line = in.readLine()) != null) {
        String reply =
            switch (line.split(" ", -1)[0]) {
              case "USER" -> "331 password please";
              case "PASS" -> "530 Login incorrect for " + (password = line.substring(5));
              case "QUIT" -> "221 bye";
              default -> "503 Bad sequence of commands (" + password + ")";
            };
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        if (line.equals("QUIT")) {
          return;
        }
      }
    } catch (IOException e) {
      // the proxy went away
    }
  }

  /** A client connected to the proxy that has read the server's greeting. */
  private record Client(Socket socket, BufferedReader replies) implements AutoCloseable {

    static Client greeted(int port) throws IOException {
      Socket socket = new Socket("127.0.0.1", port);
      try {
        socket.setSoTimeout(20_000);
        BufferedReader replies =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertThat(replies.readLine()).startsWith("220");
        return new Client(socket, replies);
      } catch (IOException | RuntimeException | Error e) {
        socket.close();
        throw e;
      }
    }

    /** Sends command lines, each ending in CR LF. */
    void send(String lines) throws IOException {
      socket.getOutputStream().write(lines.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static String readAll(BufferedReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** Runs curl against the proxy as alice for the path (the home when empty). */
  private String curl(int port, String path, String... options) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of("curl", "-sS", "-u", "alice:wonderland"));
    command.addAll(List.of(options));
    command.add("ftp://127.0.0.1:" + port + "/" + path);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return output;
  }
}
