package io.ftpseq.proxy;

import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Phrase;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A session that has ended: what the check found and what went over the wire.
 *
 * @param info which session
 * @param check the session checked, as {@code ftpseq check} checks its transcript
 * @param input what the session's transcript holds, line by line, as {@code ftpseq check} counts it
 * @param transfers how many data connections were relayed
 * @param bytesToClient data bytes relayed from the server to the client
 * @param bytesToServer data bytes relayed from the client to the server
 * @param ending why the session ended, in a few words
 * @param transcript the transcript file, or {@code null} when not recording
 * @param unchecked why the server kept the session from being checked in full (it could not be
 *     reached, never greeted, or sent what the proxy cannot relay), or {@code null} when nothing
 *     did
 */
public record SessionSummary(
    SessionInfo info,
    SessionCheck check,
    InputSummary input,
    int transfers,
    long bytesToClient,
    long bytesToServer,
    Phrase ending,
    Path transcript,
    Phrase unchecked) {

  /** Validates the parts. */
  public SessionSummary {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(ending, "ending");
  }
}
