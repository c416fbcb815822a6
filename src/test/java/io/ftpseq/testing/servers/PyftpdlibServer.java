package io.ftpseq.testing.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * pyftpdlib 1.5.7 from Debian's python3-pyftpdlib, run by Debian's own {@code /usr/bin/python3}
 * (another python3 on the path would not see the package), with a virtual user whose home is a
 * directory under the test's temporary directory.
 */
public final class PyftpdlibServer extends ProcessServer {

  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path MODULE = Path.of("/usr/lib/python3/dist-packages/pyftpdlib");

  private static final String USER = "probe";
  private static final String PASSWORD = "probe-password";

  private PyftpdlibServer(ServerProcess process, int port, Path home) {
    super(process, port, USER, PASSWORD, home);
  }

  /** What is missing to run it, if anything. */
  static Optional<String> missing() {
    if (!Files.isExecutable(PYTHON)) {
      return Optional.of(PYTHON + " does not exist");
    }
    return Files.isDirectory(MODULE)
        ? Optional.empty()
        : Optional.of(MODULE + " does not exist (package python3-pyftpdlib)");
  }

  /** Starts pyftpdlib from a script written into {@code dir}. */
  public static PyftpdlibServer start(Path dir) throws IOException {
    return start(dir, List.of());
  }

  /**
   * Starts pyftpdlib from a script written into {@code dir} that first runs {@code setup}, Python
   * lines such as a logging configuration; its output goes to {@code pyftpdlib.log} there.
   */
  public static PyftpdlibServer start(Path dir, List<String> setup) throws IOException {
    return start(dir, setup, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
  }

  /** Starts pyftpdlib listening on {@code host} (a loopback address: 127.0.0.1 or ::1). */
  public static PyftpdlibServer start(Path dir, List<String> setup, InetAddress host)
      throws IOException {
    int port = FreePorts.one(host);
    int passive = FreePorts.range(10);
    Path home = Files.createDirectories(dir.resolve("home"));
    Path script = dir.resolve("server.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            String.join("\n", setup),
            "from pyftpdlib.authorizers import DummyAuthorizer",
            "from pyftpdlib.handlers import FTPHandler",
            "from pyftpdlib.servers import FTPServer",
            "authorizer = DummyAuthorizer()",
            "authorizer.add_user('"
                + USER
                + "', '"
                + PASSWORD
                + "', r'"
                + home
                + "',"
                + " perm='elradfmwMT')",
            "FTPHandler.authorizer = authorizer",
            "FTPHandler.passive_ports = range(" + passive + ", " + (passive + 10) + ")",
            "FTPServer(('"
                + host.getHostAddress()
                + "', "
                + port
                + "), FTPHandler).serve_forever()",
            ""));
    ServerProcess process =
        ServerProcess.start(
            "pyftpdlib", List.of(PYTHON.toString(), script.toString()), dir, host, port);
    return new PyftpdlibServer(process, port, home);
  }
}
