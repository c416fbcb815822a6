package io.ftpseq.testing.servers;

import io.ftpseq.protocol.ReplyAssembler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server running as a child process, its output in a log file beside its config. It counts as
 * started once a whole greeting can be read from its port.
 */
final class ServerProcess {

  private static final Duration START = Duration.ofSeconds(15);
  private static final Duration STOP = Duration.ofSeconds(5);

  private final String name;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts the command in {@code dir} and waits, bounded, until port shows a greeting. */
  static ServerProcess start(String name, List<String> command, Path dir, int port)
      throws IOException {
    return start(name, command, dir, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
  }

  /**
   * Starts the command in {@code dir} and waits, bounded, until {@code host}'s port shows a
   * greeting.
   */
  static ServerProcess start(
      String name, List<String> command, Path dir, InetAddress host, int port) throws IOException {
    Path log = dir.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ServerProcess server = new ServerProcess(name, process, log);
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + ": " + server.log());
      }
      if (greets(host, port)) {
        return server;
      }
      sleep(Duration.ofMillis(100));
    }
    server.stop();
    throw new IOException(name + " showed no greeting on port " + port + " within " + START);
  }

  private static boolean greets(InetAddress host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      socket.setSoTimeout(5000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      ReplyAssembler assembler = new ReplyAssembler();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (assembler.accept(line) instanceof ReplyAssembler.Complete complete) {
          return complete.reply().code().value() == 220;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** The processes the server forked and that still run: one per session for a forking server. */
  List<ProcessHandle> children() {
    return process.descendants().filter(ProcessHandle::isAlive).toList();
  }

  /** Stops the server and the session processes it forked: politely, then forcibly, bounded. */
  void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The server's own output so far, for failure messages. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1).strip();
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
