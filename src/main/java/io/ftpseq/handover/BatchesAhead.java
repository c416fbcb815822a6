package io.ftpseq.handover;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Batches made on a thread of their own, a bounded number ahead of the thread that takes them: a
 * file's lines split while the previous ones are parsed, sessions decoded while the previous ones
 * are written.
 *
 * <p>However the making thread ends, the taking thread learns of it: the last batch is followed by
 * an end mark; a failure there (an exception, memory running out) is thrown again by {@link #take}
 * after the batches made before it; and a thread that ended without being able to say so (memory
 * ran out even for that) is seen to have ended. {@link #close} stops the making thread, which may
 * be waiting for room.
 *
 * <pre>{@code
 * try (BatchesAhead<List<String>> ahead = new BatchesAhead<>("lines", 4, out -> {
 *       for (List<String> batch : batches) out.put(batch);
 *     })) {
 *   for (List<String> batch; (batch = ahead.take()) != null; ) { ... }
 * }
 * }</pre>
 *
 * @param <B> a batch
 */
public final class BatchesAhead<B> implements AutoCloseable {

  /** What the making thread runs: it hands each batch to {@code out}, in order. */
  @FunctionalInterface
  public interface Maker<B> {
    /** Makes every batch and hands each to {@code out}; a failure ends the making. */
    void make(Out<B> out) throws Exception;
  }

  /** Where the making thread hands its batches. */
  @FunctionalInterface
  public interface Out<B> {
    /** Hands over a batch, waiting while {@code queued} batches wait to be taken. */
    void put(B batch) throws InterruptedException;
  }

  /** How long the taking thread waits before it looks again whether the maker still runs. */
  private static final long LOOK_MILLIS = 100;

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private volatile Throwable failure;
  private volatile boolean closed;
  private boolean ended;

  /**
   * Starts making batches on a daemon thread named {@code threadName}, at most {@code queued} ahead
   * of the taker.
   */
  public BatchesAhead(String threadName, int queued, Maker<B> maker) {
    this.queue = new ArrayBlockingQueue<>(queued);
    this.thread = new Thread(() -> make(maker), threadName);
    thread.setDaemon(true);
    thread.start();
  }

  private void make(Maker<B> maker) {
    try {
      maker.make(queue::put);
      if (Thread.interrupted()) {
        // an interrupt that came as the taker made room lets the put through and stays pending
        throw new InterruptedException("interrupted after handing over its batches");
      }
    } catch (Throwable e) { // every end is the taker's to hear of, memory running out too
      failure = e;
    }
    if (closed) {
      return;
    }
    try {
      queue.put(END);
    } catch (InterruptedException | Error e) {
      // closed meanwhile, or no memory to wait with: the taker sees this thread has ended
    }
  }

  /**
   * The next batch, in the order made, or null after the last; a failure of the making thread is
   * thrown here, after the batches it made before it: an unchecked one as it was, a checked one
   * inside a {@link MakerFailedException}.
   */
  @SuppressWarnings("unchecked")
  public B take() {
    if (ended) {
      return null;
    }
    Object next;
    try {
      next = queue.poll(LOOK_MILLIS, TimeUnit.MILLISECONDS);
      while (next == null) {
        boolean alive = thread.isAlive();
        next = queue.poll(alive ? LOOK_MILLIS : 0, TimeUnit.MILLISECONDS);
        if (next == null && !alive) {
          next = END; // it ended without a word: memory ran out even for the end mark
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
    }
    if (next != END) {
      return (B) next;
    }
    ended = true;
    Throwable failed = failure;
    if (failed instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failed instanceof Error error) {
      throw error;
    }
    if (failed != null) {
      throw new MakerFailedException(thread.getName(), failed);
    }
    return null;
  }

  /** Whether {@link #take} would return at once: a batch, the end or a failure is waiting. */
  public boolean ready() {
    return ended || !queue.isEmpty() || !thread.isAlive();
  }

  /** Stops the making thread, waiting a moment for it (it may be blocked reading a pipe). */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    queue.clear();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A checked failure of the making thread, or its being interrupted by someone else. */
  public static final class MakerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MakerFailedException(String threadName, Throwable cause) {
      super(threadName + " failed: " + cause, cause);
    }
  }
}
