package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.rules.Unlisted;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.Source;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns checked sessions into rows of the {@link Tables}, with texts in the job's language and each
 * position pointed back into its own file.
 */
final class SessionRows {

  private final Explainer explainer;

  SessionRows(Explainer explainer) {
    this.explainer = explainer;
  }

  /**
   * Adds the rows of one session of a group to the result.
   *
   * @param inputOrder the input's place among the inputs as {@code ftpseq check} reads them
   * @param sessionOrder the session's place in its input, by when it started
   */
  void add(
      SessionCheck session,
      String input,
      LineMap lines,
      GroupResult.Builder out,
      int inputOrder,
      long sessionOrder) {
    Endpoints endpoints = Endpoints.of(session.session());
    long findingOrder = 0;
    for (Finding finding : session.findings()) {
      Row row = finding(session, input, lines, endpoints, finding);
      out.finding(Tables.sortedAsCheck(row, inputOrder, sessionOrder, findingOrder++));
    }
    for (Problem problem : session.problems()) {
      Source at = lines.locate(problem.source(), input);
      out.problem(row(input, at.file(), session.session(), at, explainer.problem(problem)));
    }
    for (Note note : session.notes()) {
      Source at = lines.locate(note.source(), input);
      out.note(
          row(
              input,
              at.file(),
              session.session(),
              at,
              note.kind().name(),
              explainer.note(note.kind()),
              note.detail()));
    }
    out.session(
        RowFactory.create(
            input,
            session.session(),
            session.format(),
            session.profile().name(),
            session.profileBasis().isAuto()
                ? session.profileBasis().kind().name().toLowerCase(Locale.ROOT)
                : null,
            session.profileBasis().isAuto() ? session.profileBasis().evidence() : null,
            session.start() == SessionCheck.Start.COMPLETE ? "complete" : "mid-session",
            endpoints.client(),
            endpoints.server(),
            session.commands(),
            session.replies(),
            session.count(Severity.ERROR),
            session.count(Severity.WARNING),
            session.count(Severity.INFO),
            session.problemCount(),
            unlisted(session.unlisted())));
  }

  /**
   * The row of a problem of an input itself, which belongs to no session: at a line (pointed into
   * its own file), or, at line 0, the input or file as a whole, with no position.
   */
  static Row inputProblem(String input, LineMap lines, Problem problem, Explainer explainer) {
    String said = explainer.problem(problem);
    if (problem.source().line() == 0) {
      return RowFactory.create(input, problem.source().file(), null, null, null, null, null, said);
    }
    Source at = lines.locate(problem.source(), input);
    return row(input, at.file(), null, at, said);
  }

  private static Row unlisted(Unlisted unlisted) {
    return unlisted.isEmpty()
        ? null
        : RowFactory.create(
            unlisted.errors(),
            unlisted.warnings(),
            unlisted.infos(),
            unlisted.problems(),
            unlisted.notes(),
            unlisted.steps());
  }

  private Row finding(
      SessionCheck session, String input, LineMap lines, Endpoints endpoints, Finding finding) {
    Source at = lines.locate(finding.source(), input);
    Reply reply = finding.reply();
    Row replyRow =
        reply == null
            ? null
            : RowFactory.create(
                reply.code().value(),
                reply.text(),
                explainer.category(reply.code()),
                explainer.standardText(reply.code().value()),
                finding.replyNotFromServer() ? Boolean.TRUE : null);
    Row related = null;
    Source context = null;
    if (finding.context() != null) {
      context = lines.locate(finding.contextSource(), input);
      related =
          RowFactory.create(
              context.file(),
              lineOf(context),
              packetOf(context),
              timeOf(context),
              finding.context().text());
    }
    // the message names places as the rows do: in the file they are in, not the group's stream
    Finding located =
        new Finding(
            finding.rule(),
            at,
            finding.command(),
            reply,
            finding.context(),
            context,
            finding.prediction(),
            finding.replyNotFromServer());
    return RowFactory.create(
        input,
        at.file(),
        session.session(),
        session.format(),
        session.profile().name(),
        endpoints.client(),
        endpoints.server(),
        finding.rule().name(),
        finding.severity().name().toLowerCase(Locale.ROOT),
        lineOf(at),
        packetOf(at),
        timeOf(at),
        dayOf(at),
        finding.command() == null ? null : finding.command().text(),
        replyRow,
        related,
        explainer.message(located, session.profile()),
        explainer.explanation(finding.rule()),
        explainer.fix(finding.rule()),
        finding.rule().reference());
  }

  /** A problem or note row: where it is, then its own columns. */
  private static Row row(String input, String source, String session, Source at, Object... rest) {
    Object[] values = new Object[7 + rest.length];
    values[0] = input;
    values[1] = source;
    values[2] = session;
    values[3] = lineOf(at);
    values[4] = packetOf(at);
    values[5] = timeOf(at);
    values[6] = dayOf(at);
    System.arraycopy(rest, 0, values, 7, rest.length);
    return RowFactory.create(values);
  }

  private static Long lineOf(Source at) {
    return at.unit() == Source.Unit.LINE ? at.line() : null;
  }

  private static Long packetOf(Source at) {
    return at.unit() == Source.Unit.PACKET ? at.line() : null;
  }

  private static String timeOf(Source at) {
    return at.hasTime() ? at.time() : null;
  }

  /**
   * The date part of a time: {@code 2026-11-23} of {@code 2026-11-23T06:40:23}, {@code --11-22} of
   * a syslog time without a year; none without a time.
   */
  static String dayOf(Source at) {
    if (!at.hasTime()) {
      return null;
    }
    int t = at.time().indexOf('T');
    return t > 0 ? at.time().substring(0, t) : null;
  }
}
