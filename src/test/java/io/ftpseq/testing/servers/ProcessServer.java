package io.ftpseq.testing.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A server running as a process; what the four Debian servers have in common. */
abstract class ProcessServer implements FtpServerUnderTest {

  private final ServerProcess process;
  private final int port;
  private final String user;
  private final String password;
  private final Path dataDirectory;

  /**
   * What is missing to run a server from {@code binary} as the test user, if anything.
   *
   * @param alsoNeeded other files the server needs, checked after the binary
   */
  static Optional<String> missing(Path binary, Path... alsoNeeded) {
    if (!Files.isExecutable(binary)) {
      return Optional.of(binary + " does not exist");
    }
    for (Path needed : alsoNeeded) {
      if (!Files.exists(needed)) {
        return Optional.of(needed + " does not exist");
      }
    }
    return TestUser.account().isEmpty()
        ? Optional.of("none of the test users " + TestUser.NAMES + " exists")
        : Optional.empty();
  }

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

  /** The processes the server forked and that still run (its sessions, for a forking server). */
  List<ProcessHandle> children() {
    return process.children();
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
