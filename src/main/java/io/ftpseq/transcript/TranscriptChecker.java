package io.ftpseq.transcript;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.Source;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one input: detects (or is told) its format, streams it line by line through the format's
 * parser into one {@link Validator} per session, and returns each session's result. The input is
 * read once; memory holds the first lines for detection and the findings, not the input.
 */
public final class TranscriptChecker {

  /**
   * The outcome for one input.
   *
   * @param sessions the sessions checked, in the order they started
   * @param unreadable why the input could not be checked at all, or {@code null}
   */
  public record Result(List<SessionCheck> sessions, Problem unreadable) {
    /** Copies the sessions. */
    public Result {
      sessions = List.copyOf(sessions);
    }
  }

  private final ProfileChoice profile;
  private final TranscriptFormat forced;
  private final CaptureFormat forcedCapture;
  private boolean keepSteps;

  /**
   * A checker with the given profile.
   *
   * @param forced the format to read every input as, or {@code null} to detect it per input
   */
  public TranscriptChecker(ServerProfile profile, TranscriptFormat forced) {
    this(profile, forced, null);
  }

  /**
   * A checker that reads every input as the given capture format.
   *
   * @param forcedCapture the capture format, or {@code null} to detect it per input
   */
  public TranscriptChecker(
      ServerProfile profile, TranscriptFormat forced, CaptureFormat forcedCapture) {
    this(ProfileChoice.of(profile), forced, forcedCapture);
  }

  /**
   * A checker whose profile is named or picked per session from the server's greeting ({@code
   * --profile auto}).
   */
  public TranscriptChecker(
      ProfileChoice profile, TranscriptFormat forced, CaptureFormat forcedCapture) {
    this.profile = profile;
    this.forced = forced;
    this.forcedCapture = forcedCapture;
  }

  /**
   * Also keeps every step of every session, for reports that annotate or draw them ({@code
   * --explain-all}); returns this checker.
   */
  public TranscriptChecker keepingSteps() {
    this.keepSteps = true;
    return this;
  }

  /** Checks one input, named as the user gave it. */
  public Result check(String name, InputStream input) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(input, 1 << 16);
    Optional<CaptureFormat> capture = captureFormat(buffered);
    if (capture.isPresent()) {
      Sessions sessions = new Sessions(name, capture.get().name());
      capture.get().read(name, buffered, sessions);
      return new Result(sessions.finish(), null);
    }
    LineReader reader = new LineReader(buffered);
    List<String> head = new ArrayList<>();
    int nonBlank = 0;
    String line;
    while (nonBlank < TranscriptFormats.HEAD_LINES && (line = reader.next()) != null) {
      head.add(line);
      if (!line.isBlank()) {
        nonBlank++;
      }
    }
    Optional<TranscriptFormat> format =
        forced != null ? Optional.of(forced) : TranscriptFormats.detect(head);
    if (format.isEmpty()) {
      String message =
          nonBlank == 0
              ? "empty input: no FTP dialogue to check"
              : "not an FTP transcript in any known format ("
                  + String.join(", ", TranscriptFormats.names())
                  + "); use --format to force one";
      return new Result(List.of(), new Problem(new Source(name, 0), message));
    }
    Sessions sessions = new Sessions(name, format.get().name());
    TranscriptParser parser = format.get().parser(name, sessions);
    long number = 0;
    for (String headLine : head) {
      parser.line(++number, headLine);
    }
    while ((line = reader.next()) != null) {
      parser.line(++number, line);
    }
    parser.end(number);
    return new Result(sessions.finish(), null);
  }

  /** The capture format of the input, forced or recognised from its first bytes. */
  private Optional<CaptureFormat> captureFormat(BufferedInputStream in) throws IOException {
    if (forcedCapture != null) {
      return Optional.of(forcedCapture);
    }
    if (forced != null) {
      return Optional.empty();
    }
    in.mark(CaptureFormat.MAGIC_BYTES);
    byte[] head = in.readNBytes(CaptureFormat.MAGIC_BYTES);
    in.reset();
    return TranscriptFormats.detectCapture(head);
  }

  /** One validator per session of the input, created when the session first appears. */
  private final class Sessions implements TranscriptSink {
    private final String source;
    private final String format;
    private final Map<String, Validator> validators = new LinkedHashMap<>();

    Sessions(String source, String format) {
      this.source = source;
      this.format = format;
    }

    @Override
    public void event(String session, SessionEvent event) {
      validator(session).accept(event);
    }

    @Override
    public void problem(String session, Problem problem) {
      validator(session).problem(problem);
    }

    private Validator validator(String session) {
      return validators.computeIfAbsent(
          session, s -> new Validator(source, s, format, profile, keepSteps));
    }

    List<SessionCheck> finish() {
      if (validators.isEmpty()) {
        validator(TranscriptSink.SINGLE);
      }
      return validators.values().stream().map(Validator::finish).toList();
    }
  }
}
