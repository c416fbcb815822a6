package io.ftpseq.transcript;

import io.ftpseq.handover.BatchesAhead;
import io.ftpseq.protocol.Secrets;
import java.io.IOException;

/**
 * The lines of an input, read on a thread of their own a bounded way ahead of the thread that
 * parses them. The reading thread does the work that depends on each line alone: splitting and
 * decoding the bytes, and the first look for secrets ({@link Secrets#candidateIn}). The parsing
 * thread, which must take the lines one after another, is left with the rest. Lines are handed over
 * in batches of bounded size, a bounded number of batches ahead, so memory holds a few megabytes of
 * lines whatever the input.
 *
 * <p>A failure reading (memory running out included) is thrown again on the parsing thread when it
 * reaches the line where it happened; closing stops the reading thread.
 */
final class LinesAhead implements InputLines {

  private static final int BATCH_LINES = 1024;
  private static final long BATCH_CHARS = 1 << 20;
  private static final int QUEUED_BATCHES = 4;

  /** Lines read, each with its length in bytes, whether it was cut, and where a secret may be. */
  private static final class Batch {
    final String[] lines = new String[BATCH_LINES];
    final long[] bytes = new long[BATCH_LINES];
    final boolean[] overlong = new boolean[BATCH_LINES];
    final int[] candidates = new int[BATCH_LINES];
    int size;
    long chars;

    boolean full() {
      return size == BATCH_LINES || chars >= BATCH_CHARS;
    }
  }

  private final BatchesAhead<Batch> batches;
  private Batch current = new Batch();
  private int at = -1;

  /** Starts reading the rest of the input on a thread of its own. */
  LinesAhead(LineReader reader) {
    batches = new BatchesAhead<>("ftpseq-lines-ahead", QUEUED_BATCHES, out -> read(reader, out));
  }

  private static void read(LineReader reader, BatchesAhead.Out<Batch> out)
      throws IOException, InterruptedException {
    Batch batch = new Batch();
    try {
      String line;
      while ((line = reader.next()) != null) {
        int i = batch.size++;
        batch.lines[i] = line;
        batch.bytes[i] = reader.lineBytes();
        batch.overlong[i] = reader.overlong();
        batch.candidates[i] = reader.candidate();
        batch.chars += line.length();
        if (batch.full()) {
          out.put(batch);
          batch = new Batch();
        }
      }
    } catch (IOException | RuntimeException e) {
      out.put(batch); // the lines before the failure are parsed before it is thrown
      throw e;
    }
    out.put(batch);
  }

  @Override
  public boolean next() throws IOException {
    while (++at >= current.size) {
      Batch next;
      try {
        next = batches.take();
      } catch (BatchesAhead.MakerFailedException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw e;
      }
      if (next == null) {
        at = current.size;
        return false;
      }
      current = next;
      at = -1;
    }
    return true;
  }

  @Override
  public String line() {
    return current.lines[at];
  }

  @Override
  public long lineBytes() {
    return current.bytes[at];
  }

  @Override
  public boolean overlong() {
    return current.overlong[at];
  }

  @Override
  public int candidate() {
    return current.candidates[at];
  }

  /**
   * Stops the reading thread. A thread waiting on input that cannot be interrupted (standard input)
   * is given up on after a moment; it is a daemon, so it does not keep the program running.
   */
  @Override
  public void close() {
    batches.close();
  }
}
