package io.ftpseq.transcript.capture;

import io.ftpseq.session.Phrase;

/** Receives the frames of a capture file in file order, and what is wrong with the file. */
interface FrameSink {

  /** The time of a frame whose block carries none (a pcapng Simple Packet Block). */
  long NO_TIME = Long.MIN_VALUE;

  /**
   * One captured frame.
   *
   * @param number the 1-based packet number in the file
   * @param linkType the LINKTYPE_ value of the interface it was captured on
   * @param time when it was captured, in nanoseconds since 1970-01-01 UTC, or {@link #NO_TIME}
   * @param data holds the captured bytes; only valid during the call
   * @param offset where the frame starts in {@code data}
   * @param length how many bytes were captured
   * @param original how long the frame was on the wire: more than {@code length} when the capture
   *     cut it at its snap length
   */
  void frame(
      long number, int linkType, long time, byte[] data, int offset, int length, int original);

  /**
   * The file is damaged or unsupported at packet {@code number} (0 for the file as a whole), as
   * {@code what} says.
   */
  void problem(long number, Phrase what);
}
