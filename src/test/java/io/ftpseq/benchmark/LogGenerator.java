package io.ftpseq.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes large synthetic logs for {@code scripts/benchmark}, each of a given size:
 *
 * <ul>
 *   <li>{@code commons-net}: one long client session as Commons Net's listener prints it (about 25
 *       bytes a line), transfers, renames and keep-alives, with an RNTO without RNFR every 1,000
 *       commands;
 *   <li>{@code vsftpd}: a vsftpd protocol log of many short sessions, 64 open at a time and their
 *       lines interleaved, every fiftieth sending RNTO without RNFR;
 *   <li>{@code zeek}: a Zeek ftp.log of connections of 2 to 100 rows each, 1,000 open at a time and
 *       their rows interleaved, every fiftieth row an RNTO refused with 503;
 *   <li>{@code zeek-churn}: a Zeek ftp.log of rows from 100,000 connections in random order over
 *       the whole file, ten times the sessions ftpseq keeps open: the worst case, where nearly
 *       every row closes one session and opens another;
 *   <li>{@code zeek-sessions}: a Zeek ftp.log of one row per connection, each an RNTO refused with
 *       503: a session with a finding per row (about 9,500 a MB), none of them seen to end;
 *   <li>{@code pcap}: a capture of the recorded loopback session repeated with new addresses, each
 *       transfer with its data connection to the end its PASV announced.
 * </ul>
 *
 * <pre>
 * java -cp target/test-classes io.ftpseq.benchmark.LogGenerator vsftpd 1024 /tmp/vsftpd.log
 * </pre>
 *
 * Prints the lines (or packets) and sessions written. The output is the same for the same
 * arguments.
 */
public final class LogGenerator {

  private static final int OPEN_AT_ONCE = 64;

  private LogGenerator() {}

