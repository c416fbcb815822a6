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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures {@code ftpseq check} on a large capture, and {@code tshark} decoding FTP from the same
 * file when tshark is installed. The capture repeats the recorded loopback session {@code
 * samples/pcap/apache-ftpserver-clean.pcap} with a new client address and port each time, so every
 * copy is its own TCP connection, and with a data connection to the end each PASV announced, so the
 * data connections are matched to their control connection as in a real capture. Not a test: run by
 * hand.
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

  /**
   * Writes copies of the sample's session until the file has {@code bytes}; returns the packets and
   * the sessions written. Each copy is the recorded control connection with its data connections:
   * the sample holds only the control connection, so each transfer gets a data connection to the
   * end its PASV reply announced, opened after the 150 reply ({@link #session}).
   */
  public static long[] generate(Path file, long bytes) throws IOException {
    byte[] sample = Files.readAllBytes(SAMPLE);
    List<Frame> session = session(packets());
    long written = 24;
    long count = 0;
    long sessions = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(sample, 0, 24);
      for (int copy = 0; written < bytes; copy++, sessions++) {
        for (Frame frame : session) {
          byte[] packet = frame.bytes().clone();
          retarget(packet, frame, copy);
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

  /**
   * A frame of the session, and which of its ends is the client's: the one whose address each copy
   * changes, and whose port too on the control connection.
   */
  @SuppressWarnings("ArrayRecordComponent") // the frame's bytes, copied before they are changed
  private record Frame(byte[] bytes, boolean fromClient, boolean control) {}

  private static final Pattern PASV = Pattern.compile("^227 .*\\((\\d+(?:,\\d+){5})\\)");

  /**
   * The sample's control connection with a data connection after each 150 reply: the client
   * connects from a port of its own to the end the last 227 announced, the data goes the way the
   * transfer command sends it (STOR and APPE from the client, the rest from the server), and both
   * ends close.
   */
  private static List<Frame> session(List<byte[]> control) {
    int clientPort = port(control.get(0), 0);
    List<Frame> frames = new ArrayList<>();
    int announced = -1;
    boolean upload = false;
    int transfers = 0;
    for (byte[] packet : control) {
      boolean fromClient = port(packet, 0) == clientPort;
      frames.add(new Frame(packet, fromClient, true));
      String text = new String(payload(packet), StandardCharsets.US_ASCII);
      Matcher pasv = PASV.matcher(text);
      if (!fromClient && pasv.find()) {
        String[] numbers = pasv.group(1).split(",");
        announced = Integer.parseInt(numbers[4]) * 256 + Integer.parseInt(numbers[5]);
      } else if (fromClient && !text.isEmpty()) {
        upload = text.startsWith("STOR ") || text.startsWith("APPE ");
      } else if (!fromClient && text.startsWith("150 ") && announced > 0) {
        frames.addAll(dataConnection(packet, 50_000 + ++transfers, announced, upload));
        announced = -1;
      }
    }
    return frames;
  }

  /** The frames of a data connection from the client's {@code port} to the server's {@code to}. */
  private static List<Frame> dataConnection(byte[] like, int port, int to, boolean upload) {
    byte[] data =
        (upload ? "hello\n" : "-rw-r--r-- 1 alice alice 6 Nov 22 10:00 report.csv\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    int client = 1000;
    int server = 5000;
    int sent = data.length;
    List<Frame> frames = new ArrayList<>();
    frames.add(segment(like, true, port, to, client, 0, 0x02, new byte[0]));
    frames.add(segment(like, false, port, to, server, client + 1, 0x12, new byte[0]));
    frames.add(segment(like, true, port, to, client + 1, server + 1, 0x10, new byte[0]));
    if (upload) {
      frames.add(segment(like, true, port, to, client + 1, server + 1, 0x18, data));
      frames.add(segment(like, true, port, to, client + 1 + sent, server + 1, 0x11, new byte[0]));
      frames.add(segment(like, false, port, to, server + 1, client + 2 + sent, 0x11, new byte[0]));
      frames.add(segment(like, true, port, to, client + 2 + sent, server + 2, 0x10, new byte[0]));
    } else {
      frames.add(segment(like, false, port, to, server + 1, client + 1, 0x18, data));
      frames.add(segment(like, false, port, to, server + 1 + sent, client + 1, 0x11, new byte[0]));
      frames.add(segment(like, true, port, to, client + 1, server + 2 + sent, 0x11, new byte[0]));
      frames.add(segment(like, false, port, to, server + 2 + sent, client + 2, 0x10, new byte[0]));
    }
    return frames;
  }

  /**
   * An Ethernet frame of IPv4 and TCP like {@code like} (its link header and addresses, both the
   * loopback's), with no options and checksums left at 0, which the capture reader does not check.
   */
  private static Frame segment(
      byte[] like,
      boolean fromClient,
      int clientPort,
      int serverPort,
      long seq,
      long ack,
      int flags,
      byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 20 + payload.length);
    frame.put(like, 0, 14);
    frame.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length));
    frame.putShort((short) 0).putShort((short) 0x4000).put((byte) 64).put((byte) 6);
    frame.putShort((short) 0).put(like, 26, 4).put(like, 30, 4);
    frame.putShort((short) (fromClient ? clientPort : serverPort));
    frame.putShort((short) (fromClient ? serverPort : clientPort));
    frame.putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags);
    frame.putShort((short) 0xffff).putShort((short) 0).putShort((short) 0).put(payload);
    return new Frame(frame.array(), fromClient, false);
  }

  /**
   * Gives copy {@code copy} its own client: the address 127.x.y.z of the copy's number (from 2 up,
   * never the server's 127.0.0.1), and on the control connection a port from 1024 up.
   */
  private static void retarget(byte[] packet, Frame frame, int copy) {
    int ip = 14;
    int tcp = tcp(packet);
    int address = ip + (frame.fromClient() ? 12 : 16);
    int client = copy + 2;
    packet[address + 1] = (byte) (client >> 16);
    packet[address + 2] = (byte) (client >> 8);
    packet[address + 3] = (byte) client;
    if (frame.control()) {
      int port = tcp + (frame.fromClient() ? 0 : 2);
      int newPort = 1024 + copy % 60000;
      packet[port] = (byte) (newPort >> 8);
      packet[port + 1] = (byte) newPort;
    }
  }

  /** The TCP port at {@code offset} (0 the source, 2 the destination) of a frame. */
  private static int port(byte[] packet, int offset) {
    int tcp = tcp(packet);
    return ((packet[tcp + offset] & 0xff) << 8) | (packet[tcp + offset + 1] & 0xff);
  }

  /** The TCP payload of a frame. */
  private static byte[] payload(byte[] packet) {
    int tcp = tcp(packet);
    int start = tcp + ((packet[tcp + 12] & 0xf0) >> 2);
    int total = ((packet[16] & 0xff) << 8) | (packet[17] & 0xff);
    return Arrays.copyOfRange(
        packet, Math.min(start, packet.length), Math.min(14 + total, packet.length));
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
