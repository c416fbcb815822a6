package io.ftpseq.transcript.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One direction of a TCP connection put back in order: bytes are delivered once each, in sequence
 * order, with the frame that carried them and the acknowledgement number that frame bore. Sequence
 * numbers are compared modulo 2^32 (RFC 9293 §3.4), so a stream may wrap past 2^32. Retransmitted
 * and overlapping bytes are dropped; segments that arrive ahead of a hole are held until it fills.
 *
 * <p>A hole that never fills is bytes the capture missed. The connection declares it ({@link
 * #skipTo}) when the peer has acknowledged bytes the capture never had and can wait no longer for
 * them. Too many held segments, and the end of the capture, close holes the same way, so memory
 * stays bounded.
 */
final class TcpReassembler {

  /** Receives what the direction carried, in order. */
  interface Delivery {
    /**
     * The next bytes of the stream, starting at {@code sequence}, arrived in frame {@code frame},
     * whose segment acknowledged the peer's bytes before {@code acknowledgement} when {@code
     * acked}.
     */
    void bytes(
        long frame,
        int sequence,
        int acknowledgement,
        boolean acked,
        byte[] data,
        int offset,
        int length);

    /**
     * Bytes from {@code sequence} on, before the next delivery, were never captured; noticed at
     * frame {@code frame}. {@code cut}: they are the end of that frame's segment, which the capture
     * cut at its snap length, so what came before them is their own beginning.
     */
    void gap(long frame, int sequence, boolean cut);
  }

  static final int MAX_HELD_SEGMENTS = 512;
  static final int MAX_HELD_BYTES = 1 << 20;

  /** Acknowledgements further ahead than this are not believed: they are damage, not a gap. */
  static final int MAX_ACK_LEAP = 1 << 30;

  @SuppressWarnings("ArrayRecordComponent") // held bytes, never compared or hashed
  private record Held(int sequence, byte[] data, long frame, int acknowledgement, boolean acked) {}

  private final Delivery delivery;
  private final List<Held> held = new ArrayList<>();
  private int heldBytes;
  private boolean started;
  private boolean synSeen;
  private int next;
  private int initial;
  private boolean finSeen;
  private int finSequence;

  TcpReassembler(Delivery delivery) {
    this.delivery = delivery;
  }

  /** Whether this direction's SYN was captured, so its stream is known from its first byte. */
  boolean synSeen() {
    return synSeen;
  }

  /** The initial sequence number, when the SYN was seen. */
  int initialSequence() {
    return initial;
  }

  /** Whether any sequence number of this direction is known yet. */
  boolean started() {
    return started;
  }

  /** The sequence number of the next byte to deliver. */
  int next() {
    return next;
  }

  /** Whether segments are held ahead of a hole. */
  boolean holding() {
    return !held.isEmpty();
  }

  /** Whether the sender's FIN was seen and every byte before it delivered or declared a gap. */
  boolean finished() {
    return finSeen && next == finSequence;
  }

  /**
   * The peer's acknowledgement {@code acknowledged} of this direction as a byte position: one that
   * counts the FIN (which is no byte) stops at it.
   */
  int position(int acknowledged) {
    return finSeen && acknowledged - finSequence > 0 ? finSequence : acknowledged;
  }

  /**
   * Takes a segment this direction sent, whose last {@code lost} payload bytes were cut off by the
   * capture: they are a gap as soon as the stream reaches them.
   */
  void segment(long frame, TcpSegment segment, byte[] data, int lost) {
    int sequence = segment.sequence();
    if (segment.has(TcpSegment.SYN)) {
      if (!synSeen) {
        synSeen = true;
        started = true;
        initial = sequence;
        next = sequence + 1;
      }
      sequence += 1;
    } else if (!started) {
      started = true;
      next = sequence;
    }
    if (segment.has(TcpSegment.FIN)) {
      finSeen = true;
      finSequence = sequence + segment.payloadLength() + lost;
    }
    if (segment.payloadLength() > 0) {
      accept(frame, sequence, segment, data);
    }
    int end = sequence + segment.payloadLength() + lost;
    if (lost > 0 && next - sequence >= 0 && end - next > 0) {
      skipTo(frame, end, true);
    }
  }

  /**
   * The receiver acknowledged every byte before {@code acknowledged}: when the sender's SYN and
   * first bytes were not captured, the stream is taken to stand there.
   */
  void acknowledged(int acknowledged) {
    if (!started) {
      started = true;
      next = acknowledged;
    }
  }

  /**
   * The bytes before {@code limit} that were not captured are declared gaps at {@code frame}, and
   * held segments they reach are delivered; false when there is nothing before {@code limit} to
   * skip or it is too far ahead to believe.
   */
  boolean skipTo(long frame, int acknowledged, boolean cut) {
    int limit = position(acknowledged);
    if (limit - next <= 0 || limit - next > MAX_ACK_LEAP) {
      return false;
    }
    while (limit - next > 0) {
      Held first = earliest();
      int from = next;
      next = first != null && first.sequence - limit < 0 ? first.sequence : limit;
      delivery.gap(frame, from, cut);
      drain();
    }
    return true;
  }

  /** Declares the hole before the earliest held segment a gap, and goes on from it. */
  void skipToHeld() {
    Held first = earliest();
    int from = next;
    next = first.sequence;
    delivery.gap(first.frame, from, false);
    drain();
  }

  private void accept(long frame, int sequence, TcpSegment segment, byte[] data) {
    int offset = segment.payloadOffset();
    int length = segment.payloadLength();
    int ahead = sequence - next;
    if (ahead > 0) {
      held.add(
          new Held(
              sequence,
              Arrays.copyOfRange(data, offset, offset + length),
              frame,
              segment.acknowledgement(),
              segment.has(TcpSegment.ACK)));
      heldBytes += length;
      if (held.size() > MAX_HELD_SEGMENTS || heldBytes > MAX_HELD_BYTES) {
        skipToHeld();
      }
      return;
    }
    long skip = -(long) ahead;
    if (skip < length) {
      int from = next;
      next += length - (int) skip;
      delivery.bytes(
          frame,
          from,
          segment.acknowledgement(),
          segment.has(TcpSegment.ACK),
          data,
          offset + (int) skip,
          length - (int) skip);
      drain();
    }
  }

  private Held earliest() {
    Held first = null;
    for (Held h : held) {
      if (first == null || h.sequence - first.sequence < 0) {
        first = h;
      }
    }
    return first;
  }

  /** Delivers held segments that the stream has reached, until none is left that it has. */
  private void drain() {
    boolean progressed = true;
    while (progressed && !held.isEmpty()) {
      progressed = false;
      for (int i = 0; i < held.size(); i++) {
        Held h = held.get(i);
        int ahead = h.sequence - next;
        if (ahead <= 0) {
          held.remove(i);
          heldBytes -= h.data.length;
          long skip = -(long) ahead;
          if (skip < h.data.length) {
            int from = next;
            next += h.data.length - (int) skip;
            delivery.bytes(
                h.frame,
                from,
                h.acknowledgement,
                h.acked,
                h.data,
                (int) skip,
                h.data.length - (int) skip);
          }
          progressed = true;
          break;
        }
      }
    }
  }
}
