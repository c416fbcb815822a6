package io.ftpseq.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes small packet captures for tests: IPv4/IPv6 TCP packets, link-layer framings, and the pcap
 * and pcapng files around them. Checksums are left zero; readers of captures do not check them.
 */
public final class CaptureWriter {

  /** TCP flag bits. */
  public static final int FIN = 0x01;

  /** TCP flag bits. */
  public static final int SYN = 0x02;

  /** TCP flag bits. */
  public static final int RST = 0x04;

  /** TCP flag bits. */
  public static final int PSH = 0x08;

  /** TCP flag bits. */
  public static final int ACK = 0x10;

  /**
   * One frame for a capture file.
   *
   * @param linkType its LINKTYPE_ value
   * @param interfaceId the pcapng interface it was captured on
   * @param bytes the frame
   */
  @SuppressWarnings("ArrayRecordComponent") // frame bytes, never compared or hashed
  public record Frame(int linkType, int interfaceId, byte[] bytes) {}

  private CaptureWriter() {}

  /** A TCP segment in an IPv4 packet (4-byte addresses) or IPv6 packet (16-byte addresses). */
  public static byte[] tcp(
      byte[] src, int sport, byte[] dst, int dport, int seq, int ack, int flags, byte[] data) {
    ByteBuffer tcp = ByteBuffer.allocate(20 + data.length);
    tcp.putShort((short) sport).putShort((short) dport).putInt(seq).putInt(ack);
    tcp.put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0).put(data);
    return src.length == 4 ? ipv4(src, dst, 6, tcp.array(), 0) : ipv6(src, dst, tcp.array(), false);
  }

  /** An IPv4 packet; {@code fragment} is the flags-and-offset field. */
  public static byte[] ipv4(byte[] src, byte[] dst, int protocol, byte[] payload, int fragment) {
    ByteBuffer ip = ByteBuffer.allocate(20 + payload.length);
    ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) 1);
    ip.putShort((short) fragment).put((byte) 64).put((byte) protocol).putShort((short) 0);
    ip.put(src).put(dst).put(payload);
    return ip.array();
  }

  /** An IPv6 packet carrying TCP, with a hop-by-hop options header before it when asked. */
  public static byte[] ipv6(byte[] src, byte[] dst, byte[] tcp, boolean hopByHop) {
    int extension = hopByHop ? 8 : 0;
    ByteBuffer ip = ByteBuffer.allocate(40 + extension + tcp.length);
    ip.putInt(0x60000000).putShort((short) (extension + tcp.length));
    ip.put((byte) (hopByHop ? 0 : 6)).put((byte) 64).put(src).put(dst);
    if (hopByHop) {
      // next header TCP, length 0 (8 bytes), a PadN option filling the rest
      ip.put(new byte[] {6, 0, 1, 4, 0, 0, 0, 0});
    }
    ip.put(tcp);
    return ip.array();
  }

  /** An Ethernet II frame around an IP packet, with the given VLAN tag types (0x8100, 0x88a8). */
  public static byte[] ethernet(byte[] ip, int... vlanTags) {
    ByteBuffer frame = ByteBuffer.allocate(14 + 4 * vlanTags.length + ip.length);
    frame.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2});
    for (int tag : vlanTags) {
      frame.putShort((short) tag).putShort((short) 42);
    }
    frame.putShort((short) etherType(ip)).put(ip);
    return frame.array();
  }

  /** A Linux cooked (SLL) frame. */
  public static byte[] sll(byte[] ip) {
    ByteBuffer frame = ByteBuffer.allocate(16 + ip.length);
    frame.putShort((short) 0).putShort((short) 772).putShort((short) 6).put(new byte[8]);
    frame.putShort((short) etherType(ip)).put(ip);
    return frame.array();
  }

  /** A Linux cooked v2 (SLL2) frame, as {@code tcpdump -i any} writes it. */
  public static byte[] sll2(byte[] ip) {
    ByteBuffer frame = ByteBuffer.allocate(20 + ip.length);
    frame.putShort((short) etherType(ip)).putShort((short) 0).putInt(1).putShort((short) 772);
    frame.put((byte) 0).put((byte) 6).put(new byte[8]).put(ip);
    return frame.array();
  }

  /** A BSD loopback (NULL) frame with the address family in the given byte order. */
  public static byte[] loopback(byte[] ip, ByteOrder order) {
    ByteBuffer frame = ByteBuffer.allocate(4 + ip.length).order(order);
    frame.putInt(ip[0] >> 4 == 4 ? 2 : 30).put(ip);
    return frame.array();
  }

  /** A classic pcap file of frames of one link type. */
  public static byte[] pcap(List<byte[]> frames, int linkType, ByteOrder order, boolean nanos) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(24).order(order);
    header.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4);
    header.putInt(0).putInt(0).putInt(262144).putInt(linkType);
    out.writeBytes(header.array());
    int n = 0;
    for (byte[] frame : frames) {
      ByteBuffer record = ByteBuffer.allocate(16).order(order);
      record.putInt(1_700_000_000 + n).putInt(n++).putInt(frame.length).putInt(frame.length);
      out.writeBytes(record.array());
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  /**
   * A pcapng file: one section in the given byte order, one interface per link type listed, an
   * unknown block (which readers must skip), then each frame in an Enhanced Packet Block.
   */
  public static byte[] pcapng(List<Frame> frames, List<Integer> interfaces, ByteOrder order) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        block(
            0x0a0d0d0a,
            order,
            body(order, 16)
                .putInt(0x1a2b3c4d)
                .putShort((short) 1)
                .putShort((short) 0)
                .putLong(-1L)));
    for (int linkType : interfaces) {
      out.writeBytes(
          block(1, order, body(order, 8).putShort((short) linkType).putShort((short) 0).putInt(0)));
    }
    out.writeBytes(block(0x0BAD0BAD, order, body(order, 4).putInt(7)));
    for (Frame frame : frames) {
      int padded = (frame.bytes().length + 3) & ~3;
      ByteBuffer epb =
          body(order, 20 + padded)
              .putInt(frame.interfaceId())
              .putInt(0)
              .putInt(0)
              .putInt(frame.bytes().length)
              .putInt(frame.bytes().length)
              .put(frame.bytes());
      out.writeBytes(block(6, order, epb));
    }
    return out.toByteArray();
  }

  private static ByteBuffer body(ByteOrder order, int length) {
    return ByteBuffer.allocate(length).order(order);
  }

  private static byte[] block(int type, ByteOrder order, ByteBuffer body) {
    int length = 12 + body.capacity();
    ByteBuffer block = ByteBuffer.allocate(length).order(order);
    block
        .putInt(type)
        .putInt(length)
        .put(body.array(), body.arrayOffset(), body.capacity())
        .putInt(length);
    return block.array();
  }

  private static int etherType(byte[] ip) {
    return (ip[0] & 0xff) >> 4 == 4 ? 0x0800 : 0x86dd;
  }
}
