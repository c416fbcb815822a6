package io.ftpseq.report.html;

import io.ftpseq.report.SessionStore;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Step;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * The sessions whose steps a run keeps for the page, decided as each session ends: the page draws a
 * session only if it is among the first {@value DrawnSessions#PER_RULE} in the input of one of its
 * rules (or of the sessions with problems), and with every step asked for, the first {@value
 * DrawnSessions#CLEAN} clean ones ({@link DrawnSessions}, whatever its bound in all). So each rule
 * keeps the keys of the first sessions that have it among those ended so far; a session that ends
 * later and comes before them in the input takes the place of the last, whose steps are let go when
 * no other rule keeps it. The run holds the steps of a few hundred sessions at most, in whatever
 * order sessions end, and every session the page draws has its steps.
 *
 * <p>Every other session keeps the steps that hold its first and last line and its first and last
 * time, which its line in the session table shows.
 */
final class DrawnSteps implements SessionStore.Drawings {

  /** What a session is drawn for besides its rules, each with its own first sessions. */
  private static final String PROBLEMS = "problems";

  private static final String CLEAN = "";

  private final boolean cleanToo;

  /** For each rule (or problems, or clean), the keys of its first sessions, the last on top. */
  private final Map<String, PriorityQueue<Long>> firsts = new HashMap<>();

  /** For each session whose steps are kept, how many rules keep it. */
  private final Map<Long, Integer> keptBy = new HashMap<>();

  /**
   * A choice before the first session ends.
   *
   * @param cleanToo whether the page draws clean sessions too ({@link DrawnSessions})
   */
  DrawnSteps(boolean cleanToo) {
    this.cleanToo = cleanToo;
  }

  @Override
  public boolean mayDraw(long key, SessionCheck session, LongConsumer undrawn) {
    Set<String> kinds = new TreeSet<>();
    for (Finding finding : session.findings()) {
      kinds.add(finding.rule().name());
    }
    if (session.problemCount() > 0) {
      kinds.add(PROBLEMS);
    }
    if (kinds.isEmpty() && cleanToo) {
      kinds.add(CLEAN);
    }
    for (String kind : kinds) {
      int bound = kind.equals(CLEAN) ? DrawnSessions.CLEAN : DrawnSessions.PER_RULE;
      PriorityQueue<Long> first =
          firsts.computeIfAbsent(kind, k -> new PriorityQueue<>(Collections.reverseOrder()));
      if (first.size() >= bound) {
        if (first.peek() < key) {
          continue;
        }
        long last = first.poll();
        if (keptBy.merge(last, -1, Integer::sum) == 0) {
          keptBy.remove(last);
          undrawn.accept(last);
        }
      }
      first.add(key);
      keptBy.merge(key, 1, Integer::sum);
    }
    return keptBy.containsKey(key);
  }

  @Override
  public SessionCheck undrawn(SessionCheck session) {
    List<Step> bounds = SessionTable.Extent.bounds(session.steps());
    if (bounds.size() == session.steps().size()) {
      return session;
    }
    return session.withSteps(bounds);
  }
}
