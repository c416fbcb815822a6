package io.ftpseq.benchmark;

import io.ftpseq.cli.Main;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
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
 * The first argument is the size of the transcript in MB (default 200); a second argument {@code
 * iis} generates an IIS FTP W3C log of many interleaved sessions instead of one long dialogue
 * transcript. Running it under a small {@code -Xmx} shows that memory does not grow with the input.
 */
public final class CheckThroughput {

  private CheckThroughput() {}

  /** Generates the transcript, checks it three times and prints the best run. */
  public static void main(String[] args) throws IOException {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 200;
    boolean iis = args.length > 1 && args[1].equals("iis");
    Path file = Files.createTempFile("ftpseq-benchmark", iis ? ".log" : ".txt");
    try {
      long lines =
          iis
              ? generateIis(file, megabytes * 1024 * 1024)
              : generate(file, megabytes * 1024 * 1024);
      long size = Files.size(file);
      double best = Double.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        StringWriter out = new StringWriter();
        int code =
            Main.run(
                new String[] {"check", file.toString()},
                new PrintWriter(out),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
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

  /**
   * Writes an IIS FTP log in which four sessions at a time run side by side, each for a thousand
   * transfers and renames, with a bad order now and then.
   */
  private static long generateIis(Path file, long bytes) throws IOException {
    long lines = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
              + "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status"
              + " sc-win32-status sc-substatus x-session x-fullpath\n");
      lines += 3;
      long written = 0;
      for (long i = 0; written < bytes; i++) {
        long session = (i / 4000) * 4 + i % 4;
        String prefix = "2026-11-23 08:00:00 10.0." + (session % 250) + ".7 ";
        String suffix = " 0 0 5e55" + session + "-0000-4000-8000-00000000" + (i % 4) + " -\n";
        StringBuilder block = new StringBuilder();
        if ((i / 4) % 1000 == 0) {
          block
              .append(prefix)
              .append("- 10.0.0.2 21 ControlChannelOpened - -")
              .append(suffix)
              .append(prefix)
              .append("- 10.0.0.2 21 USER alice 331")
              .append(suffix)
              .append(prefix)
              .append("- 10.0.0.2 21 PASS *** 230")
              .append(suffix);
        }
        String row = prefix + "CORP\\alice 10.0.0.2 21 ";
        block
            .append(row)
            .append("PASV - 227")
            .append(suffix)
            .append(row)
            .append("RETR file-")
            .append(i)
            .append(".csv 226")
            .append(suffix)
            .append(row)
            .append("RNFR file-")
            .append(i)
            .append(".csv 350")
            .append(suffix)
            .append(row)
            .append("RNTO done-")
            .append(i)
            .append(".csv 250")
            .append(suffix);
        if (i % 1000 == 0) {
          block.append(row).append("RNTO again.csv 503").append(suffix);
        }
        w.write(block.toString());
        written += block.length();
        lines += block.chars().filter(c -> c == '\n').count();
      }
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
