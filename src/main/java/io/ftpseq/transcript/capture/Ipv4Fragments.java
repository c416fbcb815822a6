package io.ftpseq.transcript.capture;

import io.ftpseq.session.Phrase;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reassembles fragmented IPv4 datagrams (RFC 791 §3.2), keyed by source, destination, protocol and
 * identification. Where fragments overlap, the bytes that arrived first are kept. Memory is
 * bounded: a datagram is given up when it has more than {@value #MAX_FRAGMENTS} fragments or is
 * still incomplete {@value #MAX_AGE} packets after its first, and the oldest is given up when more
 * than {@value #MAX_PENDING} are pending. A datagram given up, or still incomplete when the capture
 * ends, is reported, and its bytes count as not captured.
 */
final class Ipv4Fragments {

  static final int MAX_FRAGMENTS = 64;
  static final int MAX_AGE = 10_000;
  static final int MAX_PENDING = 64;

  /** What is done with a datagram that could not be reassembled. */
  interface Failures {
    /**
     * The datagram first seen at {@code firstFrame} was given up at {@code frame}, and why; its
     * {@code fragments} packets could not be read. The phrases are made only for a datagram given
     * up, never for a fragment read.
     */
    void gaveUp(long frame, long firstFrame, Phrase datagram, Phrase why, int fragments);
  }

  private record Key(long addresses, int protocolAndId) {}

  /** One datagram being reassembled. */
  private static final class Pending {
    final long firstFrame;
    final IpPacket first;
    final int id;
    byte[] header;
    byte[] payload = new byte[0];
    final BitSet filled = new BitSet();
    int total = -1;
    int fragments;

    Pending(long firstFrame, IpPacket first, int id) {
      this.firstFrame = firstFrame;
      this.first = first;
      this.id = id;
    }

    /** The datagram by its identification and addresses, as a problem names it. */
    Phrase name() {
      return Phrase.of(
          "capture.datagram",
          Integer.toString(id),
          dotted(first.source()),
          dotted(first.destination()));
    }

    void add(int offset, byte[] data, int from, int length) {
      if (offset + length > payload.length) {
        byte[] larger = new byte[offset + length];
        System.arraycopy(payload, 0, larger, 0, payload.length);
        payload = larger;
      }
      for (int i = 0; i < length; i++) {
        if (!filled.get(offset + i)) {
          payload[offset + i] = data[from + i];
        }
      }
      filled.set(offset, offset + length);
    }

    boolean complete() {
      return header != null && total >= 0 && filled.nextClearBit(0) >= total;
    }

    Phrase missing() {
      if (header == null) {
        return Phrase.of("problem.capture.fragments.noFirst");
      }
      if (total < 0) {
        return Phrase.of("problem.capture.fragments.noLast");
      }
      return Phrase.of("problem.capture.fragments.gap", Integer.toString(filled.nextClearBit(0)));
    }
  }

  private final Map<Key, Pending> pending = new LinkedHashMap<>();
  private final Failures failures;

  Ipv4Fragments(Failures failures) {
    this.failures = failures;
  }

  /**
   * Takes the fragment in packet {@code frame}, whose IPv4 header starts at {@code ipStart}, and
   * returns the whole datagram (a header without fragmentation, then the payload) when this
   * fragment completes it, else {@code null}.
   */
  byte[] fragment(long frame, byte[] data, int ipStart, IpPacket ip) {
    expire(frame);
    int headerLength = ip.payloadOffset() - ipStart;
    int flagsAndOffset = NetworkOrder.u16(data, ipStart + 6);
    int offset = (flagsAndOffset & 0x1fff) * 8;
    boolean more = (flagsAndOffset & 0x2000) != 0;
    Key key = key(data, ipStart, ip);
    Pending datagram = pending.get(key);
    if (datagram == null) {
      if (pending.size() >= MAX_PENDING) {
        Iterator<Map.Entry<Key, Pending>> oldest = pending.entrySet().iterator();
        Pending dropped = oldest.next().getValue();
        oldest.remove();
        giveUp(
            frame,
            dropped,
            Phrase.of("problem.capture.fragments.pending", MAX_PENDING, dropped.missing()));
      }
      datagram = new Pending(frame, ip, NetworkOrder.u16(data, ipStart + 4));
      pending.put(key, datagram);
    }
    if (++datagram.fragments > MAX_FRAGMENTS) {
      pending.remove(key);
      giveUp(
          frame,
          datagram,
          Phrase.of("problem.capture.fragments.tooMany", MAX_FRAGMENTS, datagram.missing()));
      return null;
    }
    if (offset == 0 && datagram.header == null) {
      datagram.header = new byte[headerLength];
      System.arraycopy(data, ipStart, datagram.header, 0, headerLength);
    }
    if (!more) {
      datagram.total = offset + ip.payloadLength();
    }
    datagram.add(offset, data, ip.payloadOffset(), ip.payloadLength());
    if (!datagram.complete()) {
      return null;
    }
    pending.remove(key);
    return whole(datagram);
  }

  /** The capture ended at {@code lastFrame}: datagrams still incomplete are reported. */
  void finish(long lastFrame) {
    for (Pending datagram : pending.values()) {
      failures.gaveUp(
          lastFrame, datagram.firstFrame, datagram.name(), datagram.missing(), datagram.fragments);
    }
    pending.clear();
  }

  private void expire(long frame) {
    List<Key> old = new ArrayList<>();
    for (Map.Entry<Key, Pending> entry : pending.entrySet()) {
      if (frame - entry.getValue().firstFrame > MAX_AGE) {
        old.add(entry.getKey());
      }
    }
    for (Key key : old) {
      Pending datagram = pending.remove(key);
      giveUp(
          frame,
          datagram,
          Phrase.of("problem.capture.fragments.stale", MAX_AGE, datagram.missing()));
    }
  }

  private void giveUp(long frame, Pending datagram, Phrase why) {
    failures.gaveUp(frame, datagram.firstFrame, datagram.name(), why, datagram.fragments);
  }

  private static byte[] whole(Pending datagram) {
    int headerLength = datagram.header.length;
    byte[] whole = new byte[headerLength + datagram.total];
    System.arraycopy(datagram.header, 0, whole, 0, headerLength);
    System.arraycopy(datagram.payload, 0, whole, headerLength, datagram.total);
    int length = whole.length;
    whole[2] = (byte) (length >> 8);
    whole[3] = (byte) length;
    whole[6] = 0;
    whole[7] = 0;
    return whole;
  }

  private static Key key(byte[] data, int ipStart, IpPacket ip) {
    long addresses =
        (Integer.toUnsignedLong(NetworkOrder.i32(data, ipStart + 12)) << 32)
            | Integer.toUnsignedLong(NetworkOrder.i32(data, ipStart + 16));
    return new Key(addresses, ip.protocol() << 16 | NetworkOrder.u16(data, ipStart + 4));
  }

  private static String dotted(byte[] address) {
    StringBuilder text = new StringBuilder();
    for (byte b : address) {
      text.append(text.length() == 0 ? "" : ".").append(b & 0xff);
    }
    return text.toString();
  }
}
