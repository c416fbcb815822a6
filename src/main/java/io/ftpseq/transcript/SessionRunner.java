package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;

/**
 * Where the validators of one input do their work: on the thread that reads the input ({@link
 * #inline}), or on worker threads beside it ({@link SessionWorkers}). Each call names the session
 * by its start order; the calls for one session are carried out in the order they were made.
 */
interface SessionRunner extends AutoCloseable {

  /** Gives an event to the session's validator. */
  void accept(long order, Validator validator, SessionEvent event);

  /** Gives a problem of one of its lines to the session's validator. */
  void problem(long order, Validator validator, Problem problem);

  /**
   * Ends the session and hands its result to the listener, masked with the secrets the input showed
   * after the session's first line was read ({@link SessionCheck#masked}).
   */
  void finish(long order, Validator validator, Secrets learntLate);

  /** Returns when every call made so far has been carried out. */
  void await();

  /**
   * Hands the work held back for a batch to the workers without waiting for it to be done: the
   * input has nothing more to give at once (a live log), and what was read must not wait for what
   * is yet to be written.
   */
  void handOver();

  /** Stops the workers, if any; work not awaited is dropped. */
  @Override
  void close();

  /** A runner that does the work at once, on the calling thread. */
  static SessionRunner inline(TranscriptChecker.SessionListener listener) {
    return new SessionRunner() {
      @Override
      public void accept(long order, Validator validator, SessionEvent event) {
        validator.accept(event);
      }

      @Override
      public void problem(long order, Validator validator, Problem problem) {
        validator.problem(problem);
      }

      @Override
      public void finish(long order, Validator validator, Secrets learntLate) {
        listener.finished(order, validator.finish().masked(learntLate));
      }

      @Override
      public void await() {}

      @Override
      public void handOver() {}

      @Override
      public void close() {}
    };
  }
}
