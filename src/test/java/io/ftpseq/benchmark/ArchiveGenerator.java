package io.ftpseq.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Generates a log archive for the scale benchmark of the Spark check: a directory per server with
 * its logs, in turn a vsftpd server ({@code vsftpd.log.2.gz}, {@code vsftpd.log.1}, {@code
 * vsftpd.log}: rotated generations, sessions running across the cuts), a ProFTPD server ({@code
 * proftpd.log.1}, {@code proftpd.log}), a Zeek sensor ({@code ftp.log}) and a Commons Net client
 * ({@code transfers.log}), until the archive has the number of files asked. Every fiftieth session
 * sends RNTO without RNFR, so the check has findings to write. Sizes are of the uncompressed text.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * java -cp target/test-classes io.ftpseq.benchmark.ArchiveGenerator /tmp/archive 1000 10240
 * </pre>
 *
 * Arguments: the directory, the number of files, and the total size in MB.
 */
public final class ArchiveGenerator {

  private final long fileBytes;
  private long sessions;

  private ArchiveGenerator(long fileBytes) {
    this.fileBytes = fileBytes;
  }

  /** Writes the archive and prints what it wrote. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    int files = Integer.parseInt(args[1]);
    long megabytes = Long.parseLong(args[2]);
    ArchiveGenerator generator = new ArchiveGenerator(megabytes * 1024 * 1024 / files);
    int written = 0;
    for (int server = 0; written < files; server++) {
      Path dir = Files.createDirectories(root.resolve(String.format("server-%05d", server)));
      int left = files - written;
      written +=
          switch (server % 4) {
            case 0 -> generator.vsftpd(dir, Math.min(3, left));
            case 1 -> generator.proftpd(dir, Math.min(2, left));
            case 2 -> generator.zeek(dir);
            default -> generator.commonsNet(dir);
          };
    }
    System.out.printf(
        "%d files, %d MB, %d sessions in %s%n", written, megabytes, generator.sessions, root);
  }

  /** A vsftpd server's rotated log, oldest generation compressed; returns the files written. */
  private int vsftpd(Path dir, int generations) throws IOException {
    List<String> names = new ArrayList<>();
    for (int g = generations - 1; g >= 0; g--) {
      names.add(g == 0 ? "vsftpd.log" : g == 2 ? "vsftpd.log.2.gz" : "vsftpd.log." + g);
    }
    try (Generations out = new Generations(dir, names)) {
      for (int pid = 1000; !out.done(); pid += 3) {
        String client = "Client \"" + address(sessions) + "\"";
        String at = "Mon Nov 23 06:40:23 2026 [pid ";
        boolean bad = ++sessions % 50 == 0;
        out.line(at + pid + "] CONNECT: " + client);
        out.line(at + pid + "] FTP response: " + client + ", \"220 (vsFTPd 3.0.3)\"");
        out.line(at + pid + "] FTP command: " + client + ", \"USER alice\"");
        out.line(
            at
                + pid
                + "] [alice] FTP response: "
                + client
                + ", \"331 Please specify the password.\"");
        out.line(at + pid + "] [alice] FTP command: " + client + ", \"PASS <password>\"");
        out.line(at + (pid - 1) + "] [alice] OK LOGIN: " + client);
        String p = at + (pid + 1) + "] [alice] FTP ";
        out.line(p + "response: " + client + ", \"230 Login successful.\"");
        for (int i = 0; i < 4; i++) {
          out.line(p + "command: " + client + ", \"PASV\"");
          out.line(
              p + "response: " + client + ", \"227 Entering Passive Mode (10,0,0,1,160,47).\"");
          out.line(p + "command: " + client + ", \"RETR report-" + i + ".csv\"");
          out.line(p + "response: " + client + ", \"150 Opening BINARY mode data connection.\"");
          out.line(p + "response: " + client + ", \"226 Transfer complete.\"");
          if (!bad) {
            out.line(p + "command: " + client + ", \"RNFR report-" + i + ".csv\"");
            out.line(p + "response: " + client + ", \"350 Ready for RNTO.\"");
          }
          out.line(p + "command: " + client + ", \"RNTO done-" + i + ".csv\"");
          out.line(
              p
                  + "response: "
                  + client
                  + ", \""
                  + (bad ? "503 RNFR required first." : "250 Rename successful.")
                  + "\"");
        }
        out.line(p + "command: " + client + ", \"QUIT\"");
        out.line(p + "response: " + client + ", \"221 Goodbye.\"");
      }
    }
    return generations;
  }

