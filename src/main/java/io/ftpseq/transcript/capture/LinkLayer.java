package io.ftpseq.transcript.capture;

/**
 * The link-layer framings FTP captures come in, by their LINKTYPE_ number (tcpdump.org linktypes):
 * where the IP packet inside a frame starts. Frames that carry something other than IP (ARP,
 * spanning tree) have no IP packet.
 */
final class LinkLayer {

  static final int NULL = 0;
  static final int ETHERNET = 1;
  static final int RAW_OLD = 12;
  static final int RAW_OPENBSD = 14;
  static final int RAW = 101;
  static final int LOOP = 108;
  static final int LINUX_SLL = 113;
  static final int IPV4 = 228;
  static final int IPV6 = 229;
  static final int LINUX_SLL2 = 276;

  /** Returned when a frame holds no IP packet. */
  static final int NO_IP = -1;

  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86dd;

  private LinkLayer() {}

  /** Whether frames of this link type can be read. */
  static boolean supports(int linkType) {
    return switch (linkType) {
      case NULL, ETHERNET, RAW_OLD, RAW_OPENBSD, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 ->
          true;
      default -> false;
    };
  }

  /** Where the IP header starts in the frame, or {@link #NO_IP}. */
  static int ipStart(int linkType, byte[] data, int offset, int length) {
    int end = offset + length;
    return switch (linkType) {
      case ETHERNET -> ethernet(data, offset, end);
      case LINUX_SLL -> etherType(data, offset + 14, end, offset + 16);
      case LINUX_SLL2 -> etherType(data, offset, end, offset + 20);
      case NULL, LOOP -> family(data, offset, end);
      default -> length > 0 ? offset : NO_IP;
    };
  }

  /** Ethernet II, skipping any number of 802.1Q, 802.1ad (QinQ) and old 0x9100 VLAN tags. */
  private static int ethernet(byte[] data, int offset, int end) {
    int type = offset + 12;
    while (type + 2 <= end) {
      int value = NetworkOrder.u16(data, type);
      if (value == 0x8100 || value == 0x88a8 || value == 0x9100) {
        type += 4;
      } else {
        return etherType(data, type, end, type + 2);
      }
    }
    return NO_IP;
  }

  private static int etherType(byte[] data, int at, int end, int payload) {
    if (payload > end) {
      return NO_IP;
    }
    int type = NetworkOrder.u16(data, at);
    return type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6 ? payload : NO_IP;
  }

  /**
   * BSD loopback: a 4-byte address family in the byte order of the capturing host (NULL) or in
   * network order (LOOP). AF_INET is 2 everywhere; AF_INET6 is 10, 24, 28 or 30 depending on the
   * system, so both byte orders and every value are accepted.
   */
  private static int family(byte[] data, int offset, int end) {
    if (offset + 4 > end) {
      return NO_IP;
    }
    int big = NetworkOrder.i32(data, offset);
    int value = (big & 0xffff0000) != 0 ? Integer.reverseBytes(big) : big;
    return switch (value) {
      case 2, 10, 24, 28, 30 -> offset + 4;
      default -> NO_IP;
    };
  }
}
