package io.ftpseq.testing.servers;

import java.nio.file.Path;

/** A server running as a process; what the four Debian servers have in common. */
abstract class ProcessServer implements FtpServerUnderTest {

  private final ServerProcess process;
  private final int port;
  private final String user;
  private final String password;
  private final Path dataDirectory;

  ProcessServer(ServerProcess process, int port, String user, String password, Path dataDirectory) {
    this.process = process;
    this.port = port;
    this.user = user;
    this.password = password;
    this.dataDirectory = dataDirectory;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() {
    process.stop();
  }

  @Override
  public String toString() {
    return process + " on 127.0.0.1:" + port;
  }
}
