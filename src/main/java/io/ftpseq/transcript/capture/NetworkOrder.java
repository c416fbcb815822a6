package io.ftpseq.transcript.capture;

/** Big-endian reads of the unsigned fields of packet headers, which are always in network order. */
final class NetworkOrder {

  private NetworkOrder() {}

  /** The unsigned 16-bit value at {@code offset}. */
  static int u16(byte[] data, int offset) {
    return ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
  }

  /** The 32-bit value at {@code offset}; sequence numbers are compared modulo 2^32 as ints. */
  static int i32(byte[] data, int offset) {
    return (u16(data, offset) << 16) | u16(data, offset + 2);
  }
}
