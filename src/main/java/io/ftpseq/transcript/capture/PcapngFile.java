package io.ftpseq.transcript.capture;

import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The pcapng file: a sequence of blocks (type, total length, body, total length again). A Section
 * Header Block sets the byte order of the blocks after it and forgets earlier interfaces; each
 * Interface Description Block adds an interface with its own link type; Enhanced, Simple and
 * (obsolete) Packet Blocks carry frames. Other blocks (name resolution, statistics, secrets) are
 * skipped by their length.
 */
final class PcapngFile {

  static final int SECTION_HEADER = 0x0a0d0d0a;
  private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
  private static final int INTERFACE = 1;
  private static final int OBSOLETE_PACKET = 2;
  private static final int SIMPLE_PACKET = 3;
  private static final int ENHANCED_PACKET = 6;

  private final InputStream in;
  private final FrameSink sink;
  private final List<Interface> interfaces = new ArrayList<>();
  private ByteOrder order = ByteOrder.BIG_ENDIAN;
  private long packets;

  private PcapngFile(InputStream in, FrameSink sink) {
    this.in = in;
    this.sink = sink;
  }

  /** Reads every block, giving each frame to the sink; stops at the end or at damage. */
  static void read(InputStream in, FrameSink sink) throws IOException {
    new PcapngFile(in, sink).blocks();
  }

  private void blocks() throws IOException {
    byte[] head = new byte[12];
    while (true) {
      int got = in.readNBytes(head, 0, 8);
      if (got == 0) {
        return;
      }
      if (got < 8) {
        cutShort(got, 8, -1);
        return;
      }
      boolean section = ByteBuffer.wrap(head).getInt(0) == SECTION_HEADER;
      if (section && !readOrder(head)) {
        cutShort(8, 12, SECTION_HEADER);
        return;
      }
      ByteBuffer fields = ByteBuffer.wrap(head).order(order);
      int type = fields.getInt(0);
      long length = Integer.toUnsignedLong(fields.getInt(4));
      if (length < 12 || length % 4 != 0 || length > PcapFile.MAX_PACKET) {
        sink.problem(
            packets + 1,
            Phrase.of(
                "problem.capture.blockLength",
                Integer.toHexString(type),
                Long.toString(packets),
                length));
        return;
      }
      byte[] body = new byte[(int) length - 8];
      int already = section ? 4 : 0;
      System.arraycopy(head, 8, body, 0, already);
      int read = already + in.readNBytes(body, already, body.length - already);
      if (read < body.length) {
        cutShort(read, body.length, type);
        return;
      }
      block(type, ByteBuffer.wrap(body, 0, body.length - 4).order(order));
    }
  }

  /**
   * Reads a Section Header Block's byte-order magic into {@code head[8..12]} and sets the order of
   * this section from it; false when the file ends first.
   */
  private boolean readOrder(byte[] head) throws IOException {
    if (in.readNBytes(head, 8, 4) < 4) {
      return false;
    }
    int magic = ByteBuffer.wrap(head).getInt(8);
    order = magic == BYTE_ORDER_MAGIC ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    interfaces.clear();
    return true;
  }

  private void block(int type, ByteBuffer body) {
    switch (type) {
      case INTERFACE -> interfaces.add(Interface.of(body));
      case SECTION_HEADER -> {
        // the byte order was taken from it already; its options name the capturing host
      }
      case ENHANCED_PACKET ->
          packet(body.getInt(0), timestamp(body), body, 20, body.getInt(12), body.getInt(16));
      case OBSOLETE_PACKET ->
          packet(
              body.getShort(0) & 0xffff,
              timestamp(body),
              body,
              20,
              body.getInt(12),
              body.getInt(16));
      case SIMPLE_PACKET -> {
        int snap = interfaces.isEmpty() ? 0 : interfaces.get(0).snapLength();
        int length = body.getInt(0);
        packet(0, -1, body, 4, snap > 0 ? Math.min(length, snap) : length, length);
      }
      default -> {
        // name resolution, statistics, decryption secrets and custom blocks say nothing of FTP
      }
    }
  }

  /** The 64-bit timestamp of an Enhanced (or obsolete) Packet Block, in its interface's units. */
  private static long timestamp(ByteBuffer body) {
    return (Integer.toUnsignedLong(body.getInt(4)) << 32) | Integer.toUnsignedLong(body.getInt(8));
  }

  private void packet(
      int interfaceId, long units, ByteBuffer body, int offset, int captured, int original) {
    long number = ++packets;
    int available = body.limit() - offset;
    if (interfaceId < 0 || interfaceId >= interfaces.size()) {
      sink.problem(
          number,
          Phrase.of(
              "problem.capture.noInterface", Long.toString(number), Integer.toString(interfaceId)));
      return;
    }
    if (captured < 0 || captured > available) {
      sink.problem(
          number,
          Phrase.of(
              "problem.capture.blockHolds",
              Long.toString(number),
              Integer.toUnsignedLong(captured),
              available));
      captured = Math.max(0, available);
    }
    Interface captor = interfaces.get(interfaceId);
    long time = units < 0 ? FrameSink.NO_TIME : captor.nanos(units);
    sink.frame(
        number,
        captor.linkType(),
        time,
        body.array(),
        body.arrayOffset() + offset,
        captured,
        original);
  }

  private void cutShort(int got, int wanted, int type) {
    boolean packet = type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == OBSOLETE_PACKET;
    sink.problem(
        packets + 1,
        packet
            ? Phrase.of("problem.capture.packetBlockCut", Long.toString(packets + 1), got, wanted)
            : Phrase.of("problem.capture.blockCut", Long.toString(packets), got, wanted));
  }
}
