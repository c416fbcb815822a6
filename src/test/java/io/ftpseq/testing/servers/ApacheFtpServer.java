package io.ftpseq.testing.servers;

import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.ftpserver.ftplet.FtpException;

/** Apache FtpServer embedded in the test's JVM: the one server that is always there. */
public final class ApacheFtpServer implements FtpServerUnderTest {

  private final EmbeddedFtpServer server;
  private final Path home;

  private ApacheFtpServer(EmbeddedFtpServer server, Path home) {
    this.server = server;
    this.home = home;
  }

  /** Starts it with its user's home under {@code dir}. */
  public static ApacheFtpServer start(Path dir) throws IOException, FtpException {
    Path home = dir.resolve("home");
    return new ApacheFtpServer(EmbeddedFtpServer.start(home), home);
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public String user() {
    return EmbeddedFtpServer.USER;
  }

  @Override
  public String password() {
    return EmbeddedFtpServer.PASSWORD;
  }

  @Override
  public Path dataDirectory() {
    return home;
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "apache-ftpserver on 127.0.0.1:" + port();
  }
}
