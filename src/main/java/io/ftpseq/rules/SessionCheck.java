package io.ftpseq.rules;

import io.ftpseq.protocol.Secrets;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of checking one session: where it came from, what was found, and what could not be
 * read.
 *
 * @param source the input's name
 * @param session the session's name within the input (empty when the input holds one session)
 * @param format the transcript format it was read as
 * @param profile the server profile it was checked with
 * @param profileBasis why that profile: named, or picked by {@code --profile auto} from a reply
 * @param start whether the record shows the session's start
 * @param findings the findings, in order of position
 * @param problems lines that could not be read, in order
 * @param commands how many commands the session has
 * @param replies how many replies the session has
 * @param steps every exchange in order with its prediction and the state after it, when asked for
 *     ({@code --explain-all}, diagrams, predictions); else empty
 * @param notes what the record says about itself (start or lines missing, encryption, data
 *     connections), in order
 * @param unlisted how many findings, problems, notes and steps were counted but not listed
 */
public record SessionCheck(
    String source,
    String session,
    String format,
    ServerProfile profile,
    ProfileBasis profileBasis,
    Start start,
    List<Finding> findings,
    List<Problem> problems,
    int commands,
    int replies,
    List<Step> steps,
    List<Note> notes,
    Unlisted unlisted) {

  /** Whether the record shows the session's start. */
  public enum Start {
    /** From the greeting, or from a login command that resets the session. */
    COMPLETE,
    /** The record starts mid-session; the state before its first line is unknown. */
    MID_SESSION
  }

  /** Validates and copies the parts. */
  public SessionCheck {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(profileBasis, "profileBasis");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(unlisted, "unlisted");
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    steps = List.copyOf(steps);
    notes = List.copyOf(notes);
  }

  /** This check with other steps: the few kept of a session a report does not draw, or all. */
  public SessionCheck withSteps(List<Step> kept) {
    return new SessionCheck(
        source,
        session,
        format,
        profile,
        profileBasis,
        start,
        findings,
        problems,
        commands,
        replies,
        kept,
        notes,
        unlisted);
  }

  /**
   * This check with secrets masked that the input showed only after some of the session's lines
   * were read ({@link Secrets#learntSince}): a user name that is the password, on the USER line
   * before the PASS that shows it. Everything the check holds of the input is masked, and nothing
   * of ftpseq's own words; this check itself when there are no secrets.
   */
  public SessionCheck masked(Secrets secrets) {
    return LateSecrets.mask(this, secrets);
  }

  /** Every reply of the kept steps, in order of position; empty when steps were not kept. */
  public List<ReplyReceived> replyLog() {
    return steps.stream()
        .flatMap(step -> step.exchange().replies().stream())
        .sorted(Comparator.comparingLong(reply -> reply.source().line()))
        .toList();
  }

  /** Whether any finding is at least the given severity, listed or not. */
  public boolean hasFindingsAtLeast(Severity severity) {
    for (Severity level : Severity.values()) {
      if (level.atLeast(severity) && count(level) > 0) {
        return true;
      }
    }
    return false;
  }

  /** How many findings of the severity the session has, listed or not. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count()
        + unlisted.findings(severity);
  }

  /** How many problems the session has, listed or not. */
  public long problemCount() {
    return problems.size() + unlisted.problems();
  }
}
