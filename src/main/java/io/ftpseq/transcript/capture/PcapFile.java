package io.ftpseq.transcript.capture;

import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The classic libpcap file: a 24-byte header whose magic number gives the byte order and the
 * timestamp unit (micro- or nanoseconds), then one 16-byte record header per packet followed by its
 * captured bytes. One link type serves the whole file.
 */
final class PcapFile {

  static final int MICROS = 0xa1b2c3d4;
  static final int NANOS = 0xa1b23c4d;

  /** More than this in one record means the file is damaged, not that a packet is that large. */
  static final int MAX_PACKET = 1 << 26;

  private PcapFile() {}

  /** Whether the first four bytes, read big-endian, are a pcap magic number in either order. */
  static boolean isMagic(int bigEndian) {
    return bigEndian == MICROS
        || bigEndian == NANOS
        || Integer.reverseBytes(bigEndian) == MICROS
        || Integer.reverseBytes(bigEndian) == NANOS;
  }

  /** Reads every record, giving each frame to the sink; stops at the end or at damage. */
  static void read(InputStream in, FrameSink sink) throws IOException {
    byte[] header = in.readNBytes(24);
    if (header.length < 24) {
      sink.problem(0, Phrase.of("problem.capture.headerCut", header.length));
      return;
    }
    ByteBuffer global = ByteBuffer.wrap(header);
    if (global.getInt(0) != MICROS && global.getInt(0) != NANOS) {
      global.order(ByteOrder.LITTLE_ENDIAN);
    }
    // the upper bits of the link type field carry FCS information (pcap-savefile(5))
    int linkType = global.getInt(20) & 0xffff;
    long fractionNanos = global.getInt(0) == NANOS ? 1 : 1000;
    ByteBuffer record = ByteBuffer.allocate(16).order(global.order());
    byte[] data = new byte[1 << 16];
    for (long number = 1; ; number++) {
      record.clear();
      int got = in.readNBytes(record.array(), 0, 16);
      if (got == 0) {
        return;
      }
      if (got < 16) {
        sink.problem(
            number, Phrase.of("problem.capture.recordHeaderCut", Long.toString(number), got));
        return;
      }
      int captured = record.getInt(8);
      if (captured < 0 || captured > MAX_PACKET) {
        sink.problem(
            number,
            Phrase.of(
                "problem.capture.claims", Long.toString(number), Integer.toUnsignedLong(captured)));
        return;
      }
      if (captured > data.length) {
        data = new byte[captured];
      }
      int read = in.readNBytes(data, 0, captured);
      if (read < captured) {
        sink.problem(
            number, Phrase.of("problem.capture.packetCut", Long.toString(number), read, captured));
        return;
      }
      long time =
          Integer.toUnsignedLong(record.getInt(0)) * 1_000_000_000L
              + Integer.toUnsignedLong(record.getInt(4)) * fractionNanos;
      sink.frame(number, linkType, time, data, 0, captured, record.getInt(12));
    }
  }
}
