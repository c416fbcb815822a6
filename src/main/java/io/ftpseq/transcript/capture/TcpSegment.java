package io.ftpseq.transcript.capture;

/**
 * The parts of a TCP segment (RFC 9293 §3.1) that reassembly needs.
 *
 * @param sourcePort the sender's port
 * @param destinationPort the receiver's port
 * @param sequence the sequence number of the first payload byte (of the SYN when it is set)
 * @param acknowledgement the next sequence number the sender expects, valid when {@code ack}
 * @param flags the flag bits of the header's 14th byte
 * @param payloadOffset where the payload starts in the frame's array
 * @param payloadLength how many payload bytes were captured
 */
record TcpSegment(
    int sourcePort,
    int destinationPort,
    int sequence,
    int acknowledgement,
    int flags,
    int payloadOffset,
    int payloadLength) {

  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int ACK = 0x10;

  /** The segment in the IP packet's payload, or {@code null} when its header is cut short. */
  static TcpSegment parse(byte[] data, IpPacket ip) {
    return parse(data, ip, false);
  }

  /**
   * The segment of a packet the capture cut inside the TCP header: the fixed 20 bytes give its
   * numbers and flags, and none of its payload was captured; {@code null} when even they were cut.
   */
  static TcpSegment parseCut(byte[] data, IpPacket ip) {
    return parse(data, ip, true);
  }

  private static TcpSegment parse(byte[] data, IpPacket ip, boolean cut) {
    int at = ip.payloadOffset();
    if (ip.payloadLength() < 20) {
      return null;
    }
    int headerLength = ((data[at + 12] & 0xff) >> 4) * 4;
    if (headerLength < 20 || (!cut && headerLength > ip.payloadLength())) {
      return null;
    }
    return new TcpSegment(
        NetworkOrder.u16(data, at),
        NetworkOrder.u16(data, at + 2),
        NetworkOrder.i32(data, at + 4),
        NetworkOrder.i32(data, at + 8),
        data[at + 13] & 0xff,
        at + headerLength,
        cut ? 0 : ip.payloadLength() - headerLength);
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }
}
