package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Unlisted;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report for people: each finding as {@code file:line: severity RULE_ID: message} (with {@code
 * [time]} before the severity when the input gives one), then why the rule exists, how to fix it,
 * and what the server said; problems as {@code file:line: problem: message}; notes as {@code
 * file:line: note: what: detail}; a summary line last. Packets of a capture are {@code
 * file#packet}. Sessions come first, in input order, then the problems of the inputs as a whole and
 * the summary, so the report is written as the run goes.
 */
public final class TextReport implements StreamedReport {

  private static final String INDENT = "  ";

  private final Explainer explainer;
  private final Set<Detail> details;

  /** A text report in the explainer's language; the reply log when steps were kept. */
  public TextReport(Explainer explainer) {
    this(explainer, EnumSet.of(Detail.REPLY_LOG));
  }

  /**
   * A text report that also shows the given details of the kept steps: every reply explained, and a
   * table of each command's predicted and real reply.
   */
  public TextReport(Explainer explainer, Set<Detail> details) {
    this.explainer = explainer;
    this.details = Set.copyOf(details);
  }

  /**
   * Starts the report: each session's lines are written as it comes, then the problems and notes of
   * the inputs as a whole (known only once every input was read) and the summary line.
   */
  @Override
  public Sessions start(Writer to) {
    Writer out = EscapingWriter.of(to);
    return new Sessions() {
      @Override
      public void session(SessionCheck session) throws IOException {
        writeSession(session, out);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void end(CheckRun run) throws IOException {
        for (Problem problem : run.inputProblems()) {
          line(
              out,
              explainer.text(
                  "report.problem", problem.source().toString(), explainer.problem(problem)));
        }
        for (CheckRun.InputNote note : run.inputNotes()) {
          line(out, explainer.text("report.inputNote", note.source(), explainer.say(note.note())));
        }
        line(out, run.summary(explainer));
        out.flush();
      }
    };
  }

  /**
   * One line per note; a note that repeats with the same words (Zeek's gap before every row) is
   * written once, at its first place, with how often it came.
   */
  private void writeNotes(SessionCheck session, Writer out) throws IOException {
    Map<String, Integer> times = new HashMap<>();
    for (Note note : session.notes()) {
      times.merge(note.kind() + "\n" + explainer.detail(note), 1, Integer::sum);
    }
    Set<String> written = new HashSet<>();
    for (Note note : session.notes()) {
      String key = note.kind() + "\n" + explainer.detail(note);
      if (!written.add(key)
          || (note.kind() == NoteKind.START_MISSING
              && session.start() == SessionCheck.Start.MID_SESSION)) {
        continue; // written already, or the mid-session line says it
      }
      int count = times.get(key);
      String detail =
          count == 1
              ? explainer.detail(note)
              : explainer.text("report.note.repeated", explainer.detail(note), count);
      line(
          out,
          explainer.text(
              "report.note", note.source().toString(), explainer.note(note.kind()), detail));
    }
  }

  private void writeSession(SessionCheck session, Writer out) throws IOException {
    String name =
        session.session().isEmpty()
            ? session.source()
            : session.source() + " [" + session.session() + "]";
    String profile = explainer.profileNote(name, session.profile(), session.profileBasis());
    if (!profile.isEmpty()) {
      line(out, profile);
    }
    if (session.start() == SessionCheck.Start.MID_SESSION) {
      line(out, explainer.text("report.session.midSession", name));
    }
    for (Problem problem : session.problems()) {
      line(
          out,
          explainer.text(
              "report.problem", problem.source().toString(), explainer.problem(problem)));
    }
    writeUnlisted(session, out);
    writeNotes(session, out);
    if (details.contains(Detail.PREDICTIONS) && !session.steps().isEmpty()) {
      PredictedExchanges.text(session, explainer, out);
    }
    for (ReplyReceived reply :
        details.contains(Detail.REPLY_LOG) ? session.replyLog() : List.<ReplyReceived>of()) {
      line(
          out,
          explainer.text(
              "report.reply",
              reply.source().toString(),
              reply.reply().firstLine(),
              explainer.meaning(reply.reply().code())));
    }
    for (Finding finding : session.findings()) {
      line(
          out,
          explainer.text(
              "report.at",
              finding.source().toString(),
              (finding.source().hasTime() ? "[" + finding.source().time() + "] " : "")
                  + explainer.finding(finding, session.profile())));
      Rule rule = finding.rule();
      indented(out, explainer.text("report.finding.explanation", explainer.explanation(rule)));
      indented(out, explainer.text("report.finding.fix", explainer.fix(rule)));
      if (finding.reply() != null) {
        indented(
            out,
            explainer.text(
                finding.replyNotFromServer()
                    ? "report.finding.replyNotFromServer"
                    : "report.finding.reply",
                finding.reply().firstLine(),
                explainer.meaning(finding.reply().code())));
      }
    }
  }

  /** Says how much of a very long session was counted but not listed. */
  private void writeUnlisted(SessionCheck session, Writer out) throws IOException {
    Unlisted unlisted = session.unlisted();
    long findings = unlisted.errors() + unlisted.warnings() + unlisted.infos();
    if (findings + unlisted.problems() + unlisted.notes() > 0) {
      line(
          out,
          explainer.text(
              "report.unlisted",
              session.session().isEmpty()
                  ? session.source()
                  : session.source() + " [" + session.session() + "]",
              findings,
              unlisted.problems(),
              unlisted.notes()));
    }
  }

  private static void indented(Writer out, String text) throws IOException {
    line(out, INDENT + text);
  }

  /**
   * Writes one line of the report: whatever it holds from the input (a file's name with a line
   * feed, a tab in a command) is shown escaped, so that each line the report writes is one line.
   */
  private static void line(Writer out, String text) throws IOException {
    out.write(UnsafeCharacters.oneLine(text) + "\n");
  }
}
