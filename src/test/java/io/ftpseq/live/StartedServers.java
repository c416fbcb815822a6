package io.ftpseq.live;

import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.net.ftp.FTPClient;

/**
 * The real servers of one test class, each started when a test first needs it and stopped with
 * {@link #close()} after the class, so a parameterised class starts each server once. Every server
 * holds {@code report.csv}.
 */
final class StartedServers implements AutoCloseable {

  private final Path home;
  private final Map<RealServer, FtpServerUnderTest> started = new EnumMap<>(RealServer.class);

  StartedServers(Path home) {
    this.home = home;
  }

  /** The running server of this kind; skips (or fails, when servers are required) if missing. */
  synchronized FtpServerUnderTest get(RealServer kind) throws Exception {
    FtpServerUnderTest server = started.get(kind);
    if (server == null) {
      server = kind.startOrSkip(Files.createDirectories(home.resolve(kind.label())));
      Files.writeString(server.dataDirectory().resolve("report.csv"), ServerFixture.REPORT);
      started.put(kind, server);
    }
    return server;
  }

  @Override
  public synchronized void close() {
    started.values().forEach(FtpServerUnderTest::close);
    started.clear();
  }

  static void connect(FTPClient client, FtpServerUnderTest server) throws IOException {
    client.setDefaultTimeout(10_000);
    client.setConnectTimeout(10_000);
    client.connect(server.host(), server.port());
  }

  /**
   * The careless download: RETR without PASV. pyftpdlib answers 150 and then waits for a data
   * connection, Pure-FTPd tries the default data port before it answers at all; a short data and
   * reply timeout ends the wait, and the command was recorded before it went out.
   */
  static void downloadWithoutWaiting(ReportUploader careless, FTPClient client) throws IOException {
    client.setDataTimeout(Duration.ofSeconds(2));
    client.setSoTimeout(2_000);
    try {
      careless.download("report.csv");
    } catch (SocketTimeoutException e) {
      // the server is still waiting for the data connection the client never prepared
    }
  }
}
