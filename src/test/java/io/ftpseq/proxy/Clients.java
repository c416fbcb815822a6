package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real FTP clients run as processes: curl, lftp and Python's ftplib, each bounded in time. A client
 * that is not installed skips the test, or fails it where {@code FTPSEQ_REQUIRE_SERVERS=1} (CI,
 * which installs them).
 */
final class Clients {

  /** How a client run ended. */
  record Run(int exit, String output) {}

  private Clients() {}

  /** Runs a command in {@code dir}, standard error merged into the output, for at most a minute. */
  static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
    if (!installed(command.get(0))) {
      String missing =
          command.get(0) + " is not installed (apt-get install " + command.get(0) + ")";
      if ("1".equals(System.getenv(RealServer.REQUIRE))) {
        fail(missing + "; " + RealServer.REQUIRE + "=1 requires it");
      }
      assumeThat(false).as(missing).isTrue();
    }
    Path output = Files.createTempFile(dir, "client", ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new IOException(
          command.get(0) + " did not finish within a minute: " + Files.readString(output));
    }
    return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  /** Runs a Python 3 script (given as text) with ftplib, arguments after it. */
  static Run python(Path dir, String script, String... args)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile(dir, "client", ".py");
    Files.writeString(file, script);
    List<String> command = new java.util.ArrayList<>(List.of("python3", file.toString()));
    command.addAll(List.of(args));
    return run(dir, command);
  }

  private static boolean installed(String program) {
    for (String path : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!path.isEmpty() && Files.isExecutable(Path.of(path, program))) {
        return true;
      }
    }
    return false;
  }
}
