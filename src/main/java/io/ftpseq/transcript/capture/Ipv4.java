package io.ftpseq.transcript.capture;

import java.util.Arrays;

/** The IPv4 header (RFC 791): addresses, protocol, fragmentation, and where the payload ends. */
final class Ipv4 {

  private Ipv4() {}

  /** The packet at {@code offset}, or {@code null} when its header is cut short or invalid. */
  static IpPacket parse(byte[] data, int offset, int end) {
    if (offset + 20 > end) {
      return null;
    }
    int headerLength = (data[offset] & 0x0f) * 4;
    int totalLength = NetworkOrder.u16(data, offset + 2);
    if (headerLength < 20 || totalLength < headerLength || offset + headerLength > end) {
      return null;
    }
    int flagsAndOffset = NetworkOrder.u16(data, offset + 6);
    boolean moreFragments = (flagsAndOffset & 0x2000) != 0;
    boolean fragment = moreFragments || (flagsAndOffset & 0x1fff) != 0;
    // the total length, not the frame, says where the packet ends: Ethernet pads short frames
    int packetEnd = Math.min(end, offset + totalLength);
    return new IpPacket(
        Arrays.copyOfRange(data, offset + 12, offset + 16),
        Arrays.copyOfRange(data, offset + 16, offset + 20),
        data[offset + 9] & 0xff,
        offset + headerLength,
        packetEnd - offset - headerLength,
        fragment);
  }
}