  /** Writes the log: kind, size in MB, file. */
  public static void main(String[] args) throws IOException {
    String kind = args[0];
    long bytes = Long.parseLong(args[1]) * 1024 * 1024;
    Path file = Path.of(args[2]);
    long[] counts =
        switch (kind) {
          case "commons-net" -> commonsNet(file, bytes);
          case "vsftpd" -> vsftpd(file, bytes);
          case "zeek" -> zeek(file, bytes);
          case "zeek-churn" -> zeekChurn(file, bytes);
          case "zeek-sessions" -> zeekSessions(file, bytes);
          case "pcap" -> CaptureThroughput.generate(file, bytes);
          default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    System.out.printf("%s: %d lines or packets, %d sessions%n", file, counts[0], counts[1]);
  }

  /** One long client session; returns lines and sessions written. */
  public static long[] commonsNet(Path file, long bytes) throws IOException {
    List<String> round =
        List.of(
            "PASV",
            "227 Entering Passive Mode (127,0,0,1,195,80).",
            "RETR report.csv",
            "150 Opening BINARY mode data connection.",
            "226 Transfer complete.",
            "NOOP",
            "200 NOOP ok.",
            "RNFR report.csv",
            "350 Ready for RNTO.",
            "RNTO old.csv",
            "250 Rename successful.",
            "TYPE I",
            "200 Switching to Binary mode.");
    long lines = 0;
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line :
          List.of(
              "220 (vsFTPd 3.0.3)",
              "USER alice",
              "331 Please specify the password.",
              "PASS *******",
              "230 Login successful.")) {
        written += write(out, line);
        lines++;
      }
      for (long n = 0; written < bytes; n++) {
        if (n % 77 == 76) {
          written += write(out, "RNTO stray.csv") + write(out, "503 RNFR required first.");
          lines += 2;
        }
        for (String line : round) {
          written += write(out, line);
          lines++;
        }
      }
    }
    return new long[] {lines, 1};
  }

  /** Short sessions, 64 open at a time, their lines interleaved; returns lines and sessions. */
  public static long[] vsftpd(Path file, long bytes) throws IOException {
    String[] steps = {
      "R220 (vsFTPd 3.0.3)",
      "CUSER alice",
      "R331 Please specify the password.",
      "CPASS secret",
      "R230 Login successful.",
      "CPASV",
      "R227 Entering Passive Mode (127,0,0,1,195,80).",
      "CRETR report.csv",
      "R150 Opening BINARY mode data connection for report.csv (6 bytes).",
      "R226 Transfer complete.",
      "CQUIT",
      "R221 Goodbye."
    };
    Random random = new Random(1);
    List<int[]> open = new ArrayList<>(); // pid, next step
    long lines = 0;
    long written = 0;
    long sessions = 0;
    int pid = 1000;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (written < bytes || !open.isEmpty()) {
        if (open.size() < OPEN_AT_ONCE && written < bytes) {
          open.add(new int[] {++pid, -1});
          sessions++;
        }
        int[] session = open.get(random.nextInt(open.size()));
        String prefix = "Mon Nov 23 06:40:23 2026 [pid " + session[0] + "] ";
        String client = "Client \"" + address(session[0]) + "\"";
        String line;
        if (session[1] < 0) {
          line = prefix + "CONNECT: " + client;
        } else {
          String step = steps[session[1]];
          if (session[1] == 7 && session[0] % 50 == 0) {
            step = "CRNTO x.csv";
          }
          line =
              prefix
                  + (step.charAt(0) == 'C' ? "FTP command: " : "FTP response: ")
                  + client
                  + ", \""
                  + step.substring(1)
                  + "\"";
        }
        written += write(out, line);
        lines++;
        if (++session[1] == steps.length) {
          open.remove(session);
        }
      }
    }
    return new long[] {lines, sessions};
  }

  private static final List<String> ZEEK_HEADER =
      List.of(
          "#separator \\x09",
          "#path\tftp",
          "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tuser\tpassword"
              + "\tcommand\targ\tmime_type\tfile_size\treply_code\treply_msg");

  private static final String[][] ZEEK_ROWS = {
    {"PASV", "-", "227", "Entering Passive Mode (10,1,0,1,195,80)."},
    {"RETR", "ftp://10.1.0.1/report.csv", "226", "Transfer complete."},
    {"STOR", "ftp://10.1.0.1/upload.csv", "226", "Transfer complete."},
    {"RNTO", "x.csv", "503", "RNFR required first."}
  };

  /**
   * Connections of 2 to 100 rows, 1,000 open at a time, their rows interleaved; returns lines and
   * sessions.
   */
  public static long[] zeek(Path file, long bytes) throws IOException {
    Random random = new Random(1);
    List<int[]> open = new ArrayList<>(); // connection, rows left
    long lines = ZEEK_HEADER.size();
    long written = 0;
    int connections = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String header : ZEEK_HEADER) {
        written += write(out, header);
      }
      for (long n = 0; written < bytes; n++) {
        while (open.size() < 1_000) {
          open.add(new int[] {connections++, 2 + random.nextInt(99)});
        }
        int at = random.nextInt(open.size());
        int[] connection = open.get(at);
        written += write(out, zeekRow(n, connection[0]));
        lines++;
        if (--connection[1] == 0) {
          open.set(at, open.get(open.size() - 1));
          open.remove(open.size() - 1);
        }
      }
    }
    return new long[] {lines, connections};
  }

  /** Rows of 100,000 connections in random order; returns lines and sessions. */
  public static long[] zeekChurn(Path file, long bytes) throws IOException {
    Random random = new Random(1);
    long lines = ZEEK_HEADER.size();
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String header : ZEEK_HEADER) {
        written += write(out, header);
      }
      for (long n = 0; written < bytes; n++) {
        written += write(out, zeekRow(n, random.nextInt(100_000)));
        lines++;
      }
    }
    return new long[] {lines, 100_000};
  }

  /** Row n of a Zeek log, on that connection: every fiftieth an RNTO refused with 503. */
  private static String zeekRow(long n, int connection) {
    String[] row = ZEEK_ROWS[(int) (n % 50 == 0 ? 3 : n % 3)];
    return String.format(
        "%d.%06d\tC%011d\t%s\t%d\t10.1.0.1\t21\talice\t-\t%s\t%s\t-\t-\t%s\t%s",
        1_700_000_000L + n / 1000,
        n % 1_000_000,
        connection,
        address(connection),
        40_000 + connection % 20_000,
        row[0],
        row[1],
        row[2],
        row[3]);
  }

  /** One row per connection, each a finding; returns lines and sessions. */
  static long[] zeekSessions(Path file, long bytes) throws IOException {
    long lines = 0;
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      written += write(out, "#separator \\x09");
      written += write(out, "#path\tftp");
      written +=
          write(
              out,
              "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tuser\tpassword"
                  + "\tcommand\targ\tmime_type\tfile_size\treply_code\treply_msg");
      for (long n = 0; written < bytes; n++) {
        written +=
            write(
                out,
                String.format(
                    "%d.%06d\tS%011d\t%s\t%d\t10.1.0.1\t21\talice\t-\tRNTO\tx.csv\t-\t-"
                        + "\t503\tRNFR required first.",
                    1_700_000_000L + n / 1000,
                    n % 1_000_000,
                    n,
                    address((int) n),
                    40_000 + n % 20_000));
        lines++;
      }
    }
    return new long[] {lines + 3, lines};
  }

  private static String address(int n) {
    return "10.0." + ((n >> 8) & 0xff) + "." + (n & 0xff);
  }

  private static long write(BufferedWriter out, String line) throws IOException {
    out.write(line);
    out.write('\n');
    return line.length() + 1L;
  }
}
