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
  private static final long SECONDS_PER_DAY = 86_400;

  private long cachedDay;
  private String cachedDate;

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
   * date kept from the last call: the packets of a day share it, and writing it afresh for every
   * command and reply was a tenth of a capture's reading (and still a twentieth when kept only for
   * a second).
   */
  String time(long nanos) {
    long second = Math.floorDiv(nanos, 1_000_000_000L);
    int nano = (int) Math.floorMod(nanos, 1_000_000_000L);
    long day = Math.floorDiv(second, SECONDS_PER_DAY);
    if (day != cachedDay || cachedDate == null) {
      String midnight = Instant.ofEpochSecond(day * SECONDS_PER_DAY).toString();
      cachedDate = midnight.substring(0, midnight.indexOf('T') + 1);
      cachedDay = day;
    }
    int ofDay = (int) (second - day * SECONDS_PER_DAY);
    StringBuilder time = new StringBuilder(cachedDate.length() + 15).append(cachedDate);
    twoDigits(time, ofDay / 3600).append(':');
    twoDigits(time, ofDay / 60 % 60).append(':');
    twoDigits(time, ofDay % 60);
    if (nano != 0) {
      // as ISO_INSTANT does: the fraction in as many groups of three digits as it needs
      String fraction =
          nano % 1_000_000 == 0
              ? Integer.toString(nano / 1_000_000 + 1_000)
              : nano % 1_000 == 0
                  ? Integer.toString(nano / 1_000 + 1_000_000)
                  : Integer.toString(nano + 1_000_000_000);
      time.append('.').append(fraction, 1, fraction.length());
    }
    return time.append('Z').toString();
  }

  private static StringBuilder twoDigits(StringBuilder to, int value) {
    return to.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
