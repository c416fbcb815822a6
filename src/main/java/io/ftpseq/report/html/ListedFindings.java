package io.ftpseq.report.html;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which findings of the sessions drawn the page writes in full, at their arrows: the first {@value
 * #PER_RULE} of each rule in a session, at most {@value #PER_SESSION} in a session and {@value
 * #MAX} on the page, and the first finding of each rule on the page whatever the bounds. The others
 * are counted by rule in their session's list. A session of thousands of findings wrote each with
 * its explanation and its arrow: twenty such sessions made a page of 140 MB.
 *
 * <p>Each drawn session is decided from itself and the drawn sessions before it, in input order, so
 * the overview's pass and the drawing pass, each with a choice of its own, choose the same.
 */
final class ListedFindings {

  /** The most findings of one rule written in full for one session. */
  static final int PER_RULE = 20;

  /** The most findings written in full for one session. */
  static final int PER_SESSION = 100;

  /** The most findings written in full on the page, but for a rule's first. */
  static final int MAX = 1_000;

  private final Set<Rule> seen = EnumSet.noneOf(Rule.class);
  private int listed;

  /**
   * What a drawn session writes of its findings.
   *
   * @param findings the findings written in full, in the session's order
   * @param unlisted how many of each rule's findings are counted only, by rule
   */
  record Choice(List<Finding> findings, Map<Rule, Integer> unlisted) {

    /** Copies the parts. */
    Choice {
      findings = List.copyOf(findings);
      unlisted = Collections.unmodifiableMap(new EnumMap<>(unlisted));
    }

    /** How many findings are counted only. */
    int unlistedCount() {
      return unlisted.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The choice for the next session drawn. */
  Choice next(SessionCheck session) {
    List<Finding> chosen = new ArrayList<>();
    Map<Rule, Integer> byRule = new EnumMap<>(Rule.class);
    Map<Rule, Integer> unlisted = new EnumMap<>(Rule.class);
    for (Finding finding : session.findings()) {
      Rule rule = finding.rule();
      boolean first = seen.add(rule);
      boolean room =
          byRule.getOrDefault(rule, 0) < PER_RULE && chosen.size() < PER_SESSION && listed < MAX;
      if (first || room) {
        chosen.add(finding);
        byRule.merge(rule, 1, Integer::sum);
        listed++;
      } else {
        unlisted.merge(rule, 1, Integer::sum);
      }
    }
    return new Choice(chosen, unlisted);
  }
}
