package io.ftpseq.live;

import io.ftpseq.report.CheckRun;
import io.ftpseq.report.TextReport;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One live FTP session as ftpseq sees it: the events so far, their transcript in the plain dialogue
 * format ({@code C:}/{@code S:} lines, password masked; {@code ftpseq check} reads it back with the
 * same line numbers), and the findings. Get one from {@link FtpSeq#watch} or {@link
 * CheckedFtpClient#watch()}.
 *
 * <p>Safe to read from another thread while the client runs; meant for one client per watch.
 */
public final class FtpSessionWatch {

  private final SessionRecorder recorder;
  private final Runnable settle;
  private final Runnable detach;

  FtpSessionWatch(SessionRecorder recorder, Runnable settle, Runnable detach) {
    this.recorder = recorder;
    this.settle = settle;
    this.detach = detach;
  }

  /** The session's name, used as the file name in findings and reports. */
  public String name() {
    return recorder.name();
  }

  /** Every command, reply and note so far, in order. */
  public List<SessionEvent> events() {
    settle.run();
    return recorder.events();
  }

  /** The session so far as a dialogue transcript, one line per wire line, ending in a newline. */
  public String transcript() {
    settle.run();
    return recorder.transcript();
  }

  /**
   * The session checked so far, as {@code ftpseq check} would check its transcript, without the
   * findings about commands Commons Net sent on its own (its automatic FEAT, keep-alive NOOPs).
   */
  public SessionCheck check() {
    settle.run();
    return recorder.check();
  }

  /**
   * Whether anything went over the wire: a reply or a command. Not so for a client that never
   * connected or whose connect failed, whose transcript would hold no dialogue to check.
   */
  boolean reachedTheWire() {
    return events().stream().anyMatch(e -> e instanceof CommandSent || e instanceof ReplyReceived);
  }

  /** Commands a strict client refused to send, as the findings they would have raised. */
  public List<Finding> refused() {
    return recorder.blocked();
  }

  /** Every finding: the session's, and those of refused commands; in order of position. */
  public List<Finding> findings() {
    List<Finding> all = new ArrayList<>(check().findings());
    all.addAll(recorder.blocked());
    all.sort(Finding.BY_POSITION);
    return all;
  }

  /** The findings of the given severity or worse. */
  public List<Finding> findingsAtLeast(Severity severity) {
    return findings().stream().filter(f -> f.severity().atLeast(severity)).toList();
  }

  /**
   * Findings as a failure message shows them: {@code RULE_ID at command N "CMD": message}, then
   * {@code why:} and {@code fix:} lines.
   */
  public String describe(List<Finding> findings) {
    return FindingText.of(recorder, findings);
  }

  /**
   * The text report of the session, as {@code ftpseq check} prints it, in English, with the
   * commands a strict client refused among the findings (each said to be refused before sending, at
   * the transcript's {@code # refused by ftpseq before sending} line), so its counts are those the
   * test failed on.
   */
  public String report() {
    return report(name());
  }

  /**
   * The text report of {@link #report()}, each finding at its line of the transcript file named
   * {@code file}, as {@code ftpseq check file} prints it: what the JUnit extension writes and
   * publishes once the transcript is written, so a report names the file a developer opens or
   * checks again.
   */
  String report(String file) {
    settle.run();
    SessionCheck checked = recorder.check(file);
    List<Finding> refused = recorder.blocked(file);
    if (!refused.isEmpty()) {
      checked = withRefused(checked, refused);
    }
    CheckRun run = CheckRun.of(List.of(checked), List.of(recorder.summary(file)));
    StringWriter out = new StringWriter();
    try {
      new TextReport(FindingText.english()).write(run, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    String report = out.toString();
    for (Finding finding : refused) {
      report = FindingText.refusedInReport(recorder, checked.profile(), finding, report);
    }
    return report;
  }

  private static SessionCheck withRefused(SessionCheck checked, List<Finding> refused) {
    List<Finding> all = new ArrayList<>(checked.findings());
    all.addAll(refused);
    all.sort(Finding.BY_POSITION);
    return new SessionCheck(
        checked.source(),
        checked.session(),
        checked.format(),
        checked.profile(),
        checked.profileBasis(),
        checked.start(),
        all,
        checked.problems(),
        checked.commands(),
        checked.replies(),
        checked.steps(),
        checked.notes(),
        checked.unlisted());
  }

  /** Records where each command is sent from, for test failures; see {@link CallSite}. */
  FtpSessionWatch recordingCallSites() {
    recorder.recordCallSites();
    return this;
  }

  /** Where the command of the finding was sent from, empty when not recorded. */
  StackTraceElement[] callSite(Finding finding) {
    return recorder.callSite(finding);
  }

  /** Stops recording; what was recorded stays readable. */
  public void detach() {
    settle.run();
    detach.run();
  }
}
