package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import io.ftpseq.transcript.CaptureFormat;
import io.ftpseq.transcript.TranscriptChecker;
import io.ftpseq.transcript.TranscriptFormat;
import io.ftpseq.transcript.TranscriptFormats;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.security.AccessControlException;

/**
 * The one place the Spark job meets {@code ftpseq check}: its checker ({@link TranscriptChecker}),
 * which streams each session out as it ends and counts every line of an input, and its run ({@link
 * CheckRun}), which counts the inputs, findings, problems and lines and words the summary line.
 * Whatever changes in how an input is checked or counted is adapted here; the job sees an input
 * stream in, sessions and an {@link InputSummary} out, and totals in, a run out.
 */
final class CheckerAdapter {

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
      formatError(format)
          .ifPresent(
              reason -> {
                throw new BadValue(reason);
              });
    }
    this.checker = new TranscriptChecker(profile, forced, forcedCapture);
  }

  /**
   * Checks one input stream, named as reports name it, giving each session to the listener as it
   * ends.
   *
   * @return what the input held, line by line, and its own problems
   * @throws IOException only if closing the input fails; a read error is a problem of the input
   */
  InputSummary check(String name, InputStream in, TranscriptChecker.SessionListener sessions)
      throws IOException {
    return checker.check(name, in, sessions);
  }

  /** An input that could not be opened or read, as {@code ftpseq check} counts it. */
  static InputSummary unreadable(String name, IOException e) {
    return InputSummary.unreadable(
        new Problem(new Source(name, 0), Phrase.of("input.cannotRead", why(e))));
  }

  /**
   * Why a file could not be read or listed, in words to say in the run's language, as {@code ftpseq
   * check} says it of a local file ({@link IoReason}), Hadoop's refusal of access included.
   */
  static Phrase why(Exception e) {
    // Hadoop's refusal, which is no FileSystemException: the rest as for any file
    return e instanceof AccessControlException ? Phrase.of("input.reason.denied") : IoReason.of(e);
  }

  /**
   * The run {@code ftpseq check} would report for these inputs and session totals: its counts and
   * summary line, which counts the inputs left out. The run holds no sessions: only what the counts
   * and the summary line need.
   */
  static CheckRun run(
      List<InputSummary> inputs, CheckRun.Totals sessions, List<CheckRun.LeftOut> leftOut) {
    return new CheckRun(List.of(), inputs, sessions, leftOut);
  }

  /** The one-line summary {@code ftpseq check} ends its text report with, for a run. */
  static String summary(CheckRun run, Explainer explainer) {
    return run.summary(explainer);
  }

  /** Whether an input starting with these bytes is a packet capture (read whole, never joined). */
  static boolean isCapture(byte[] head) {
    return TranscriptFormats.detectCapture(head).isPresent();
  }

  /** How many first bytes {@link #isCapture} needs. */
  static int captureMagicBytes() {
    return CaptureFormat.MAGIC_BYTES;
  }

  /** Why a format name is refused, as {@code ftpseq check} says it, or empty when it is known. */
  static Optional<Phrase> formatError(String format) {
    boolean known =
        TranscriptFormats.named(format).isPresent()
            || TranscriptFormats.capture(format).isPresent();
    return known
        ? Optional.empty()
        : Optional.of(
            Phrase.of(
                "usage.unknownFormat", format, "", String.join(", ", TranscriptFormats.names())));
  }
}
