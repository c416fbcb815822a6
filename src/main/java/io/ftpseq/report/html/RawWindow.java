package io.ftpseq.report.html;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Step;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which raw input lines the page embeds for a session: a few around each finding written in full
 * first, then the line before and after each step, up to {@value #MAX_LINES} for a session and
 * {@value #PAGE_LINES} for the page, so that neither a long session nor many of them swell it.
 */
final class RawWindow {

  /** The most raw lines embedded for one session. */
  static final int MAX_LINES = 600;

  /** The most raw lines embedded for all the page's sessions together. */
  static final int PAGE_LINES = 5_000;

  private static final int AROUND_FINDING = 4;
  private static final int AROUND_STEP = 1;

  private RawWindow() {}

  /**
   * The line numbers to embed; none for a packet capture.
   *
   * @param findings the findings the page writes in full, the session's or some of them
   * @param pageLeft how many lines the page has left to embed
   */
  static NavigableSet<Long> of(SessionCheck session, List<Finding> findings, int pageLeft) {
    NavigableSet<Long> lines = new TreeSet<>();
    int max = Math.min(MAX_LINES, pageLeft);
    for (Finding finding : findings) {
      add(lines, finding.source(), AROUND_FINDING, max);
    }
    for (Step step : session.steps()) {
      if (step.exchange().command() != null) {
        add(lines, step.exchange().command().source(), AROUND_STEP, max);
      }
      for (ReplyReceived reply : step.exchange().replies()) {
        add(lines, reply.source(), AROUND_STEP, max);
      }
    }
    return lines;
  }

  private static void add(NavigableSet<Long> lines, Source source, int around, int max) {
    if (source.unit() != Source.Unit.LINE || source.line() == 0) {
      return;
    }
    for (long line = Math.max(1, source.line() - around);
        line <= source.line() + around && lines.size() < max;
        line++) {
      lines.add(line);
    }
  }
}
