package io.ftpseq.testing.servers;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The five real servers the conformance tests run against. A test starts one with {@link
 * #startOrSkip(Path)}: a server that is not installed skips the test with a message saying how to
 * install it, unless the environment sets {@code FTPSEQ_REQUIRE_SERVERS=1} (as CI does), where it
 * fails the test instead.
 */
public enum RealServer {
  /** Apache FtpServer, embedded in the JVM. */
  APACHE_FTPSERVER("apache-ftpserver"),
  /** vsftpd as a process. */
  VSFTPD("vsftpd"),
  /** ProFTPD as a process. */
  PROFTPD("proftpd"),
  /** Pure-FTPd as a process. */
  PURE_FTPD("pure-ftpd"),
  /** pyftpdlib as a process. */
  PYFTPDLIB("pyftpdlib");

  /** The environment variable that turns a missing server into a failure. */
  public static final String REQUIRE = "FTPSEQ_REQUIRE_SERVERS";

  private final String label;

  RealServer(String label) {
    this.label = label;
  }

  /** A short lower-case name, used in file names. */
  public String label() {
    return label;
  }

  /** What is missing to run this server here, empty when it can run. */
  public Optional<String> missing() {
    return switch (this) {
      case APACHE_FTPSERVER -> Optional.empty();
      case VSFTPD -> VsftpdServer.missing();
      case PROFTPD -> ProftpdServer.missing();
      case PURE_FTPD -> PureFtpdServer.missing();
      case PYFTPDLIB -> PyftpdlibServer.missing();
    };
  }

  /**
   * Starts the server with its files under {@code dir}, or ends the calling test: skipped when the
   * server is missing, failed when it is missing and {@value #REQUIRE} is {@code 1}.
   */
  public FtpServerUnderTest startOrSkip(Path dir) throws Exception {
    requireAvailable("1".equals(System.getenv(REQUIRE)));
    return switch (this) {
      case APACHE_FTPSERVER -> ApacheFtpServer.start(dir);
      case VSFTPD -> VsftpdServer.start(dir);
      case PROFTPD -> ProftpdServer.start(dir);
      case PURE_FTPD -> PureFtpdServer.start(dir);
      case PYFTPDLIB -> PyftpdlibServer.start(dir);
    };
  }

  /**
   * Starts pyftpdlib listening on {@code host} (127.0.0.1 or ::1) with its files under {@code dir},
   * or ends the calling test as {@link #startOrSkip(Path)} does.
   */
  public static FtpServerUnderTest pyftpdlibOn(InetAddress host, Path dir) throws Exception {
    PYFTPDLIB.requireAvailable("1".equals(System.getenv(REQUIRE)));
    return PyftpdlibServer.start(dir, List.of(), host);
  }

  /** Returns when the server can run; otherwise skips the test, or fails it when required. */
  void requireAvailable(boolean required) {
    require(label, missing(), required);
  }

  /** Skips or fails the test when {@code missing} says what is missing to run the server. */
  static void require(String label, Optional<String> missing, boolean required) {
    if (missing.isEmpty()) {
      return;
    }
    String message =
        label
            + " is not installed ("
            + missing.get()
            + "); run scripts/install-ftp-servers as root to enable the tests against it";
    if (required) {
      Assertions.fail(message + " (" + REQUIRE + "=1 requires every server)");
    }
    Assumptions.abort(message);
  }

  @Override
  public String toString() {
    return label;
  }
}
