package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/**
 * A proxy on 127.0.0.1 and a free port in front of a real server (the embedded Apache FtpServer or
 * a Debian server), recording into a temporary directory, with every event it told kept.
 */
final class ProxyRig implements AutoCloseable {

  final FtpProxy proxy;
  final String user;
  final String password;
  final Path files;
  final Path records;
  private final CollectedEvents events;
  private final Closeable ownedServer;

  private ProxyRig(
      FtpProxy proxy,
      String user,
      String password,
      Path files,
      Path records,
      CollectedEvents events,
      Closeable owned) {
    this.proxy = proxy;
    this.user = user;
    this.password = password;
    this.files = files;
    this.records = records;
    this.events = events;
    this.ownedServer = owned;
  }

  /** A proxy in front of a new embedded server whose files live in {@code dir/files}. */
  static ProxyRig embedded(Path dir, UnaryOperator<ProxySettings.Builder> settings)
      throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    EmbeddedFtpServer server = EmbeddedFtpServer.start(files);
    try {
      return start(
          server.port(),
          EmbeddedFtpServer.USER,
          EmbeddedFtpServer.PASSWORD,
          files,
          dir,
          settings,
          server::close);
    } catch (Exception e) {
      server.close();
      throw e;
    }
  }

  /** A proxy with default settings in front of a scripted server, which the caller stops. */
  static ProxyRig over(ScriptedServer server, Path dir) throws Exception {
    return start(server.port(), "user", "password", dir, dir, UnaryOperator.identity(), null);
  }

  /** A proxy in front of a running server, which the caller stops. */
  static ProxyRig over(
      FtpServerUnderTest server, Path dir, UnaryOperator<ProxySettings.Builder> settings)
      throws Exception {
    return start(
        server.port(),
        server.user(),
        server.password(),
        server.dataDirectory(),
        dir,
        settings,
        null);
  }

  private static ProxyRig start(
      int serverPort,
      String user,
      String password,
      Path files,
      Path dir,
      UnaryOperator<ProxySettings.Builder> settings,
      Closeable owned)
      throws IOException {
    Path records = dir.resolve("records");
    CollectedEvents events = new CollectedEvents();
    ProxySettings chosen =
        settings
            .apply(
                ProxySettings.builder(
                        new InetSocketAddress("127.0.0.1", 0),
                        new InetSocketAddress("127.0.0.1", serverPort))
                    .recordTo(records))
            .build();
    return new ProxyRig(
        FtpProxy.start(chosen, events), user, password, files, records, events, owned);
  }

  int port() {
    return proxy.address().getPort();
  }

  /** A Commons Net client connected through the proxy and logged in, binary, passive. */
  FTPClient login() throws IOException {
    FTPClient client = new FTPClient();
    client.setControlEncoding("UTF-8"); // the proxy's explanations are UTF-8, as RFC 2640 has it
    client.setDefaultTimeout(10_000);
    client.setConnectTimeout(10_000);
    client.setDataTimeout(Duration.ofSeconds(10));
    client.connect("127.0.0.1", port());
    assertThat(client.login(user, password)).as(client.getReplyString()).isTrue();
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    return client;
  }

  /** A file of random bytes in the server's directory. */
  byte[] serverFile(String name, int size) throws IOException {
    byte[] bytes = randomBytes(size, name.hashCode());
    Files.write(files.resolve(name), bytes);
    return bytes;
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Waits until {@code count} sessions have ended. */
  void awaitClosed(int count) throws InterruptedException {
    assertThat(proxy.awaitClosed(count, Duration.ofSeconds(20)))
        .as("%d session(s) closed", count)
        .isTrue();
  }

  /** The findings reported live for a session, as {@code RULE@line}, in order of position. */
  List<String> liveFindings(String session) {
    return events().findings().stream()
        .filter(f -> f.session().equals(session))
        .map(CollectedEvents.Live::finding)
        .sorted(Finding.BY_POSITION)
        .map(ProxyRig::shown)
        .toList();
  }

  /** The findings {@code ftpseq check} gives for the session's recorded transcript. */
  List<String> recordedFindings(String session) throws IOException {
    return recordedCheck(session).findings().stream()
        .sorted(Comparator.comparing((Finding f) -> f.source().line()))
        .map(ProxyRig::shown)
        .toList();
  }

  /** What {@code ftpseq check} gives for the session's recorded transcript. */
  SessionCheck recordedCheck(String session) throws IOException {
    Path transcript = records.resolve(session + RecordDirectory.TRANSCRIPT);
    try (InputStream in = Files.newInputStream(transcript)) {
      TranscriptChecker.Result result =
          new TranscriptChecker(proxy.settings().profile(), null, null).check(session, in);
      assertThat(result.sessions()).hasSize(1);
      return result.sessions().get(0);
    }
  }

  String transcript(String session) throws IOException {
    return Files.readString(records.resolve(session + RecordDirectory.TRANSCRIPT));
  }

  CollectedEvents events() {
    return events;
  }

  private static String shown(Finding finding) {
    return finding.rule().name() + "@" + finding.source().line();
  }

  @Override
  public void close() throws IOException {
    proxy.close();
    if (ownedServer != null) {
      ownedServer.close();
    }
  }
}
