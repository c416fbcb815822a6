package io.ftpseq.live;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfile;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Findings as a test failure or an exception shows them: {@code RULE_ID at command N "CMD":
 * message}, then why the rule exists and how to fix the code, one indented line each. Always in
 * English, the language of stack traces and build logs.
 */
final class FindingText {

  private static final Explainer ENGLISH = Explainer.forLocale(Locale.ROOT);

  /** What a strict client says about a command it refused, per rule, in the place of the rule's. */
  static final ResourceBundle REFUSALS =
      ResourceBundle.getBundle("io.ftpseq.live.Refusals", Locale.ROOT);

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
        + message(recorder, profile, finding)
        + "\n  "
        + ENGLISH.text("report.finding.explanation", ENGLISH.explanation(finding.rule()))
        + "\n  "
        + ENGLISH.text("report.finding.fix", ENGLISH.fix(finding.rule()));
  }

  /**
   * What the finding says: for a command a strict client refused, that it was refused before
   * sending (the rule's own message says it was sent, which it never was).
   */
  private static String message(SessionRecorder recorder, ServerProfile profile, Finding finding) {
    if (recorder.wasRefused(finding)) {
      return ENGLISH.message(finding, profile, REFUSALS).orElseGet(() -> refusedAnyway(finding));
    }
    return ENGLISH.message(finding, profile);
  }

  /** A refusal for a rule {@code Refusals.properties} has no text for; a test keeps this unused. */
  private static String refusedAnyway(Finding finding) {
    return (finding.command() == null ? "The command" : finding.command().verb().name())
        + " was refused before sending: it would break "
        + finding.rule().name()
        + ".";
  }

  /**
   * The report with the line of a refused command's finding saying it was refused before sending,
   * where the text report, written for commands that went out, says it was sent.
   */
  static String refusedInReport(
      SessionRecorder recorder, ServerProfile profile, Finding finding, String report) {
    String at = finding.source() + ": ";
    String refused =
        ENGLISH.text(
            "report.finding",
            ENGLISH.severity(finding.severity()),
            finding.rule().name(),
            message(recorder, profile, finding));
    return report.replace(at + ENGLISH.finding(finding, profile) + "\n", at + refused + "\n");
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
