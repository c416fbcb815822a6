package io.ftpseq.benchmark.micro;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.transcript.TranscriptSink;

/**
 * A sink that only counts what a reader sends, so a reader's own work is measured without the
 * validation behind it; the counts are consumed by the benchmark so nothing is optimised away.
 */
final class CountingSink implements TranscriptSink {

  long events;
  long problems;
  long ends;

  @Override
  public void event(String session, SessionEvent event) {
    events += session.length() + 1;
  }

  @Override
  public void problem(String session, Problem problem) {
    problems++;
  }

  @Override
  public void end(String session) {
    ends++;
  }

  /** Everything counted, as one number for a blackhole. */
  long total() {
    return events + problems + ends;
  }
}
