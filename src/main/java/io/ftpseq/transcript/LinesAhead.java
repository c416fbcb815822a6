package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The lines of an input, read on a thread of their own a bounded way ahead of the thread that
 * parses them. The reading thread does the work that depends on each line alone: splitting and
 * decoding the bytes, and the first look for secrets ({@link Secrets#candidateIn}). The parsing
 * thread, which must take the lines one after another, is left with the rest. Lines are handed over
 * in batches of bounded size, a bounded number of batches ahead, so memory holds a few megabytes of
 * lines whatever the input.
 *
 * <p>A failure reading is thrown again on the parsing thread when it reaches the line where it
 * happened; closing stops the reading thread.
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
    boolean last;
    Throwable failure;

    boolean full() {
      return size == BATCH_LINES || chars >= BATCH_CHARS;
    }
  }

  private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final Thread thread;
  private Batch current = new Batch();
  private int at = -1;

  /** Starts reading the rest of the input on a thread of its own. */
  LinesAhead(LineReader reader) {
    thread = new Thread(() -> read(reader), "ftpseq-lines-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  private void read(LineReader reader) {
    Batch batch = new Batch();
    try {
      try {
        String line;
        while ((line = reader.next()) != null) {
          int i = batch.size++;
          batch.lines[i] = line;
          batch.bytes[i] = reader.lineBytes();
          batch.overlong[i] = reader.overlong();
          batch.candidates[i] = Secrets.candidateIn(line);
          batch.chars += line.length();
          if (batch.full()) {
            batches.put(batch);
            batch = new Batch();
          }
        }
      } catch (IOException | RuntimeException | Error e) {
        batch.failure = e;
      }
      batch.last = true;
      batches.put(batch);
    } catch (InterruptedException e) {
      // closed: nobody reads on
    }
  }

  @Override
  public boolean next() throws IOException {
    while (++at >= current.size) {
      if (current.last) {
        rethrow(current.failure);
        at = current.size;
        return false;
      }
      try {
        current = batches.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading lines", e);
      }
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
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rethrow(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }
}
