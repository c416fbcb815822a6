package io.ftpseq.benchmark;

import io.ftpseq.live.FtpSeq;
import io.ftpseq.live.FtpSessionWatch;
import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Measures what watching a client costs: a loopback session of 1,000 commands (NOOP, PWD, CWD,
 * SIZE) against the embedded Apache FtpServer, with a plain {@link FTPClient} and with one watched
 * by {@link FtpSeq#watch}, alternating, over several rounds. Prints the overhead of the session
 * medians, the median of the rounds' paired ratios and of the median command time over all rounds,
 * then the watch's own work per command without the network. Not a test: timings on shared machines
 * are noisy, so this is run by hand.
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
      long[] plainEach = new long[rounds * COMMANDS];
      long[] watchedEach = new long[rounds * COMMANDS];
      List<FtpSessionWatch> watches = new ArrayList<>();
      session(server, null, new long[COMMANDS]); // warm both paths up
      session(server, watches, new long[COMMANDS]);
      long[] plain = new long[rounds];
      long[] watched = new long[rounds];
      for (int round = 0; round < rounds; round++) {
        boolean watchFirst = round % 2 == 1;
        long[] firstEach = new long[COMMANDS];
        long[] secondEach = new long[COMMANDS];
        long first = session(server, watchFirst ? watches : null, firstEach);
        long second = session(server, watchFirst ? null : watches, secondEach);
        System.arraycopy(
            watchFirst ? secondEach : firstEach, 0, plainEach, round * COMMANDS, COMMANDS);
        System.arraycopy(
            watchFirst ? firstEach : secondEach, 0, watchedEach, round * COMMANDS, COMMANDS);
        plain[round] = watchFirst ? second : first;
        watched[round] = watchFirst ? first : second;
      }
      // Checked after the timing, so the checks' work and garbage land in no timed session.
      for (FtpSessionWatch watch : watches) {
        if (!watch.findings().isEmpty()) {
          throw new IllegalStateException("a clean session has findings: " + watch.findings());
        }
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
      // A command's own time is the least disturbed by other work on the machine: a burst of load
      // spoils some commands, not the median of thousands.
      System.out.printf(
          "per command (median of %d each): plain %.1f us, watched %.1f us; overhead %+.1f%%"
              + " (quartiles of plain %.1f to %.1f us, of watched %.1f to %.1f us)%n",
          rounds * COMMANDS,
          median(plainEach) / 1e3,
          median(watchedEach) / 1e3,
          (median(watchedEach) / median(plainEach) - 1) * 100,
          quantile(plainEach, 0.25) / 1e3,
          quantile(plainEach, 0.75) / 1e3,
          quantile(watchedEach, 0.25) / 1e3,
          quantile(watchedEach, 0.75) / 1e3);
      double[] own = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        own[round] = watchWork();
      }
      Arrays.sort(own);
      System.out.printf(
          "the watch's own work, without the network: %.2f us per command (range %.2f to %.2f),"
              + " %.2f%% of a plain command's %.1f us%n",
          median(own) / 1e3,
          own[0] / 1e3,
          own[rounds - 1] / 1e3,
          median(own) / (median(plain) / COMMANDS) * 100,
          median(plain) / COMMANDS / 1e3);
    }
  }

  /**
   * The watch's work for one command and its reply, in ns: the benchmark's commands and FtpServer's
   * replies are handed to the watch's listener as Commons Net hands them, without a socket, 100
   * times {@link #COMMANDS}.
   */
  private static double watchWork() {
    String[][] exchanges = {
      {"NOOP", "NOOP\r\n", "200", "200 Command NOOP okay.\r\n"},
      {"PWD", "PWD\r\n", "257", "257 \"/dir\" is current directory.\r\n"},
      {"CWD", "CWD dir\r\n", "250", "250 Directory changed to /dir\r\n"},
      {"SIZE", "SIZE /dir/file.txt\r\n", "213", "213 2\r\n"},
    };
    int sessions = 100;
    long start = System.nanoTime();
    for (int s = 0; s < sessions; s++) {
      Replay client = new Replay();
      FtpSessionWatch watch = FtpSeq.watch(client);
      for (int i = 0; i < COMMANDS; i++) {
        String[] exchange = exchanges[i % 4];
        client.replay(exchange[0], exchange[1], Integer.parseInt(exchange[2]), exchange[3]);
      }
      if (watch.events().size() != 2 * COMMANDS) {
        throw new IllegalStateException("the watch missed events");
      }
    }
    return (double) (System.nanoTime() - start) / (sessions * COMMANDS);
  }

  /** A client that hands lines to its listeners as if it had sent and read them. */
  private static final class Replay extends FTPClient {
    void replay(String command, String message, int code, String reply) {
      fireCommandSent(command, message);
      fireReplyReceived(code, reply);
    }
  }

  /**
   * One logged-in session of {@link #COMMANDS} commands, watched when {@code watches} is given (the
   * watch is added to it); the time of the commands, in ns, and each command's time in {@code
   * each}.
   */
  private static long session(EmbeddedFtpServer server, List<FtpSessionWatch> watches, long[] each)
      throws IOException {
    FTPClient client = new FTPClient();
    if (watches != null) {
      watches.add(FtpSeq.watch(client));
    }
    client.connect("127.0.0.1", server.port());
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    long start = System.nanoTime();
    for (int i = 0; i < COMMANDS; i++) {
      long before = System.nanoTime();
      switch (i % 4) {
        case 0 -> client.sendNoOp();
        case 1 -> client.printWorkingDirectory();
        case 2 -> client.changeWorkingDirectory(i % 8 == 2 ? "dir" : "/");
        default -> client.getSize("/dir/file.txt");
      }
      each[i] = System.nanoTime() - before;
    }
    long elapsed = System.nanoTime() - start;
    client.logout();
    client.disconnect();
    return elapsed;
  }

  private static double quantile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) (q * (sorted.length - 1))];
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
