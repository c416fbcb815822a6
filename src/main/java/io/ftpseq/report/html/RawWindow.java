package io.ftpseq.report.html;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Step;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which raw input lines the page embeds for a session: a few around each finding first, then the
 * line before and after each step, up to a bound so that a long session cannot swell the page.
 */
final class RawWindow {

  /** The most raw lines embedded for one session. */
  static final int MAX_LINES = 600;

  private static final int AROUND_FINDING = 4;
  private static final int AROUND_STEP = 1;

  private RawWindow() {}

  /** The line numbers to embed; none for a packet capture. */
  static NavigableSet<Long> of(SessionCheck session) {
    NavigableSet<Long> lines = new TreeSet<>();
    for (Finding finding : session.findings()) {
      add(lines, finding.source(), AROUND_FINDING);
    }
    for (Step step : session.steps()) {
      if (step.exchange().command() != null) {
        add(lines, step.exchange().command().source(), AROUND_STEP);
      }
      for (ReplyReceived reply : step.exchange().replies()) {
        add(lines, reply.source(), AROUND_STEP);
      }
    }
    return lines;
  }

  private static void add(NavigableSet<Long> lines, Source source, int around) {
    if (source.unit() != Source.Unit.LINE || source.line() == 0) {
      return;
    }
    for (long line = Math.max(1, source.line() - around);
        line <= source.line() + around && lines.size() < MAX_LINES;
        line++) {
      lines.add(line);
    }
  }
}
