package io.ftpseq.benchmark;

import io.ftpseq.proxy.FtpProxy;
import io.ftpseq.proxy.ProxyEvents;
import io.ftpseq.proxy.ProxySettings;
import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Measures what {@code ftpseq proxy} adds on loopback: the time per command (NOOP round trips) and
 * the data throughput (RETR and STOR of one large file), straight to the server and through a proxy
 * in the same JVM, alternating direct and proxied in every round so drift hits both alike. Prints
 * p50 and p99 per command each way and what the proxy adds, and the median of the rounds'
 * throughput ratios. Not a test: run by hand.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp "target/classes:target/test-classes:$(cat cp.txt)" io.ftpseq.benchmark.ProxyBenchmark 9 256
 * </pre>
 *
 * Arguments: rounds (default 9), file size in MB (default 256), and optionally the server as {@code
 * HOST:PORT USER PASSWORD DIR} (DIR is where the server serves the user's files from, for the test
 * file); without them an embedded Apache FtpServer is the server.
 */
public final class ProxyBenchmark {

  private static final int COMMANDS = 2_000;
  private static final int BUFFER = 256 * 1024;

  private ProxyBenchmark() {}

  /** Runs the rounds and prints the result. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    EmbeddedFtpServer embedded = null;
    Target server;
    if (args.length > 5) {
      String[] hostPort = args[2].split(":", 2);
      server =
          new Target(
              new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])),
              args[3],
              args[4],
              Path.of(args[5]));
    } else {
      Path home = Files.createTempDirectory("ftpseq-proxy-bench");
      embedded = EmbeddedFtpServer.start(home);
      server =
          new Target(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), embedded.port()),
              EmbeddedFtpServer.USER,
              EmbeddedFtpServer.PASSWORD,
              home);
    }
    String name = "ftpseq-bench-" + ProcessHandle.current().pid() + ".bin";
    Path file = server.dir().resolve(name);
    writeRandom(file, megabytes);
    ProxySettings settings =
        ProxySettings.of(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), server.address());
    try (FtpProxy proxy = FtpProxy.start(settings, new ProxyEvents() {})) {
      Target proxied = server.through(proxy.address());
      latency(server, proxied, rounds);
      throughput(server, proxied, rounds, name, megabytes);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(server.dir().resolve(name + ".up"));
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** A server to log in to, directly or through the proxy. */
  private record Target(InetSocketAddress address, String user, String password, Path dir) {
    Target through(InetSocketAddress proxy) {
      return new Target(proxy, user, password, dir);
    }

    FTPClient login() throws IOException {
      FTPClient client = new FTPClient();
      client.setDefaultTimeout(30_000);
      client.setBufferSize(BUFFER);
      client.connect(address.getAddress(), address.getPort());
      client.setTcpNoDelay(true);
      if (!client.login(user, password)) {
        throw new IOException("login failed: " + client.getReplyString());
      }
      client.setFileType(FTP.BINARY_FILE_TYPE);
      client.enterLocalPassiveMode();
      return client;
    }
  }

  private static void latency(Target direct, Target proxied, int rounds) throws IOException {
    timeCommands(direct, new long[COMMANDS]); // warm up
    timeCommands(proxied, new long[COMMANDS]);
    long[] directEach = new long[rounds * COMMANDS];
    long[] proxiedEach = new long[rounds * COMMANDS];
    for (int round = 0; round < rounds; round++) {
      long[] a = new long[COMMANDS];
      long[] b = new long[COMMANDS];
      if (round % 2 == 0) {
        timeCommands(direct, a);
        timeCommands(proxied, b);
      } else {
        timeCommands(proxied, b);
        timeCommands(direct, a);
      }
      System.arraycopy(a, 0, directEach, round * COMMANDS, COMMANDS);
      System.arraycopy(b, 0, proxiedEach, round * COMMANDS, COMMANDS);
    }
    Arrays.sort(directEach);
    Arrays.sort(proxiedEach);
    double d50 = percentile(directEach, 50);
    double d99 = percentile(directEach, 99);
    double p50 = percentile(proxiedEach, 50);
    double p99 = percentile(proxiedEach, 99);
    System.out.printf(
        "per command (%d rounds of %d NOOPs): direct p50 %.1f us, p99 %.1f us;"
            + " proxied p50 %.1f us, p99 %.1f us; added p50 %+.1f us, p99 %+.1f us%n",
        rounds, COMMANDS, d50, d99, p50, p99, p50 - d50, p99 - d99);
  }

