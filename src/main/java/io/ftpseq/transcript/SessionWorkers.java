package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Validates the sessions of one input on worker threads while the input's own thread reads on: the
 * reader parses and masks, the workers pair and judge. A session always goes to the same worker (by
 * its start order), so its events are judged in input order; results reach the listener as sessions
 * end, each with its start order, which is what puts reports in order. The work is handed over in
 * batches, through queues of bounded length, so a slow worker holds the reader back instead of
 * filling memory.
 *
 * <p>A defect met judging an event becomes a problem at the event's line in its session, as a
 * defect met reading a line is a problem at that line; with {@code rethrowDefects} it ends the
 * check instead. Anything else a worker meets (the listener failing, memory running out, even
 * between two pieces of work) is thrown again on the reading thread, which never waits for a worker
 * that has stopped.
 */
final class SessionWorkers implements SessionRunner {

  private static final int BATCH = 512;
  private static final int QUEUED_BATCHES = 16;

  /** How long the reader waits for a worker before it looks again whether the worker still runs. */
  private static final long LOOK_MILLIS = 100;

  private static final List<Work> STOP = List.of();

  private sealed interface Work {}

  private record Event(Validator validator, SessionEvent event) implements Work {}

  private record Trouble(Validator validator, Problem problem) implements Work {}

  private record End(long order, Validator validator, Secrets learntLate) implements Work {}

  private record Barrier(CountDownLatch reached) implements Work {}

  private final TranscriptChecker.SessionListener listener;
  private final boolean rethrowDefects;
  private final List<Worker> workers = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean closed;

  /**
   * Starts the workers.
   *
   * @param threads how many workers, 1 or more
   * @param rethrowDefects whether a defect ends the check ({@code --debug}) instead of becoming a
   *     problem at its line
   */
  SessionWorkers(int threads, TranscriptChecker.SessionListener listener, boolean rethrowDefects) {
    this.listener = listener;
    this.rethrowDefects = rethrowDefects;
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker();
      Thread thread = new Thread(worker, "ftpseq-sessions-" + i);
      thread.setDaemon(true);
      worker.thread = thread;
      workers.add(worker);
      thread.start();
    }
  }

  @Override
  public void accept(long order, Validator validator, SessionEvent event) {
    worker(order).add(new Event(validator, event));
  }

  @Override
  public void problem(long order, Validator validator, Problem problem) {
    worker(order).add(new Trouble(validator, problem));
  }

  @Override
  public void finish(long order, Validator validator, Secrets learntLate) {
    worker(order).add(new End(order, validator, learntLate));
  }

  @Override
  public void await() {
    CountDownLatch reached = new CountDownLatch(workers.size());
    for (Worker worker : workers) {
      worker.add(new Barrier(reached));
      worker.send();
    }
    try {
      while (!reached.await(LOOK_MILLIS, TimeUnit.MILLISECONDS)) {
        rethrowAfterWaiting();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sessions were being checked", e);
    }
    rethrowFailure();
  }

  @Override
  public void handOver() {
    for (Worker worker : workers) {
      worker.send();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Worker worker : workers) {
      worker.queue.clear();
      worker.queue.offer(STOP);
    }
    for (Worker worker : workers) {
      try {
        worker.thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Worker worker(long order) {
    return workers.get((int) (order % workers.size()));
  }

  /**
   * After a wait for a worker ran out: throws what a worker met, or says that one ended when it
   * should not have. Looked at only then, not on every batch handed over.
   */
  private void rethrowAfterWaiting() {
    rethrowFailure();
    for (Worker worker : workers) {
      if (!worker.thread.isAlive()) {
        // a worker stops only when closed, or with its failure kept: look again, as it may
        // have been kept after the first look
        rethrowFailure();
        throw new IllegalStateException(worker.thread.getName() + " ended unexpectedly");
      }
    }
  }

  private void rethrowFailure() {
    Throwable failed = failure.get();
    if (failed instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failed instanceof Error error) {
      throw error;
    }
  }

  /** Carries out one piece of work; a failure is kept for the reading thread. */
  private void carryOut(Work work) {
    if (work instanceof Event e) {
      judge(e.validator(), e.event());
    } else if (work instanceof Trouble t) {
      t.validator().problem(t.problem());
    } else if (work instanceof End end) {
      listener.finished(end.order(), end.validator().finish().masked(end.learntLate()));
    } else {
      ((Barrier) work).reached().countDown();
    }
  }

  private void judge(Validator validator, SessionEvent event) {
    try {
      validator.accept(event);
    } catch (RuntimeException e) {
      if (rethrowDefects) {
        throw e;
      }
      validator.problem(
          new Problem(
              event.source(), Phrase.of("problem.lineUnreadable", TranscriptChecker.defect(e))));
    }
  }

  /** One worker: its queue of batches, and the batch the reader is filling for it. */
  private final class Worker implements Runnable {
    private final BlockingQueue<List<Work>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private List<Work> batch = new ArrayList<>(BATCH);
    private Thread thread;

    void add(Work work) {
      batch.add(work);
      if (batch.size() >= BATCH) {
        send();
      }
    }

    void send() {
      rethrowFailure();
      if (batch.isEmpty()) {
        return;
      }
      try {
        while (!queue.offer(batch, LOOK_MILLIS, TimeUnit.MILLISECONDS)) {
          rethrowAfterWaiting(); // a worker that failed or ended takes no more
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sessions were being checked", e);
      }
      batch = new ArrayList<>(BATCH);
    }

    @Override
    public void run() {
      try {
        takeAndCarryOut();
      } catch (Throwable e) { // memory running out between two works too: the reader must know
        failure.compareAndSet(null, e);
      }
    }

    private void takeAndCarryOut() {
      while (true) {
        List<Work> works;
        try {
          works = queue.take();
        } catch (InterruptedException e) {
          if (!closed) {
            throw new IllegalStateException("interrupted while checking sessions", e);
          }
          return;
        }
        if (works == STOP) {
          return;
        }
        for (Work work : works) {
          if (failure.get() != null && !(work instanceof Barrier)) {
            continue; // the check is over; only let the reader that waits know
          }
          try {
            carryOut(work);
          } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
          }
        }
      }
    }
  }
}
