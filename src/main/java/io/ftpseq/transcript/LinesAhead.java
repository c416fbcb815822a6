package io.ftpseq.transcript;

import io.ftpseq.handover.BatchesAhead;
import io.ftpseq.protocol.Secrets;
import java.io.IOException;
import java.util.function.Function;

/**
 * The lines of an input, read on a thread of their own a bounded way ahead of the thread that
 * parses them. The reading thread does the work that depends on each line alone: splitting and
 * decoding the bytes, and the first look for secrets ({@link Secrets#candidateIn}). The parsing
 * thread, which must take the lines one after another, is left with the rest. Lines are handed over
 * in batches of bounded size, a bounded number of batches ahead, so memory holds a few megabytes of
 * lines whatever the input. A batch is handed over before it is full when the input has nothing
 * more to give at once (a live log in a pipe), so that no line waits for lines yet to be written.
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
    final Object[] ahead = new Object[BATCH_LINES];
    int size;
    long chars;
    boolean inputWaits; // the input had nothing more to give at once when the batch was handed over

    boolean full() {
      return size == BATCH_LINES || chars >= BATCH_CHARS;
    }
  }

  private final BatchesAhead<Batch> batches;
  // before the first batch, as at the end of one handed over because the input waits: the lines
  // read so far (the head that told the format) are judged while the first batch is awaited
  private Batch current = waiting();
  private int at = -1;

  private static Batch waiting() {
    Batch none = new Batch();
    none.inputWaits = true;
    return none;
  }

  /** Starts reading the rest of the input on a thread of its own. */
  LinesAhead(LineReader reader) {
    this(reader, null);
  }

  /**
   * Starts reading the rest of the input on a thread of its own, with the work of the parser's that
   * a line alone needs when it has some.
   */
  LinesAhead(LineReader reader, TranscriptParser parser) {
    Function<String, Object> ahead =
        parser instanceof TranscriptParser.ReadAhead<?> readAhead ? readAhead::ahead : null;
    batches =
        new BatchesAhead<>("ftpseq-lines-ahead", QUEUED_BATCHES, out -> read(reader, ahead, out));
  }

  /**
   * A failure of the parser's work ahead on a line, thrown again when the parsing thread reaches
   * that line, so that it is that line's problem as any other failure of the parser's.
   */
  record Failure(Throwable thrown) {

    /** Throws what the work ahead threw. */
    void rethrow() {
      if (thrown instanceof RuntimeException e) {
        throw e;
      }
      throw (Error) thrown;
    }
  }

  private static void read(
      LineReader reader, Function<String, Object> ahead, BatchesAhead.Out<Batch> out)
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
        batch.ahead[i] = ahead == null || reader.overlong() ? NOT_AHEAD : ahead(ahead, line);
        batch.chars += line.length();
        boolean waits = !reader.ready();
        if (batch.full() || waits) {
          batch.inputWaits = waits;
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

  private static Object ahead(Function<String, Object> ahead, String line) {
    try {
      return ahead.apply(line);
    } catch (RuntimeException | StackOverflowError e) {
      return new Failure(e);
    }
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

  /**
   * False only at the end of a batch handed over because the input had nothing more to give: the
   * reading thread then waits for the input, not the other way round. A batch merely not read yet
   * is on its way.
   */
  @Override
  public boolean ready() {
    return at + 1 < current.size || !current.inputWaits || batches.ready();
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

  @Override
  public Object ahead() {
    return current.ahead[at];
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
