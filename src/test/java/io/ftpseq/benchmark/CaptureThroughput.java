package io.ftpseq.benchmark;

import io.ftpseq.cli.Main;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures {@code ftpseq check} on a large capture, and {@code tshark} decoding FTP from the same
 * file when tshark is installed. The capture repeats the recorded loopback session {@code
 * samples/pcap/apache-ftpserver-clean.pcap} with a new client address and port each time, so every
 * copy is its own TCP connection. Not a test: run by hand.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * java -cp target/ftpseq.jar:target/test-classes io.ftpseq.benchmark.CaptureThroughput 200
 * </pre>
 *
 * The argument is the size of the capture in MB (default 200).
 */
public final class CaptureThroughput {

  private static final Path SAMPLE = Path.of("samples/pcap/apache-ftpserver-clean.pcap");

  private CaptureThroughput() {}

  /** Builds the capture, times ftpseq (best of three) and tshark (once), and prints the ratio. */
  public static void main(String[] args) throws IOException, InterruptedException {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 200;
    Path file = Files.createTempFile("ftpseq-benchmark", ".pcap");
    try {
      long[] counts = generate(file, megabytes * 1024 * 1024);
      double size = Files.size(file) / (1024.0 * 1024.0);
      System.out.printf("capture: %.1f MB, %d packets, %d sessions%n", size, counts[0], counts[1]);
      double best = Double.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        StringWriter out = new StringWriter();
        int code =
            Main.run(
                new String[] {"check", "--report", "json", file.toString()},
                new PrintWriter(out),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        double seconds = (System.nanoTime() - start) / 1e9;
        best = Math.min(best, seconds);
        System.out.printf("ftpseq run %d: %.2f s, exit %d%n", run + 1, seconds, code);
      }
      System.out.printf("ftpseq best: %.2f s = %.1f MB/s%n", best, size / best);
      double tshark = tshark(file);
      if (tshark > 0) {
        System.out.printf(
            "tshark: %.2f s = %.1f MB/s; tshark time / ftpseq time = %.1f%n",
            tshark, size / tshark, tshark / best);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Times tshark's FTP decoding, or returns -1 when tshark is not installed. */
  private static double tshark(Path file) throws IOException, InterruptedException {
    Path tshark = Path.of("/usr/bin/tshark");
    if (!Files.isExecutable(tshark)) {
      System.out.println("tshark not installed: no comparison");
      return -1;
    }
    String port = "tcp.port==" + serverPort();
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(
                tshark.toString(),
                "-r",
                file.toString(),
                "-d",
                port + ",ftp",
                "-Y",
                "ftp",
                "-T",
                "fields",
                "-e",
                "ftp.request.command",
                "-e",
                "ftp.response.code")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.waitFor(30, TimeUnit.MINUTES);
    return (System.nanoTime() - start) / 1e9;
  }

  /** The server port of the sample: tshark decodes FTP only on port 21 unless told. */
  private static int serverPort() throws IOException {
    List<byte[]> packets = packets();
    byte[] syn = packets.get(0);
    return ((syn[tcp(syn) + 2] & 0xff) << 8) | (syn[tcp(syn) + 3] & 0xff);
  }

  /** Writes copies of the sample's packets until the file has {@code bytes}; packets, sessions. */
  public static long[] generate(Path file, long bytes) throws IOException {
    byte[] sample = Files.readAllBytes(SAMPLE);
    List<byte[]> packets = packets();
    int clientPort =
        ((packets.get(0)[tcp(packets.get(0))] & 0xff) << 8)
            | (packets.get(0)[tcp(packets.get(0)) + 1] & 0xff);
    long written = 24;
    long count = 0;
    long sessions = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(sample, 0, 24);
      for (int copy = 0; written < bytes; copy++, sessions++) {
        for (byte[] original : packets) {
          byte[] packet = original.clone();
          retarget(packet, clientPort, copy);
          ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
          record.putInt(1_700_000_000 + copy).putInt(0).putInt(packet.length).putInt(packet.length);
          out.write(record.array());
          out.write(packet);
          written += 16 + packet.length;
          count++;
        }
      }
    }
    return new long[] {count, sessions};
  }

  /** Gives copy {@code copy} its own client: 127.x.y.1 and a port from 1024 up. */
  private static void retarget(byte[] packet, int clientPort, int copy) {
    int ip = 14;
    int tcp = tcp(packet);
    boolean fromClient = (((packet[tcp] & 0xff) << 8) | (packet[tcp + 1] & 0xff)) == clientPort;
    int address = ip + (fromClient ? 12 : 16);
    int port = tcp + (fromClient ? 0 : 2);
    int newPort = 1024 + copy % 60000;
    packet[address + 1] = (byte) ((copy / 60000) >> 8);
    packet[address + 2] = (byte) (copy / 60000);
    packet[port] = (byte) (newPort >> 8);
    packet[port + 1] = (byte) newPort;
  }

  private static int tcp(byte[] packet) {
    return 14 + (packet[14] & 0x0f) * 4;
  }

  /** The sample's Ethernet frames (it was written little-endian by tcpdump on x86). */
  private static List<byte[]> packets() throws IOException {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(SAMPLE)).order(ByteOrder.LITTLE_ENDIAN);
    List<byte[]> packets = new ArrayList<>();
    in.position(24);
    while (in.remaining() >= 16) {
      in.position(in.position() + 8);
      int captured = in.getInt();
      in.getInt();
      byte[] packet = new byte[captured];
      in.get(packet);
      packets.add(packet);
    }
    return packets;
  }
}
