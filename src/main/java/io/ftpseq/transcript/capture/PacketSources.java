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
    Source source = Source.packet(file, frame);
    if (frame <= 0 || frame > last || last - frame >= KEPT) {
      return source;
    }
    long nanos = times[(int) (frame % KEPT)];
    if (nanos == FrameSink.NO_TIME) {
      return source;
    }
    return source.at(Instant.ofEpochSecond(0, nanos).toString());
  }
}
