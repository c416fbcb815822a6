package io.ftpseq.transcript.capture;

import java.nio.ByteBuffer;

/**
 * A pcapng Interface Description Block: the link type of its packets, their snapshot length, and
 * the unit and offset of their timestamps (options {@code if_tsresol} and {@code if_tsoffset}).
 *
 * @param linkType the LINKTYPE_ value
 * @param snapLength the most bytes captured per packet, 0 for no limit
 * @param resolution {@code if_tsresol}: 10^-n seconds per unit, or 2^-n with the top bit set
 * @param offsetSeconds {@code if_tsoffset}: seconds to add to every timestamp
 */
record Interface(int linkType, int snapLength, int resolution, long offsetSeconds) {

  private static final int OPTION_END = 0;
  private static final int OPTION_TSRESOL = 9;
  private static final int OPTION_TSOFFSET = 14;

  /** Microseconds, when the block does not say. */
  private static final int MICROSECONDS = 6;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** Reads the block's body (without its type and lengths). */
  static Interface of(ByteBuffer body) {
    int resolution = MICROSECONDS;
    long offsetSeconds = 0;
    int at = 8;
    while (at + 4 <= body.limit()) {
      int code = body.getShort(at) & 0xffff;
      int length = body.getShort(at + 2) & 0xffff;
      if (code == OPTION_END || at + 4 + length > body.limit()) {
        break;
      }
      if (code == OPTION_TSRESOL && length >= 1) {
        resolution = body.get(at + 4) & 0xff;
      } else if (code == OPTION_TSOFFSET && length >= 8) {
        offsetSeconds = body.getLong(at + 4);
      }
      at += 4 + ((length + 3) & ~3);
    }
    return new Interface(body.getShort(0) & 0xffff, body.getInt(4), resolution, offsetSeconds);
  }

  /** A timestamp of this interface, in nanoseconds since 1970-01-01 UTC. */
  long nanos(long units) {
    int exponent = resolution & 0x7f;
    long perSecond;
    if ((resolution & 0x80) != 0) {
      perSecond = exponent >= 63 ? Long.MAX_VALUE : 1L << exponent;
    } else {
      perSecond = 1;
      for (int i = 0; i < exponent && perSecond <= Long.MAX_VALUE / 10; i++) {
        perSecond *= 10;
      }
    }
    long seconds = Long.divideUnsigned(units, perSecond);
    long rest = Long.remainderUnsigned(units, perSecond);
    long fraction = (long) ((double) rest * NANOS_PER_SECOND / perSecond);
    return (seconds + offsetSeconds) * NANOS_PER_SECOND + fraction;
  }
}
