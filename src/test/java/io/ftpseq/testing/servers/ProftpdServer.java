package io.ftpseq.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** ProFTPD 1.3.8 from Debian's proftpd-basic, standalone in the foreground. */
public final class ProftpdServer extends ProcessServer {

  static final Path BINARY = Path.of("/usr/sbin/proftpd");

  private ProftpdServer(ServerProcess process, int port, TestUser.Account account) {
    super(process, port, account.name(), TestUser.PASSWORD, account.home());
  }

  /**
   * The session processes ProFTPD forked, one per control connection, still running: kill one to
   * drop its connection as a crashed or killed session would.
   */
  public List<ProcessHandle> sessionProcesses() {
    return children();
  }

  /** What is missing to run it, if anything. */
  static Optional<String> missing() {
    return missing(BINARY);
  }

  /** Starts ProFTPD with a config file in {@code dir}; only core directives, no modules. */
  public static ProftpdServer start(Path dir) throws IOException {
    return start(dir, List.of());
  }

  /**
   * Starts ProFTPD with a config file in {@code dir} that ends with {@code directives}, for example
   * {@code LogFormat} and {@code ExtendedLog} lines.
   */
  public static ProftpdServer start(Path dir, List<String> directives) throws IOException {
    int port = FreePorts.one();
    int passive = FreePorts.range(10);
    Path config = dir.resolve("proftpd.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "ServerName \"ProFTPD test\"",
            "ServerType standalone",
            "Port " + port,
            "DefaultAddress 127.0.0.1",
            "SocketBindTight on",
            "UseIPv6 off",
            "User nobody",
            "Group nogroup",
            "PassivePorts " + passive + " " + (passive + 9),
            "WtmpLog off",
            "RequireValidShell off",
            "UseReverseDNS off",
            "DelayTable none",
            "AllowOverwrite on",
            "PidFile " + dir.resolve("proftpd.pid"),
            "ScoreboardFile " + dir.resolve("proftpd.scoreboard"),
            String.join("\n", directives),
            ""));
    ServerProcess process =
        ServerProcess.start(
            "proftpd", List.of(BINARY.toString(), "-n", "-q", "-c", config.toString()), dir, port);
    return new ProftpdServer(process, port, TestUser.account().orElseThrow());
  }
}
