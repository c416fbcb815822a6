package io.ftpseq.transcript.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ftpseq.profile.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * A capture this project makes itself: tcpdump records the loopback control connection while a
 * Commons Net client talks to the embedded Apache FtpServer, and the capture must give the same
 * findings as the client's own listener log of the same session. Skipped when tcpdump is missing or
 * may not capture. With {@code -Dftpseq.recordSamples=true} the captures are also written to {@code
 * samples/pcap/}, which is how those samples were made.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopbackCaptureTest {

  private static final Path TCPDUMP = Path.of("/usr/bin/tcpdump");

  /** A UDP port on lo whose datagrams show that tcpdump has started capturing. */
  private static final int MARKER_PORT = 9;

  /** The size of a pcap file's header, before its first packet. */
  private static final int PCAP_HEADER = 24;

  @TempDir Path temp;
  private EmbeddedFtpServer server;

  @BeforeEach
  void startServer() throws Exception {
    assumeTrue(Files.isExecutable(TCPDUMP), "tcpdump is not installed: loopback capture skipped");
    server = EmbeddedFtpServer.start(temp.resolve("home"));
    Files.writeString(temp.resolve("home/report.csv"), "id,value\n1,42\n");
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void cleanSessionCaptureMatchesTheClientLog() throws Exception {
    Recording r = record(this::cleanSession);
    assertThat(r.capture().findings()).isEmpty();
    assertThat(r.capture().problems()).isEmpty();
    assertSameFindings(r);
    save(r.file(), "apache-ftpserver-clean.pcap");
  }

  @Test
  void outOfOrderSessionCaptureMatchesTheClientLog() throws Exception {
    Recording r = record(this::outOfOrderSession);
    assertThat(r.capture().findings())
        .extracting(f -> f.rule().name())
        .contains("PASS_WITHOUT_USER", "RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL");
    assertSameFindings(r);
    save(r.file(), "apache-ftpserver-out-of-order.pcap");
  }

  private record Recording(Path file, SessionCheck capture, SessionCheck log) {}

  private interface Session {
    void run(FTPClient client) throws IOException;
  }

  private static void assertSameFindings(Recording r) {
    assertThat(r.capture().session()).endsWith(":" + r.capture().session().replaceAll(".*:", ""));
    assertThat(r.capture().commands()).isEqualTo(r.log().commands());
    assertThat(r.capture().replies()).isEqualTo(r.log().replies());
    assertThat(r.capture().findings())
        .extracting(f -> f.rule().name() + " " + f.command().text() + " " + f.reply())
        .containsExactlyElementsOf(
            r.log().findings().stream()
                .map(f -> f.rule().name() + " " + f.command().text() + " " + f.reply())
                .toList());
  }

  private Recording record(Session session) throws Exception {
    Path file = temp.resolve("capture.pcap");
    Process tcpdump =
        new ProcessBuilder(
                TCPDUMP.toString(),
                "-i",
                "lo",
                "-U",
                // without it packets wait in the kernel's buffer and are lost when tcpdump stops
                "--immediate-mode",
                "-n",
                // keep root: tcpdump's own user may not write into the test's temporary folder
                "-Z",
                "root",
                "-w",
                file.toString(),
                "tcp port " + server.port() + " or udp port " + MARKER_PORT)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    CountDownLatch listening = new CountDownLatch(1);
    Thread watcher = new Thread(() -> watch(tcpdump.getErrorStream(), listening));
    watcher.setDaemon(true);
    watcher.start();
    String log;
    SessionCheck fromLog;
    try {
      assumeTrue(listening.await(10, TimeUnit.SECONDS), "tcpdump could not capture on lo");
      awaitCapturing(file);
      log = talk(session);
      fromLog = check("client.log", log.getBytes(StandardCharsets.UTF_8));
      awaitCaptured(file, fromLog);
    } finally {
      tcpdump.destroy();
      tcpdump.waitFor(10, TimeUnit.SECONDS);
    }
    return new Recording(file, check("capture.pcap", Files.readAllBytes(file)), fromLog);
  }

  /**
   * Waits until tcpdump really captures: "listening on" comes before the capture starts, so
   * datagrams go to a port nobody listens on until one of them is in the file.
   */
  private static void awaitCapturing(Path file) throws IOException, InterruptedException {
    byte[] marker = "ftpseq capture marker".getBytes(StandardCharsets.US_ASCII);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (DatagramSocket socket = new DatagramSocket()) {
      while (!Files.exists(file) || Files.size(file) <= PCAP_HEADER) {
        assumeTrue(System.nanoTime() < deadline, "tcpdump captured nothing on lo in 10 s");
        socket.send(
            new DatagramPacket(
                marker, marker.length, InetAddress.getLoopbackAddress(), MARKER_PORT));
        Thread.sleep(20);
      }
    }
  }

  /**
   * Waits until the capture holds the whole session, as many commands and replies as the client's
   * log, instead of guessing how long tcpdump takes to write them.
   */
  private static void awaitCaptured(Path file, SessionCheck log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      List<SessionCheck> sessions =
          new TranscriptChecker(ServerProfiles.RFC, null)
              .check("capture.pcap", new ByteArrayInputStream(Files.readAllBytes(file)))
              .sessions();
      if (sessions.size() == 1
          && sessions.get(0).commands() == log.commands()
          && sessions.get(0).replies() == log.replies()) {
        return;
      }
      Thread.sleep(50);
    }
  }

  private static void watch(InputStream stderr, CountDownLatch listening) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.contains("listening on")) {
          listening.countDown();
        }
      }
    } catch (IOException e) {
      // tcpdump ended; the latch stays closed and the test is skipped
    }
  }

  private String talk(Session session) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter printer = new PrintWriter(bytes, true, StandardCharsets.UTF_8);
    FTPClient client = new FTPClient();
    client.setDefaultTimeout(10_000);
    client.setConnectTimeout(10_000);
    client.addProtocolCommandListener(new PrintCommandListener(printer, false, (char) 0, true));
    client.connect("127.0.0.1", server.port());
    try {
      session.run(client);
    } finally {
      client.disconnect();
    }
    printer.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void cleanSession(FTPClient client) throws IOException {
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    client.listFiles();
    client.retrieveFile("report.csv", new ByteArrayOutputStream());
    client.storeFile(
        "upload.txt", new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)));
    client.rename("upload.txt", "uploaded.txt");
    client.logout();
  }

  private void outOfOrderSession(FTPClient client) throws IOException {
    client.sendCommand("PASS", EmbeddedFtpServer.PASSWORD);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.sendCommand("RNTO", "renamed.csv");
    client.sendCommand("RETR", "report.csv");
    client.logout();
  }

  private static SessionCheck check(String name, byte[] input) throws IOException {
    TranscriptChecker.Result result =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check(name, new ByteArrayInputStream(input));
    assertThat(result.unreadable()).isNull();
    List<SessionCheck> sessions = result.sessions();
    assertThat(sessions).hasSize(1);
    return sessions.get(0);
  }

  private static void save(Path capture, String name) throws IOException {
    if (Boolean.getBoolean("ftpseq.recordSamples")) {
      Path target = Path.of("samples/pcap", name);
      Files.createDirectories(target.getParent());
      Files.copy(capture, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
