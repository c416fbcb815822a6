package io.ftpseq.report.html;

import static io.ftpseq.report.html.Html.escape;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.session.Source;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The ids one session's parts have in the page, so its parts can link to each other: the session
 * ({@code s3}), each finding ({@code s3-f1}), each arrow ({@code s3-r12}) and each embedded raw
 * input line ({@code s3-L120}).
 */
final class Anchors {

  private final String session;
  private final Explainer explainer;
  private final IdentityHashMap<Finding, String> findings = new IdentityHashMap<>();
  private final Set<Long> rawLines;

  /**
   * Anchors for a session.
   *
   * @param session the session's id
   * @param findings its findings, numbered in this order
   * @param rawLines the numbers of the raw input lines the page embeds for it
   */
  Anchors(String session, List<Finding> findings, Set<Long> rawLines, Explainer explainer) {
    this.session = session;
    this.explainer = explainer;
    this.rawLines = rawLines;
    for (Finding finding : findings) {
      this.findings.put(finding, session + "-f" + (this.findings.size() + 1));
    }
  }

  /** The session's id. */
  String session() {
    return session;
  }

  /** The id of a finding of the session. */
  String finding(Finding finding) {
    return findings.get(finding);
  }

  /** The id of the diagram's row with the given index. */
  String row(int index) {
    return session + "-r" + index;
  }

  /** The id of an embedded raw line, or {@code null} when the page does not embed it. */
  String rawLine(Source source) {
    return source.unit() == Source.Unit.LINE && rawLines.contains(source.line())
        ? session + "-L" + source.line()
        : null;
  }

  /** A position in words, linked to its raw line when the page embeds it. */
  String position(Source source) {
    String words = escape(explainer.position(source));
    String raw = rawLine(source);
    return raw == null ? words : "<a href=\"#" + raw + "\">" + words + "</a>";
  }
}
