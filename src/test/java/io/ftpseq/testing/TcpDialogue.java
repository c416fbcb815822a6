package io.ftpseq.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP connection written packet by packet for capture tests: it keeps both sequence numbers, so a
 * test says what each side sends and gets IP packets it may then split, reorder, repeat or drop.
 */
public final class TcpDialogue {

  private final byte[] client;
  private final byte[] server;
  private final int clientPort;
  private final int serverPort;
  private int clientSeq;
  private int serverSeq;
  private final List<byte[]> packets = new ArrayList<>();

  /** A connection between the two addresses and ports, with the given initial sequence numbers. */
  public TcpDialogue(
      byte[] client, int clientPort, byte[] server, int serverPort, int clientIsn, int serverIsn) {
    this.client = client.clone();
    this.server = server.clone();
    this.clientPort = clientPort;
    this.serverPort = serverPort;
    this.clientSeq = clientIsn;
    this.serverSeq = serverIsn;
  }

  /** An IPv4 connection 10.0.0.1:40000 -> 10.0.0.2:21. */
  public static TcpDialogue ipv4(int clientIsn, int serverIsn) {
    return new TcpDialogue(
        new byte[] {10, 0, 0, 1}, 40000, new byte[] {10, 0, 0, 2}, 21, clientIsn, serverIsn);
  }

  /** The three-way handshake. */
  public TcpDialogue handshake() {
    packets.add(segment(true, clientSeq++, 0, CaptureWriter.SYN, new byte[0]));
    packets.add(
        segment(false, serverSeq++, clientSeq, CaptureWriter.SYN | CaptureWriter.ACK, new byte[0]));
    packets.add(segment(true, clientSeq, serverSeq, CaptureWriter.ACK, new byte[0]));
    return this;
  }

  /** The client sends text in one segment. */
  public TcpDialogue client(String text) {
    packets.add(data(true, text.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** The server sends text in one segment. */
  public TcpDialogue server(String text) {
    packets.add(data(false, text.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** The next data segment from one side, built but not added, and the sequence number moved on. */
  public byte[] data(boolean fromClient, byte[] payload) {
    int flags = CaptureWriter.ACK | CaptureWriter.PSH;
    byte[] packet =
        fromClient
            ? segment(true, clientSeq, serverSeq, flags, payload)
            : segment(false, serverSeq, clientSeq, flags, payload);
    if (fromClient) {
      clientSeq += payload.length;
    } else {
      serverSeq += payload.length;
    }
    return packet;
  }

  /** Both sides close with FIN. */
  public TcpDialogue close() {
    packets.add(
        segment(true, clientSeq++, serverSeq, CaptureWriter.FIN | CaptureWriter.ACK, new byte[0]));
    packets.add(
        segment(false, serverSeq++, clientSeq, CaptureWriter.FIN | CaptureWriter.ACK, new byte[0]));
    packets.add(segment(true, clientSeq, serverSeq, CaptureWriter.ACK, new byte[0]));
    return this;
  }

  /** Adds a packet built by the test. */
  public TcpDialogue add(byte[] packet) {
    packets.add(packet);
    return this;
  }

  /** A segment from one side with explicit numbers; not added. */
  public byte[] segment(boolean fromClient, int seq, int ack, int flags, byte[] payload) {
    return fromClient
        ? CaptureWriter.tcp(client, clientPort, server, serverPort, seq, ack, flags, payload)
        : CaptureWriter.tcp(server, serverPort, client, clientPort, seq, ack, flags, payload);
  }

  /** The client's next sequence number. */
  public int clientSeq() {
    return clientSeq;
  }

  /** The server's next sequence number. */
  public int serverSeq() {
    return serverSeq;
  }

  /** The IP packets so far, in order. */
  public List<byte[]> packets() {
    return packets;
  }
}
