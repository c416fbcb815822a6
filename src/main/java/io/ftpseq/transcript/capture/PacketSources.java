package io.ftpseq.transcript.capture;

import io.ftpseq.session.Source;
import java.time.Instant;
import java.util.Arrays;

/**
 * The sources of one capture's events: the file, the packet number, and the packet's capture time
 * in UTC. Times are kept for the last {@value #KEPT} packets only, so memory stays bounded; an
 * event whose first byte arrived earlier than that (a segment held very long for a gap) has no
 * time.
 */
final class PacketSources {

  static final int KEPT = 1 << 16;

  private final String file;
  private final long[] times = new long[KEPT];
  private long last;
  private long cachedSecond;
  private String cachedPrefix;

  PacketSources(String file) {
    this.file = file;
    Arrays.fill(times, FrameSink.NO_TIME);
  }

  /** The input's name. */
  String file() {
    return file;
  }

  /** Notes the capture time of packet {@code frame}, the newest so far. */
  void time(long frame, long nanos) {
    times[(int) (frame % KEPT)] = nanos;
    last = frame;
  }

  /** Where packet {@code frame} is: its number and, when known, its time. */
  Source at(long frame) {
    if (frame <= 0 || frame > last || last - frame >= KEPT) {
      return Source.packet(file, frame);
    }
    long nanos = times[(int) (frame % KEPT)];
    if (nanos == FrameSink.NO_TIME) {
      return Source.packet(file, frame);
    }
    return new Source(file, frame, Source.Unit.PACKET, time(nanos));
  }

  /**
   * The time as {@link Instant#toString()} writes it ({@code 2026-11-23T06:40:23.500Z}), with the
   * text up to the second kept from the last call: the packets of a second share it, and writing it
   * afresh for every command and reply was a tenth of a capture's reading.
   */
  String time(long nanos) {
    long second = Math.floorDiv(nanos, 1_000_000_000L);
    int nano = (int) Math.floorMod(nanos, 1_000_000_000L);
    if (second != cachedSecond || cachedPrefix == null) {
      String whole = Instant.ofEpochSecond(second).toString();
      cachedPrefix = whole.substring(0, whole.length() - 1);
      cachedSecond = second;
    }
    if (nano == 0) {
      return cachedPrefix + "Z";
    }
    // as ISO_INSTANT does: the fraction in as many groups of three digits as it needs
    String fraction =
        nano % 1_000_000 == 0
            ? Integer.toString(nano / 1_000_000 + 1_000).substring(1)
            : nano % 1_000 == 0
                ? Integer.toString(nano / 1_000 + 1_000_000).substring(1)
                : Integer.toString(nano + 1_000_000_000).substring(1);
    return cachedPrefix + "." + fraction + "Z";
  }
}
