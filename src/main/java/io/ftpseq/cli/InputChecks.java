package io.ftpseq.cli;

import io.ftpseq.listing.OwnReports;
import io.ftpseq.report.SessionStore;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The inputs of one run checked on up to {@code threads} threads at once: each input whole on one
 * thread, or, for a run of one input, its sessions judged on the other threads. Every session goes
 * into the run's store under a key that gives its place (the input's index, the session's start
 * order), and the inputs' summaries come back in the order the inputs were given, so the reports
 * are the same byte for byte however many threads ran and in whatever order they finished.
 */
final class InputChecks {

  private final TranscriptChecker checker;
  private final SessionStore store;
  private final Progress progress;
  private final WaitNotice notice;

  InputChecks(TranscriptChecker checker, SessionStore store, Progress progress, WaitNotice notice) {
    this.checker = checker;
    this.store = store;
    this.progress = progress;
    this.notice = notice;
  }

  /**
   * What checking one input gave.
   *
   * @param input the input
   * @param summary what it held
   * @param ownReport whether, read to its end, it turned out to be a report ftpseq wrote ({@link
   *     Inputs.Input#mayBeReport}), so it held no session and is left out
   */
  record Checked(Inputs.Input input, InputSummary summary, boolean ownReport) {}

  /**
   * Checks every input, on the given number of threads, and returns what each gave, in order. Many
   * inputs are checked side by side, each on one thread; a single input is read on one thread while
   * the others judge its sessions.
   */
  List<Checked> check(List<Inputs.Input> inputs, int threads) {
    checker.judgingSessionsOn(inputs.size() == 1 ? threads - 1 : 0);
    if (threads <= 1 || inputs.size() <= 1) {
      List<Checked> checked = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        checked.add(check(inputs.get(i), i));
      }
      return checked;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()));
    try {
      List<Future<Checked>> pending = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        int index = i;
        pending.add(pool.submit(() -> check(inputs.get(index), index)));
      }
      List<Checked> checked = new ArrayList<>();
      for (Future<Checked> one : pending) {
        checked.add(result(one));
      }
      return checked;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Checks one input into the store; an input that cannot be opened is one problem. An input that
   * may be a report ftpseq wrote keeps its last bytes as it is read: when no reader knew it, it was
   * read to its end, where a text report has its summary line, so it is decompressed once.
   */
  private Checked check(Inputs.Input input, int index) {
    try {
      return checkInto(input, index);
    } finally {
      synchronized (store) {
        store.inputEnded(index);
      }
    }
  }

  private Checked checkInto(Inputs.Input input, int index) {
    FileSizeWatch watch = new FileSizeWatch();
    try (InputStream opened = input.open(progress, notice, watch)) {
      OwnReports.KeepingItsEnd kept =
          input.mayBeReport() ? new OwnReports.KeepingItsEnd(opened) : null;
      InputSummary summary =
          checker.check(
              input.name(),
              kept != null ? kept : opened,
              (order, session) -> add(index, order, session));
      summary = watch.change(input.name()).map(summary::withInputProblem).orElse(summary);
      boolean report = kept != null && summary.format().isEmpty() && kept.endsAsTextReport();
      return new Checked(input, summary, report);
    } catch (IOException e) {
      return new Checked(
          input,
          InputSummary.unreadable(
              new Problem(
                  new Source(input.name(), 0), Phrase.of("input.cannotRead", IoReason.of(e)))),
          false);
    }
  }

  private void add(int index, long order, SessionCheck session) {
    synchronized (store) {
      store.add(SessionStore.key(index, order), session);
    }
    progress.session(session);
  }

  /**
   * What an input's check returned; a defect it met ({@code --debug} lets them through) is thrown
   * again as it was.
   */
  private static Checked result(Future<Checked> checked) {
    try {
      return checked.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException defect) {
        throw defect;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the inputs", e);
    }
  }
}
