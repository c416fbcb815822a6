package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.PrintCommandListener;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Commons Net clients against a real Apache FtpServer: what {@code PrintCommandListener}
 * prints is read back and checked. With {@code -Dftpseq.recordSamples=true} the recordings are also
 * written to {@code samples/commons-net/}, which is how those samples were made.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommonsNetListenerLogTest {

  @TempDir Path temp;
  private EmbeddedFtpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = EmbeddedFtpServer.start(temp.resolve("home"));
    Files.writeString(temp.resolve("home/report.csv"), "id,value\n1,42\n");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void cleanClientSessionHasNoFindings() throws IOException {
    String log = record(false, this::cleanSession);
    SessionCheck session = check(log);
    assertThat(session.format()).isEqualTo("commons-net");
    assertThat(session.start()).isEqualTo(SessionCheck.Start.COMPLETE);
    assertThat(session.problems()).isEmpty();
    assertThat(session.findings()).isEmpty();
    save("apache-ftpserver-clean.log", log);
  }

  @Test
  void outOfOrderClientIsFlaggedAtTheRightLines() throws IOException {
    String log = record(true, this::outOfOrderSession);
    SessionCheck session = check(log);
    assertThat(session.problems()).isEmpty();
    List<String> lines = log.lines().toList();
    assertThat(session.findings())
        .extracting(f -> f.rule().name())
        .contains("PASS_WITHOUT_USER", "RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL");
    for (var finding : session.findings()) {
      String line = lines.get((int) finding.source().line() - 1);
      String expected =
          finding.rule().isClientRule()
              ? "> " + finding.command().word()
              : "< " + finding.reply().code();
      assertThat(line).as(finding.rule().name()).startsWith(expected);
    }
    save("apache-ftpserver-out-of-order.log", log);
  }

  private interface Session {
    void run(FTPClient client) throws IOException;
  }

  private void cleanSession(FTPClient client) throws IOException {
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    client.listFiles();
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    client.retrieveFile("report.csv", content);
    client.storeFile(
        "upload.txt", new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)));
    client.rename("upload.txt", "uploaded.txt");
    client.setRestartOffset(3);
    client.retrieveFile("report.csv", new ByteArrayOutputStream());
    client.logout();
  }

  private void outOfOrderSession(FTPClient client) throws IOException {
    client.sendCommand("PASS", EmbeddedFtpServer.PASSWORD);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.sendCommand("RNTO", "renamed.csv");
    client.sendCommand("RETR", "report.csv");
    client.logout();
  }

  /** Runs a session with a listener printing to a string, as applications usually set it up. */
  private String record(boolean showDirection, Session session) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter printer = new PrintWriter(bytes, true, StandardCharsets.UTF_8);
    FTPClient client = new FTPClient();
    client.setDefaultTimeout(10_000);
    client.setConnectTimeout(10_000);
    client.addProtocolCommandListener(
        new PrintCommandListener(printer, !showDirection, (char) 0, showDirection));
    client.connect("127.0.0.1", server.port());
    try {
      session.run(client);
    } finally {
      client.disconnect();
    }
    printer.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static SessionCheck check(String log) throws IOException {
    TranscriptChecker checker = new TranscriptChecker(ServerProfiles.RFC, null);
    InputStream in = new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8));
    TranscriptChecker.Result result = checker.check("recorded.log", in);
    assertThat(result.unreadable()).isNull();
    assertThat(result.sessions()).hasSize(1);
    return result.sessions().get(0);
  }

  private static void save(String name, String log) throws IOException {
    if (Boolean.getBoolean("ftpseq.recordSamples")) {
      Path target = Path.of("samples/commons-net", name);
      Files.createDirectories(target.getParent());
      Files.writeString(target, log);
    }
  }

  @Test
  void commandShapeIsThePatternsOnEveryLine() throws IOException {
    java.util.regex.Pattern command =
        io.ftpseq.protocol.LinePatterns.compile("^[A-Za-z]{3,8}([ \\t].*)?$");
    List<String> lines = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.walk(Path.of("samples"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
      }
    }
    java.util.Random random = new java.util.Random(20261129);
    String marks = "ABCDEFGHIJ xyz\t\r\n\u0085\u2028\u20291-";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int n = random.nextInt(14); n > 0; n--) {
        line.append(marks.charAt(random.nextInt(marks.length())));
      }
      lines.add(line.toString());
    }
    int commands = 0;
    for (String line : lines) {
      boolean expected = command.matcher(line).matches();
      assertThat(CommonsNetListenerLog.looksLikeCommand(line)).as(line).isEqualTo(expected);
      commands += expected ? 1 : 0;
    }
    assertThat(commands).isGreaterThan(1_000);
  }
}
