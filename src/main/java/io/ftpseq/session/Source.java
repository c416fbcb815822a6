package io.ftpseq.session;

import java.util.Objects;

/**
 * Where an event came from: a file (or other input), a 1-based position in it, and the time the
 * input gives for it.
 *
 * @param file the input's name as the user gave it, {@code -} for standard input
 * @param line the 1-based line (or packet) number, or 0 for the input as a whole
 * @param unit what {@code line} counts: lines of text or packets of a capture
 * @param time when the input says it happened, as ISO 8601 ({@code 2026-11-23T06:40:23}, with an
 *     offset or {@code Z} only when the input gives one), or empty when the input shows no time
 */
public record Source(String file, long line, Unit unit, String time) {

  /** What a source's number counts. */
  public enum Unit {
    /** Lines of a text file. */
    LINE,
    /** Packets (frames) of a packet capture. */
    PACKET
  }

  /** Validates the parts. */
  public Source {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(time, "time");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, not " + line);
    }
  }

  /** A line of a text file, with no time. */
  public Source(String file, long line) {
    this(file, line, Unit.LINE, "");
  }

  /** A packet of a capture, with no time. */
  public static Source packet(String file, long frame) {
    return new Source(file, frame, Unit.PACKET, "");
  }

  /** The same place, with the time the input gives for it. */
  public Source at(String when) {
    return new Source(file, line, unit, when);
  }

  /** Whether the input gave a time for this place. */
  public boolean hasTime() {
    return !time.isEmpty();
  }

  @Override
  public String toString() {
    if (line == 0) {
      return file;
    }
    return unit == Unit.LINE ? file + ":" + line : file + "#" + line;
  }
}
