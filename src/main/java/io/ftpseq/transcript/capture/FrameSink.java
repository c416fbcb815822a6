package io.ftpseq.transcript.capture;

/** Receives the frames of a capture file in file order, and what is wrong with the file. */
interface FrameSink {

  /**
   * One captured frame.
   *
   * @param number the 1-based packet number in the file
   * @param linkType the LINKTYPE_ value of the interface it was captured on
   * @param data holds the captured bytes; only valid during the call
   * @param offset where the frame starts in {@code data}
   * @param length how many bytes were captured
   */
  void frame(long number, int linkType, byte[] data, int offset, int length);

  /** The file is damaged or unsupported at packet {@code number} (0 for the file as a whole). */
  void problem(long number, String message);
}
