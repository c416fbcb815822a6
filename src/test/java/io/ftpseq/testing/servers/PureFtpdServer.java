package io.ftpseq.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Pure-FTPd 1.0.50, unpacked by {@code scripts/install-ftp-servers}, in the foreground. It takes
 * its settings as options rather than a file; the command line is kept in {@code dir} all the same,
 * for whoever reads a failure.
 */
public final class PureFtpdServer extends ProcessServer {

  static final Path BINARY = Path.of("/opt/ftpseq-servers/usr/sbin/pure-ftpd");

  private PureFtpdServer(ServerProcess process, int port, TestUser.Account account) {
    super(process, port, account.name(), TestUser.PASSWORD, account.home());
  }

  /** What is missing to run it, if anything. */
  static Optional<String> missing() {
    return missing(BINARY);
  }

  /** Starts Pure-FTPd: unix accounts, no anonymous login, passive ports on 127.0.0.1. */
  public static PureFtpdServer start(Path dir) throws IOException {
    int port = FreePorts.one();
    int passive = FreePorts.range(10);
    List<String> command =
        List.of(
            BINARY.toString(),
            "-S",
            "127.0.0.1," + port,
            "-l",
            "unix",
            "-E",
            "-p",
            passive + ":" + (passive + 9),
            "-P",
            "127.0.0.1");
    Files.writeString(dir.resolve("pure-ftpd.args"), String.join(" ", command) + "\n");
    ServerProcess process = ServerProcess.start("pure-ftpd", command, dir, port);
    return new PureFtpdServer(process, port, TestUser.account().orElseThrow());
  }
}