  private static void timeCommands(Target target, long[] each) throws IOException {
    FTPClient client = target.login();
    for (int i = 0; i < each.length; i++) {
      long start = System.nanoTime();
      client.noop();
      each[i] = System.nanoTime() - start;
    }
    client.logout();
    client.disconnect();
  }

  private static void throughput(
      Target direct, Target proxied, int rounds, String name, int megabytes) throws IOException {
    double[] down = new double[rounds];
    double[] up = new double[rounds];
    double[] directDown = new double[rounds];
    double[] proxiedDown = new double[rounds];
    download(direct, name); // warm up
    download(proxied, name);
    for (int round = 0; round < rounds; round++) {
      boolean directFirst = round % 2 == 0;
      double first = download(directFirst ? direct : proxied, name);
      double second = download(directFirst ? proxied : direct, name);
      directDown[round] = directFirst ? first : second;
      proxiedDown[round] = directFirst ? second : first;
      down[round] = proxiedDown[round] / directDown[round];
      double upFirst = upload(directFirst ? direct : proxied, name, megabytes);
      double upSecond = upload(directFirst ? proxied : direct, name, megabytes);
      up[round] = directFirst ? upSecond / upFirst : upFirst / upSecond;
    }
    System.out.printf(
        "RETR of %d MB (%d rounds): direct median %.0f MB/s, proxied median %.0f MB/s;"
            + " proxied/direct: median %.2f (min %.2f, max %.2f)%n",
        megabytes,
        rounds,
        median(directDown),
        median(proxiedDown),
        median(down),
        min(down),
        max(down));
    System.out.printf(
        "STOR of %d MB (%d rounds): proxied/direct: median %.2f (min %.2f, max %.2f)%n",
        megabytes, rounds, median(up), min(up), max(up));
  }

  /** Downloads the file into nothing; MB/s. */
  private static double download(Target target, String name) throws IOException {
    FTPClient client = target.login();
    byte[] buffer = new byte[BUFFER];
    long start = System.nanoTime();
    long total = 0;
    try (InputStream in = client.retrieveFileStream(name)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
      }
    }
    if (!client.completePendingCommand()) {
      throw new IOException("RETR failed: " + client.getReplyString());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    client.logout();
    client.disconnect();
    return total / 1e6 / seconds;
  }

  /** Uploads as many MB of zeros; MB/s. */
  private static double upload(Target target, String name, int megabytes) throws IOException {
    FTPClient client = target.login();
    byte[] buffer = new byte[BUFFER];
    long total = (long) megabytes << 20;
    long start = System.nanoTime();
    try (OutputStream out = client.storeFileStream(name + ".up")) {
      for (long sent = 0; sent < total; sent += buffer.length) {
        out.write(buffer, 0, (int) Math.min(buffer.length, total - sent));
      }
    }
    if (!client.completePendingCommand()) {
      throw new IOException("STOR failed: " + client.getReplyString());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    client.logout();
    client.disconnect();
    return total / 1e6 / seconds;
  }

  private static void writeRandom(Path file, int megabytes) throws IOException {
    byte[] chunk = new byte[1 << 20];
    new Random(1).nextBytes(chunk);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < megabytes; i++) {
        out.write(chunk);
      }
    }
  }

  private static double percentile(long[] sorted, int p) {
    return sorted[(int) Math.min(sorted.length - 1, (long) sorted.length * p / 100)] / 1e3;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }
}
