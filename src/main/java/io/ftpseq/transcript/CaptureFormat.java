package io.ftpseq.transcript;

import java.io.IOException;
import java.io.InputStream;

/**
 * A binary record of FTP sessions, such as a packet capture, recognised by its first bytes rather
 * than by its lines. Its reader sees the whole input and sends each control connection's events to
 * the sink under its own session name.
 */
public interface CaptureFormat {

  /** How many leading bytes {@link #recognise} needs. */
  int MAGIC_BYTES = 16;

  /** The name given to {@code --format} and shown in reports. */
  String name();

  /**
   * Whether the input's first bytes (up to {@link #MAGIC_BYTES}, fewer for a short input) are this
   * format's.
   */
  boolean recognise(byte[] head);

  /**
   * Reads the whole input, sending events and problems to the sink and counting every packet in the
   * tally once: as dialogue (a packet of an FTP control connection), skipped (other traffic, data
   * connections) or a problem. Problems that affect the input as a whole (truncation, an
   * unsupported link type) go to the sink's problems too.
   */
  void read(String source, InputStream in, TranscriptSink sink, LineTally tally) throws IOException;
}
