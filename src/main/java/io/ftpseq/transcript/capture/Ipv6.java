package io.ftpseq.transcript.capture;

import java.util.Arrays;

/**
 * The IPv6 header (RFC 8200) and the extension headers that may stand between it and TCP:
 * hop-by-hop options, routing, destination options, fragment and authentication headers.
 */
final class Ipv6 {

  private static final int HOP_BY_HOP = 0;
  private static final int ROUTING = 43;
  private static final int FRAGMENT = 44;
  private static final int AUTHENTICATION = 51;
  private static final int DESTINATION = 60;

  private Ipv6() {}

  /** The packet at {@code offset}, or {@code null} when its headers are cut short. */
  static IpPacket parse(byte[] data, int offset, int end) {
    if (offset + 40 > end) {
      return null;
    }
    int payloadLength = NetworkOrder.u16(data, offset + 4);
    // a zero payload length means a jumbogram, whose length is in an option; the frame bounds it
    int packetEnd = payloadLength == 0 ? end : Math.min(end, offset + 40 + payloadLength);
    int next = data[offset + 6] & 0xff;
    int at = offset + 40;
    boolean fragment = false;
    while (next == HOP_BY_HOP
        || next == ROUTING
        || next == FRAGMENT
        || next == AUTHENTICATION
        || next == DESTINATION) {
      if (at + 8 > packetEnd) {
        return null;
      }
      int length;
      if (next == FRAGMENT) {
        fragment = fragment || (NetworkOrder.u16(data, at + 2) & 0xfff9) != 0;
        length = 8;
      } else if (next == AUTHENTICATION) {
        length = ((data[at + 1] & 0xff) + 2) * 4;
      } else {
        length = ((data[at + 1] & 0xff) + 1) * 8;
      }
      next = data[at] & 0xff;
      at += length;
    }
    if (at > packetEnd) {
      return null;
    }
    return new IpPacket(
        Arrays.copyOfRange(data, offset + 8, offset + 24),
        Arrays.copyOfRange(data, offset + 24, offset + 40),
        next,
        at,
        packetEnd - at,
        fragment);
  }
}
