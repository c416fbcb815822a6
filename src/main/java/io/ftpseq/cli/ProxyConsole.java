package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.proxy.ProxyEvents;
import io.ftpseq.proxy.SessionInfo;
import io.ftpseq.proxy.SessionSummary;
import io.ftpseq.report.CheckRun;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code ftpseq proxy} shows while it runs: each finding on standard output as it happens, in
 * the text report's shape with the session id as its file ({@code s3:9: error RNTO_WITHOUT_RNFR:
 * ...}); sessions opening and closing, what the proxy refused and every reply it made itself on
 * standard error. It also keeps what the exit code and the final reports need, and writes each
 * session's reports when recording. The first finding that cannot be written to standard output
 * stops the run.
 */
final class ProxyConsole implements ProxyEvents {

  private final PrintWriter out;
  private final PrintWriter err;
  private final Explainer explainer;
  private final SessionReports records;
  private final Severity failOn;
  private final int sessionsWanted;
  private final boolean keepSessions;
  private final CountDownLatch enough = new CountDownLatch(1);
  private final List<SessionCheck> checks = new ArrayList<>();
  private final List<InputSummary> inputs = new ArrayList<>();
  private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
  private int sessions;
  private long problems;
  private boolean failed;
  private int unchecked;
  private int unwritten;

  /**
   * A console for one run.
   *
   * @param records writes each session's reports, or {@code null} when not recording
   * @param sessionsWanted how many sessions end the run, or 0 for no limit
   * @param failOn the lowest severity that fails the run, or {@code null}
   * @param keepSessions whether to keep every session's check for the run's reports; without,
   *     memory stays flat however long the proxy runs
   */
  ProxyConsole(
      PrintWriter out,
      PrintWriter err,
      Explainer explainer,
      SessionReports records,
      int sessionsWanted,
      Severity failOn,
      boolean keepSessions) {
    this.out = out;
    this.err = err;
    this.explainer = explainer;
    this.records = records;
    this.sessionsWanted = sessionsWanted;
    this.failOn = failOn;
    this.keepSessions = keepSessions;
  }

  @Override
  public synchronized void opened(SessionInfo session) {
    status(explainer.text("proxy.opened", session.id(), SessionInfo.show(session.client())));
  }

  @Override
  public synchronized void finding(
      SessionInfo session, Finding finding, ServerProfile profile, boolean refused) {
    out.println(
        explainer.text(
            "report.at",
            finding.source().toString(),
            explainer.text(
                "report.finding",
                explainer.severity(finding.severity()),
                finding.rule().name()
                    + (refused ? " " + explainer.text("proxy.answeredItself") : ""),
                explainer.message(finding, profile))));
    out.println(
        "  " + explainer.text("report.finding.explanation", explainer.explanation(finding.rule())));
    out.println("  " + explainer.text("report.finding.fix", explainer.fix(finding.rule())));
    if (refused && finding.reply() != null) {
      out.println(
          "  "
              + explainer.text(
                  "proxy.notForwarded",
                  finding.reply().code().toString(),
                  explainer.meaning(finding.reply().code())));
    } else if (finding.reply() != null) {
      out.println(
          "  "
              + explainer.text(
                  finding.replyNotFromServer()
                      ? "report.finding.replyNotFromServer"
                      : "report.finding.reply",
                  finding.reply().firstLine(),
                  explainer.meaning(finding.reply().code())));
    }
    if (out.checkError()) { // checkError flushes
      // the findings are lost from now on, and a proxy may run for days: it stops, and the entry
      // point says why and exits as for any output that cannot be written
      enough.countDown();
    }
  }

  @Override
  public synchronized void ownReply(SessionInfo session, String reply, Phrase why) {
    // the reply is the English that went to the client; it says why only in English
    boolean replySaysWhy = explainer.languageTag().equals("en") && reply.contains(why.english());
    status(
        replySaysWhy
            ? explainer.text("proxy.ownReply", session.id(), reply)
            : explainer.text("proxy.ownReply.why", session.id(), reply, explainer.say(why)));
  }

  @Override
  public synchronized void notice(SessionInfo session, Phrase message) {
    status(explainer.text("proxy.notice", session.id(), explainer.say(message)));
  }

  @Override
  public synchronized void turnedAway(InetSocketAddress client, Phrase reason) {
    status(explainer.text("proxy.turnedAway", SessionInfo.show(client), explainer.say(reason)));
  }

  @Override
  public synchronized void closed(SessionSummary summary) {
    SessionCheck check = summary.check();
    tally(check, summary.input());
    if (summary.unchecked() != null) {
      unchecked++;
      status(
          explainer.text(
              "proxy.unchecked", summary.info().id(), explainer.say(summary.unchecked())));
    }
    if (records != null) {
      try {
        records.write(summary);
      } catch (IOException e) {
        unwritten++;
        status(
            explainer.text("proxy.unwritten", summary.info().id(), String.valueOf(e.getMessage())));
      }
    }
    String closed =
        explainer.text(
            "proxy.closed",
            summary.info().id(),
            explainer.say(summary.ending()),
            check.commands(),
            summary.transfers(),
            summary.bytesToClient(),
            summary.bytesToServer(),
            check.count(Severity.ERROR),
            check.count(Severity.WARNING));
    status(
        summary.transcript() == null
            ? closed
            : explainer.text("proxy.recorded", closed, summary.transcript().toString()));
    if (sessionsWanted > 0 && sessions >= sessionsWanted) {
      enough.countDown();
    }
  }

  private void tally(SessionCheck check, InputSummary input) {
    sessions++;
    problems += check.problemCount();
    for (Severity severity : Severity.values()) {
      bySeverity.merge(severity, check.count(severity), Long::sum);
    }
    failed |= failOn != null && check.hasFindingsAtLeast(failOn);
    if (keepSessions) {
      checks.add(check);
      inputs.add(input);
    }
  }

  /**
   * Counted down once the wanted number of sessions has ended, or when standard output cannot be
   * written.
   */
  CountDownLatch enough() {
    return enough;
  }

  /** Every session kept so far, as a run for the reports; each session counts as an input. */
  synchronized CheckRun run() {
    return CheckRun.of(checks, inputs);
  }

  /** The run's summary line, like check's, in the explainer's language. */
  synchronized String summary() {
    return explainer.text(
        "report.summary",
        sessions,
        sessions,
        bySeverity.getOrDefault(Severity.ERROR, 0L),
        bySeverity.getOrDefault(Severity.WARNING, 0L),
        bySeverity.getOrDefault(Severity.INFO, 0L),
        problems);
  }

  /** Whether a session had findings at or above {@code --fail-on}. */
  synchronized boolean failed() {
    return failed;
  }

  /** Whether a session had lines that could not be read. */
  synchronized boolean hadProblems() {
    return problems > 0;
  }

  /**
   * Sessions the server kept from being checked in full (unreachable, no greeting, a reply the
   * proxy cannot relay), or whose reports could not be written: what makes the run incomplete.
   */
  synchronized int failures() {
    return unchecked + unwritten;
  }

  /** A status line on standard error. */
  synchronized void status(String line) {
    err.println("ftpseq proxy: " + line);
    err.flush();
  }
}
