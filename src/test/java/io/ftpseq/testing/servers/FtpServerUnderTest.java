package io.ftpseq.testing.servers;

import java.nio.file.Path;

/** A real FTP server started for a test, on 127.0.0.1; close it to stop it. */
public interface FtpServerUnderTest extends AutoCloseable {

  /** The address it listens on. */
  default String host() {
    return "127.0.0.1";
  }

  /** The control port, chosen free at start. */
  int port();

  /** The user to log in as. */
  String user();

  /** That user's password. */
  String password();

  /** The directory the user lands in after login, on this machine's file system. */
  Path dataDirectory();

  /** Stops the server, bounded in time. */
  @Override
  void close();
}
