package io.ftpseq.benchmark;

import io.ftpseq.live.FtpSeq;
import io.ftpseq.live.FtpSessionWatch;
import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Measures what watching a client costs: a loopback session of 1,000 commands (NOOP, PWD, CWD,
 * SIZE) against the embedded Apache FtpServer, with a plain {@link FTPClient} and with one watched
 * by {@link FtpSeq#watch}, alternating, over several rounds; prints the median of each and the
 * overhead. Not a test: timings on shared machines are noisy, so this is run by hand.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * java -cp "target/classes:target/test-classes:$(cat cp.txt)" io.ftpseq.benchmark.LiveOverhead 15
 * </pre>
 *
 * (with {@code cp.txt} from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt
 * -Dmdep.includeScope=test}). The argument is the number of rounds (default 11).
 */
public final class LiveOverhead {

  private static final int COMMANDS = 1_000;

  private LiveOverhead() {}

  /** Runs the rounds and prints the result. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    Path home = Files.createTempDirectory("ftpseq-overhead");
    Files.createDirectories(home.resolve("dir"));
    Files.writeString(home.resolve("dir/file.txt"), "x\n");
    try (EmbeddedFtpServer server = EmbeddedFtpServer.start(home)) {
      session(server, false); // warm both paths up
      session(server, true);
      long[] plain = new long[rounds];
      long[] watched = new long[rounds];
      for (int round = 0; round < rounds; round++) {
        boolean watchFirst = round % 2 == 1;
        long first = session(server, watchFirst);
        long second = session(server, !watchFirst);
        plain[round] = watchFirst ? second : first;
        watched[round] = watchFirst ? first : second;
      }
      // Each round's pair ran back to back, so their ratio cancels most of the machine's drift.
      double[] ratios = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        ratios[round] = (double) watched[round] / plain[round];
      }
      System.out.printf(
          "%d rounds of %d commands: plain median %.1f ms, watched median %.1f ms;"
              + " overhead: %+.1f%% (medians), %+.1f%% (median of paired ratios)%n",
          rounds,
          COMMANDS,
          median(plain) / 1e6,
          median(watched) / 1e6,
          (median(watched) / median(plain) - 1) * 100,
          (median(ratios) - 1) * 100);
    }
  }

  /** One logged-in session of {@link #COMMANDS} commands; the time of the commands, in ns. */
  private static long session(EmbeddedFtpServer server, boolean watch) throws IOException {
    FTPClient client = new FTPClient();
    FtpSessionWatch watcher = watch ? FtpSeq.watch(client) : null;
    client.connect("127.0.0.1", server.port());
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    long start = System.nanoTime();
    for (int i = 0; i < COMMANDS; i++) {
      switch (i % 4) {
        case 0 -> client.sendNoOp();
        case 1 -> client.printWorkingDirectory();
        case 2 -> client.changeWorkingDirectory(i % 8 == 2 ? "dir" : "/");
        default -> client.getSize("/dir/file.txt");
      }
    }
    long elapsed = System.nanoTime() - start;
    client.logout();
    client.disconnect();
    if (watcher != null && !watcher.findings().isEmpty()) {
      throw new IllegalStateException("a clean session has findings: " + watcher.findings());
    }
    return elapsed;
  }

  private static double median(long[] values) {
    return median(Arrays.stream(values).asDoubleStream().toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
