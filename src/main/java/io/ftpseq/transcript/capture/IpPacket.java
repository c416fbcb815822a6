package io.ftpseq.transcript.capture;

/**
 * The parts of an IPv4 or IPv6 packet that TCP reassembly needs.
 *
 * @param source the sender's address, 4 or 16 bytes
 * @param destination the receiver's address
 * @param protocol the upper-layer protocol number (6 for TCP) after any IPv6 extension headers
 * @param payloadOffset where the upper-layer header starts in the frame's array
 * @param payloadLength how many payload bytes were captured, never past the packet's own length
 * @param fragment whether this is a fragment of a larger datagram
 */
@SuppressWarnings("ArrayRecordComponent") // addresses and payload, never compared or hashed
record IpPacket(
    byte[] source,
    byte[] destination,
    int protocol,
    int payloadOffset,
    int payloadLength,
    boolean fragment) {

  static final int TCP = 6;

  /**
   * How long the IP packet parsed at {@code offset} said it was, header included (0 for an IPv6
   * jumbogram, whose length is in an option).
   */
  static int lengthOnTheWire(byte[] data, int offset) {
    return (data[offset] & 0xff) >> 4 == 4
        ? NetworkOrder.u16(data, offset + 2)
        : NetworkOrder.u16(data, offset + 4) == 0 ? 0 : 40 + NetworkOrder.u16(data, offset + 4);
  }

  /** The IPv4 or IPv6 packet starting at {@code offset}, or {@code null} when it is neither. */
  static IpPacket parse(byte[] data, int offset, int end) {
    if (offset >= end) {
      return null;
    }
    return switch ((data[offset] & 0xff) >> 4) {
      case 4 -> Ipv4.parse(data, offset, end);
      case 6 -> Ipv6.parse(data, offset, end);
      default -> null;
    };
  }
}
