package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.profile.ProfileChoice;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.Problem;
import io.ftpseq.transcript.CaptureFormat;
import io.ftpseq.transcript.TranscriptChecker;
import io.ftpseq.transcript.TranscriptFormat;
import io.ftpseq.transcript.TranscriptFormats;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The one place the Spark job meets the checker of {@code ftpseq check} ({@link TranscriptChecker})
 * and its run summary: whatever changes in how an input is checked is adapted here, and the job
 * sees only an input stream in and its sessions out.
 */
final class CheckerAdapter {

  /**
   * What checking one input gave.
   *
   * @param sessions the sessions, in the order they started
   * @param unreadable why the input could not be checked at all, or {@code null}
   */
  record Checked(List<SessionCheck> sessions, Problem unreadable) {
    Checked {
      sessions = List.copyOf(sessions);
    }
  }

  private final TranscriptChecker checker;

  /**
   * A checker with the profile, and the format to read every input as ({@code null} to detect it
   * per input, as {@code ftpseq check} does).
   *
   * @throws IllegalArgumentException if the format is not known
   */
  CheckerAdapter(ProfileChoice profile, String format) {
    TranscriptFormat forced = null;
    CaptureFormat forcedCapture = null;
    if (format != null) {
      forced = TranscriptFormats.named(format).orElse(null);
      forcedCapture = TranscriptFormats.capture(format).orElse(null);
      if (forced == null && forcedCapture == null) {
        throw new IllegalArgumentException(unknownFormat(format));
      }
    }
    this.checker = new TranscriptChecker(profile, forced, forcedCapture);
  }

  /** Checks one input stream, named as reports name it. */
  Checked check(String name, InputStream in) throws IOException {
    TranscriptChecker.Result result = checker.check(name, in);
    return new Checked(result.sessions(), result.unreadable());
  }

  /** Whether an input starting with these bytes is a packet capture (read whole, never joined). */
  static boolean isCapture(byte[] head) {
    return TranscriptFormats.detectCapture(head).isPresent();
  }

  /** How many first bytes {@link #isCapture} needs. */
  static int captureMagicBytes() {
    return CaptureFormat.MAGIC_BYTES;
  }

  /** Why a format name is refused, or empty when it is known. */
  static Optional<String> formatError(String format) {
    boolean known =
        TranscriptFormats.named(format).isPresent()
            || TranscriptFormats.capture(format).isPresent();
    return known ? Optional.empty() : Optional.of(unknownFormat(format));
  }

  private static String unknownFormat(String format) {
    return "unknown format '"
        + format
        + "'; known formats: "
        + String.join(", ", TranscriptFormats.names());
  }

  /** The one-line summary {@code ftpseq check} ends its text report with, for these counts. */
  static String summary(
      Explainer explainer,
      long sessions,
      long inputs,
      long errors,
      long warnings,
      long infos,
      long problems) {
    return explainer.text(
        "report.summary",
        String.valueOf(sessions),
        String.valueOf(inputs),
        String.valueOf(errors),
        String.valueOf(warnings),
        String.valueOf(infos),
        String.valueOf(problems));
  }
}