  /** A ProFTPD server's ExtendedLog in the default LogFormat, one generation rotated. */
  private int proftpd(Path dir, int generations) throws IOException {
    List<String> names =
        generations == 2 ? List.of("proftpd.log.1", "proftpd.log") : List.of("proftpd.log");
    try (Generations out = new Generations(dir, names)) {
      while (!out.done()) {
        String ip = address(sessions);
        boolean bad = ++sessions % 50 == 0;
        String line = ip + " UNKNOWN alice [23/Nov/2026:08:46:14 +0000] \"";
        out.line(ip + " UNKNOWN - [23/Nov/2026:08:46:14 +0000] \"USER alice\" 331 -");
        out.line(line + "PASS (hidden)\" 230 -");
        for (int i = 0; i < 4; i++) {
          out.line(line + "PASV\" 227 -");
          out.line(line + "RETR report-" + i + ".csv\" 226 7");
          if (!bad) {
            out.line(line + "RNFR report-" + i + ".csv\" 350 -");
          }
          out.line(line + "RNTO done-" + i + ".csv\" " + (bad ? "503" : "250") + " -");
        }
        out.line(line + "QUIT\" 221 -");
      }
    }
    return generations;
  }

  /** A Zeek sensor's ftp.log (TSV), one row per logged command. */
  private int zeek(Path dir) throws IOException {
    try (Generations out = new Generations(dir, List.of("ftp.log"))) {
      out.line("#separator \\x09");
      out.line("#set_separator\t,");
      out.line("#empty_field\t(empty)");
      out.line("#unset_field\t-");
      out.line("#path\tftp");
      out.line(
          "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tuser\tpassword\tcommand"
              + "\targ\tmime_type\tfile_size\treply_code\treply_msg\tdata_channel.passive"
              + "\tdata_channel.orig_h\tdata_channel.resp_h\tdata_channel.resp_p\tfuid");
      out.line(
          "#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tstring\tstring\tstring"
              + "\tcount\tcount\tstring\tbool\taddr\taddr\tport\tstring");
      while (!out.done()) {
        String uid = "C" + Long.toString(1_000_000_000L + sessions, 36);
        String head =
            "1795336823.114210\t"
                + uid
                + "\t"
                + address(sessions)
                + "\t51512\t192.168.60.20\t21\talice\t-\t";
        boolean bad = ++sessions % 50 == 0;
        for (int i = 0; i < 4; i++) {
          if (!bad) {
            out.line(
                head
                    + "PASV\t-\t-\t-\t227\tEntering Passive Mode (192,168,60,20,156,71).\tT"
                    + "\t10.0.0.1\t192.168.60.20\t40007\t-");
          }
          out.line(
              head
                  + "RETR\tftp://192.168.60.20/report-"
                  + i
                  + ".csv\t-\t-\t"
                  + (bad ? "425\tUse PORT or PASV first." : "226\tTransfer complete.")
                  + "\t-\t-\t-\t-\t-");
        }
      }
    }
    return 1;
  }

  /** A Commons Net client's PrintCommandListener log: one long session of transfers. */
  private int commonsNet(Path dir) throws IOException {
    try (Generations out = new Generations(dir, List.of("transfers.log"))) {
      out.line("220 Service ready for new user.");
      out.line("USER *******");
      out.line("331 User name okay, need password for alice.");
      out.line("PASS *******");
      out.line("230 User logged in, proceed.");
      for (int i = 0; !out.done(); i++) {
        boolean bad = ++sessions % 50 == 0;
        out.line("PASV");
        out.line("227 Entering Passive Mode (127,0,0,1,138,175)");
        out.line("RETR report-" + i + ".csv");
        out.line("150 File status okay; about to open data connection.");
        out.line("226 Transfer complete.");
        if (!bad) {
          out.line("RNFR report-" + i + ".csv");
          out.line("350 Requested file action pending further information.");
        }
        out.line("RNTO done-" + i + ".csv");
        out.line(
            bad
                ? "503 Can't find the file which has to be renamed."
                : "250 Requested file action okay, completed.");
      }
      out.line("QUIT");
      out.line("221 Goodbye.");
    }
    return 1;
  }

  /** A client address per session, distinct for sixteen million sessions. */
  private static String address(long session) {
    return "10." + ((session >> 16) & 255) + "." + ((session >> 8) & 255) + "." + (session & 255);
  }

  /**
   * The generations of one log, oldest first: lines go to a file until it holds its share of the
   * archive, then to the next; a {@code .gz} generation is compressed.
   */
  private final class Generations implements AutoCloseable {
    private final Path dir;
    private final List<String> names;
    private int index = -1;
    private long written;
    private Writer out;

    Generations(Path dir, List<String> names) throws IOException {
      this.dir = dir;
      this.names = names;
      next();
    }

    void line(String text) throws IOException {
      if (written >= fileBytes && index < names.size() - 1) {
        next();
      }
      out.write(text);
      out.write('\n');
      written += text.length() + 1;
    }

    /** Whether the last generation holds its share. */
    boolean done() {
      return index == names.size() - 1 && written >= fileBytes;
    }

    private void next() throws IOException {
      close();
      String name = names.get(++index);
      OutputStream raw = Files.newOutputStream(dir.resolve(name));
      OutputStream stream = name.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
      out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
      written = 0;
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        out.close();
        out = null;
      }
    }
  }
}
