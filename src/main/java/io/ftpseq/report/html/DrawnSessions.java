package io.ftpseq.report.html;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which sessions the page draws in full, diagram and raw lines: those with findings or problems, as
 * long as they bring an example of a rule (or of problems) that has fewer than {@value #PER_RULE}
 * sessions drawn, up to {@value #MAX} in all, past which only the first session of a rule is drawn.
 * With {@code --explain-all} or {@code --predict}, which ask about every step, the first {@value
 * #CLEAN} clean sessions too. Every other session gets one line in the session table. A month of
 * logs then makes a page of a few megabytes that shows every rule at work, where drawing every
 * session made a page a dozen times the size of the log; a small run is drawn as it always was.
 *
 * <p>Each session is decided from itself and the sessions before it, in input order, as the
 * overview's pass meets them.
 */
final class DrawnSessions {

  /**
   * The most sessions drawn for one rule, and for problems; more than a bar of the overview links
   * to ({@link Overview#LINKS_PER_BAR}), so that its links land on drawings.
   */
  static final int PER_RULE = 50;

  /** The most sessions with findings or problems drawn in all, but for a rule's first. */
  static final int MAX = 300;

  /** The most clean sessions drawn, when every step was asked for. */
  static final int CLEAN = 20;

  private final boolean cleanToo;
  private final Map<Rule, Integer> byRule = new EnumMap<>(Rule.class);
  private int withProblems;
  private int notable;
  private int clean;

  /**
   * A new choice, before the first session.
   *
   * @param cleanToo whether clean sessions are drawn too (the first {@value #CLEAN})
   */
  DrawnSessions(boolean cleanToo) {
    this.cleanToo = cleanToo;
  }

  /** Whether a session has what the page draws: findings or problems. */
  static boolean notable(SessionCheck session) {
    return !session.findings().isEmpty() || session.problemCount() > 0;
  }

  /** Whether the page draws the next session in full. */
  boolean next(SessionCheck session) {
    if (!notable(session)) {
      if (cleanToo && clean < CLEAN) {
        clean++;
        return true;
      }
      return false;
    }
    Set<Rule> rules = EnumSet.noneOf(Rule.class);
    for (Finding finding : session.findings()) {
      rules.add(finding.rule());
    }
    boolean problems = session.problemCount() > 0;
    int fewest = problems ? withProblems : Integer.MAX_VALUE;
    for (Rule rule : rules) {
      fewest = Math.min(fewest, byRule.getOrDefault(rule, 0));
    }
    if (fewest >= PER_RULE || (fewest > 0 && notable >= MAX)) {
      return false;
    }
    rules.forEach(rule -> byRule.merge(rule, 1, Integer::sum));
    withProblems += problems ? 1 : 0;
    notable++;
    return true;
  }
}
