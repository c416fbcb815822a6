package io.ftpseq.live;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfile;
import java.util.List;
import java.util.Locale;

/**
 * Findings as a test failure or an exception shows them: {@code RULE_ID at command N "CMD":
 * message}, then why the rule exists and how to fix the code, one indented line each. Always in
 * English, the language of stack traces and build logs.
 */
final class FindingText {

  private static final Explainer ENGLISH = Explainer.forLocale(Locale.ROOT);

  private FindingText() {}

  /**
   * One finding in three lines; with a profile other than {@code rfc}, the message ends with what
   * that server answers.
   */
  private static String of(SessionRecorder recorder, ServerProfile profile, Finding finding) {
    String command = finding.command() == null ? "" : finding.command().text();
    return finding.rule().name()
        + " at command "
        + recorder.commandNumber(finding)
        + " \""
        + command
        + "\": "
        + ENGLISH.message(finding, profile)
        + "\n  "
        + ENGLISH.text("report.finding.explanation", ENGLISH.explanation(finding.rule()))
        + "\n  "
        + ENGLISH.text("report.finding.fix", ENGLISH.fix(finding.rule()));
  }

  /** Several findings, one block each. */
  static String of(SessionRecorder recorder, List<Finding> findings) {
    ServerProfile profile = recorder.profile();
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) {
      text.append(of(recorder, profile, finding)).append('\n');
    }
    return text.toString();
  }

  /** The English explainer, for reports. */
  static Explainer english() {
    return ENGLISH;
  }
}
