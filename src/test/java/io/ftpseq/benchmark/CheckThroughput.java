package io.ftpseq.benchmark;

import io.ftpseq.cli.Main;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures {@code ftpseq check} on a large generated transcript: throughput in MB/s and lines/s,
 * and the peak heap. Not a test: timings on shared machines are noisy, so this is run by hand.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * java -Xmx64m -cp target/ftpseq.jar:target/test-classes io.ftpseq.benchmark.CheckThroughput 500
 * </pre>
 *
 * The argument is the size of the transcript in MB (default 200). Running it under a small {@code
 * -Xmx} shows that memory does not grow with the input.
 */
public final class CheckThroughput {

  private CheckThroughput() {}

  /** Generates the transcript, checks it three times and prints the best run. */
  public static void main(String[] args) throws IOException {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 200;
    Path file = Files.createTempFile("ftpseq-benchmark", ".txt");
    try {
      long lines = generate(file, megabytes * 1024 * 1024);
      long size = Files.size(file);
      double best = Double.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        StringWriter out = new StringWriter();
        int code =
            Main.run(
                new String[] {"check", file.toString()},
                new PrintWriter(out),
                new PrintWriter(System.err, true));
        double seconds = (System.nanoTime() - start) / 1e9;
        best = Math.min(best, seconds);
        System.out.printf(
            "run %d: %.2f s, exit %d, %s%n",
            run + 1, seconds, code, out.toString().lines().reduce((a, b) -> b).orElse(""));
      }
      System.out.printf(
          "%d MB, %d lines: best %.2f s = %.1f MB/s, %.0f lines/s; peak heap %d MB"
              + " (max %d MB)%n",
          size / (1024 * 1024),
          lines,
          best,
          size / best / (1024 * 1024),
          lines / best,
          peakHeap() / (1024 * 1024),
          Runtime.getRuntime().maxMemory() / (1024 * 1024));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Writes one long session of repeated transfers and renames, with a bad order now and then. */
  private static long generate(Path file, long bytes) throws IOException {
    long lines = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "S: 220 (vsFTPd 3.0.3)\nC: USER alice\nS: 331 Please specify the password.\n"
              + "C: PASS wonderland\nS: 230 Login successful.\n");
      lines += 5;
      long written = 0;
      for (long i = 0; written < bytes; i++) {
        String block =
            "C: PASV\nS: 227 Entering Passive Mode (127,0,0,1,156,"
                + (i % 256)
                + ").\n"
                + "C: RETR file-"
                + i
                + ".csv\n"
                + "S: 150 Opening BINARY mode data connection for file-"
                + i
                + ".csv.\n"
                + "S: 226 Transfer complete.\n"
                + "C: RNFR file-"
                + i
                + ".csv\nS: 350 Ready for RNTO.\n"
                + "C: RNTO done-"
                + i
                + ".csv\nS: 250 Rename successful.\n"
                + (i % 1000 == 0 ? "C: RNTO again.csv\nS: 503 RNFR required first.\n" : "");
        w.write(block);
        written += block.length();
        lines += i % 1000 == 0 ? 11 : 9;
      }
      w.write("C: QUIT\nS: 221 Goodbye.\n");
      lines += 2;
    }
    return lines;
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
