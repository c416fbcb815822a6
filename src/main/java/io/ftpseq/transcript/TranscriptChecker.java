package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks one input: detects (or is told) its format, streams it line by line through the format's
 * parser into one validator per session, and hands each session's result on as soon as the session
 * ends. The input is read once; memory holds the first lines for detection and the sessions still
 * open, not the input.
 *
 * <p>Every line read is counted once, as dialogue, skipped by design or a problem ({@link
 * InputSummary}). Nothing in the input stops the check: a line a reader cannot cope with is a
 * problem at its line, an input that breaks off (a truncated gzip file) is checked up to the break,
 * and an input with no FTP dialogue at all is a problem, never a pass.
 */
public final class TranscriptChecker {

  /**
   * A command in double quotes, as ProFTPD's %r writes it: a log no format knows that shows one may
   * be written with a LogFormat of its own.
   */
  private static final java.util.regex.Pattern QUOTED_COMMAND =
      java.util.regex.Pattern.compile("\"(?:USER|PASS|CWD|RETR|STOR|LIST|NLST|QUIT|PWD)\\b");

  /** Receives each session's result when the session ends. */
  @FunctionalInterface
  public interface SessionListener {
    /**
     * A session ended.
     *
     * @param order the session's place among the input's sessions, in the order they started
     * @param session what was found
     */
    void finished(long order, SessionCheck session);
  }

  /**
   * The outcome for one input, with its sessions collected in memory: for tests and small inputs.
   *
   * @param sessions the sessions checked, in the order they started
   * @param summary what the input held, line by line, and its problems
   */
  public record Result(List<SessionCheck> sessions, InputSummary summary) {
    /** Copies the sessions. */
    public Result {
      sessions = List.copyOf(sessions);
    }

    /** Why the input could not be checked at all, or {@code null}. */
    public Problem unreadable() {
      return summary.dialogue() == 0 && !summary.inputProblems().isEmpty()
          ? summary.inputProblems().get(0)
          : null;
    }
  }

  private final ProfileChoice profile;
  private final TranscriptFormat forced;
  private final CaptureFormat forcedCapture;
  private boolean keepSteps;
  private boolean rethrowDefects;
  private int sessionThreads;

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

  /**
   * Lets a defect of ftpseq met on a line end the check with its exception instead of becoming a
   * problem at that line ({@code --debug}); returns this checker.
   */
  public TranscriptChecker rethrowingDefects() {
    this.rethrowDefects = true;
    return this;
  }

  /**
   * Judges the sessions of each input on this many threads beside the one that reads it, for inputs
   * that interleave many sessions (server logs, captures); 0, the default, judges them on the
   * reading thread. With workers, the input's lines are also split, decoded and first looked at for
   * secrets on one more thread, ahead of the one that parses them. The sessions and their order are
   * the same either way. Returns this checker.
   */
  public TranscriptChecker judgingSessionsOn(int threads) {
    this.sessionThreads = Math.max(0, threads);
    return this;
  }

  /** Checks one input, named as the user gave it, and collects its sessions in start order. */
  public Result check(String name, InputStream input) throws IOException {
    List<long[]> orders = new ArrayList<>();
    List<SessionCheck> sessions = new ArrayList<>();
    InputSummary summary =
        check(
            name,
            input,
            (order, session) -> {
              synchronized (sessions) {
                orders.add(new long[] {order, sessions.size()});
                sessions.add(session);
              }
            });
    orders.sort(Comparator.comparingLong(o -> o[0]));
    return new Result(orders.stream().map(o -> sessions.get((int) o[1])).toList(), summary);
  }

  /**
   * Checks one input, named as the user gave it, giving each session to the listener when it ends.
   *
   * @return what the input held, line by line, and the problems of the input as a whole
   * @throws IOException only if closing the input fails; a read error ends the input early and is
   *     one of its problems
   */
  public InputSummary check(String name, InputStream input, SessionListener listener)
      throws IOException {
    try (SessionRunner runner =
        sessionThreads > 0
            ? new SessionWorkers(sessionThreads, listener, rethrowDefects)
            : SessionRunner.inline(listener)) {
      return check(name, input, runner);
    }
  }

  private InputSummary check(String name, InputStream input, SessionRunner runner)
      throws IOException {
    ReadablePrefix readable = new ReadablePrefix(input);
    BufferedInputStream buffered =
        ByteOrderMarks.dropped(new BufferedInputStream(readable, 1 << 16));
    LineTally tally = new LineTally();
    Optional<CaptureFormat> capture = captureFormat(buffered);
    OpenSessions sessions;
    LineReader lines = null;
    if (capture.isPresent()) {
      sessions = new OpenSessions(name, capture.get().name(), profile, keepSteps, runner);
      readCapture(capture.get(), name, buffered, sessions, tally);
    } else {
      lines = new LineReader(buffered, () -> readable.failure() != null);
      sessions = readText(name, lines, tally, runner, readable);
    }
    Phrase breakOff =
        readable.breakOff(
            capture.isPresent() ? Source.Unit.PACKET : Source.Unit.LINE,
            tally.read(),
            lines == null ? 0 : lines.cutLineBytes());
    if (breakOff != null) {
      sessions.inputProblem(new Problem(new Source(name, 0), breakOff));
    }
    if (sessions.format() != null
        && tally.dialogue() == 0
        && tally.problems() == 0
        && !sessions.anyInputProblem()) {
      sessions.inputProblem(
          new Problem(
              new Source(name, 0),
              tally.read() == 0
                  ? Phrase.of("problem.noDialogue.empty")
                  : Phrase.of(
                      capture.isPresent()
                          ? "problem.noDialogue.packets"
                          : "problem.noDialogue.lines",
                      tally.read(),
                      FormatName.of(sessions.format()))));
    }
    return sessions.finish(tally, capture.isPresent() ? Source.Unit.PACKET : Source.Unit.LINE);
  }

  private void readCapture(
      CaptureFormat format, String name, InputStream in, OpenSessions sessions, LineTally tally)
      throws IOException {
    try {
      format.read(name, in, sessions, tally);
    } catch (RuntimeException e) {
      if (rethrowDefects) {
        throw e;
      }
      sessions.inputProblem(
          new Problem(new Source(name, 0), Phrase.of("problem.readingStopped", defect(e))));
    }
  }

  /**
   * Reads the lines of a text input. An input that breaks off before anything but blank lines is
   * not also an empty one: its break is its one problem.
   */
  private OpenSessions readText(
      String name,
      LineReader reader,
      LineTally tally,
      SessionRunner runner,
      ReadablePrefix readable)
      throws IOException {
    List<String> head = new ArrayList<>();
    List<Long> overlong = new ArrayList<>(); // the length of each head line that was cut, else 0
    int nonBlank = 0;
    String line;
    Optional<TranscriptFormat> format = Optional.ofNullable(forced);
    while (nonBlank < TranscriptFormats.HEAD_LINES
        && head.size() < TranscriptFormats.MOST_HEAD_LINES) {
      // a live log that has nothing more to give yet is read as what it showed, when that is
      // enough to know its format: its lines must not wait for lines yet to be written
      if (nonBlank > 0 && !reader.ready()) {
        format = format.or(() -> TranscriptFormats.detect(detectable(head, overlong)));
        if (format.isPresent()) {
          break;
        }
      }
      if ((line = reader.next()) == null) {
        break;
      }
      head.add(line);
      overlong.add(reader.overlong() ? reader.lineBytes() : 0L);
      if (!line.isBlank()) {
        nonBlank++;
      }
    }
    format = format.or(() -> TranscriptFormats.detect(detectable(head, overlong)));
    if (format.isEmpty()) {
      // blank lines are no part of any format, counted as skipped: an input of nothing else is
      // one problem, not as many unreadable lines as it has
      long blank = (long) head.size() - nonBlank;
      long unread = nonBlank;
      while ((line = reader.next()) != null) {
        if (line.isBlank()) {
          blank++;
        } else {
          unread++;
        }
      }
      tally.add(LineUse.SKIPPED, blank);
      tally.add(LineUse.PROBLEM, unread);
      OpenSessions none = new OpenSessions(name, null, profile, keepSteps, runner);
      if (nonBlank > 0 || readable.failure() == null) {
        none.inputProblem(
            new Problem(
                new Source(name, 0),
                unread == 0 && blank > 0
                    ? Phrase.of("problem.onlyBlankLines", blank)
                    : nonBlank == 0 && head.size() == TranscriptFormats.MOST_HEAD_LINES
                        ? Phrase.of("problem.blankHead", head.size())
                        : nonBlank == 0
                            ? Phrase.of("problem.emptyInput")
                            : Phrase.of(
                                head.stream().anyMatch(l -> QUOTED_COMMAND.matcher(l).find())
                                    ? "problem.unknownFormat.logFormat"
                                    : "problem.unknownFormat",
                                String.join(", ", TranscriptFormats.names()))));
      }
      return none;
    }
    OpenSessions sessions = new OpenSessions(name, format.get().name(), profile, keepSteps, runner);
    TranscriptParser parser = format.get().parser(name, sessions);
    long number = 0;
    for (int i = 0; i < head.size(); i++) {
      number++;
      long bytes = overlong.get(i);
      String text = head.get(i);
      tally.add(
          read(
              parser,
              sessions,
              name,
              number,
              text,
              bytes > 0,
              bytes,
              Secrets.candidateIn(text),
              InputLines.NOT_AHEAD),
          1);
    }
    // with the sessions judged on other threads, this one parses while yet another reads
    try (InputLines lines =
        sessionThreads > 0 ? new LinesAhead(reader, parser) : InputLines.of(reader)) {
      while (true) {
        if (!lines.ready()) {
          runner.handOver(); // a live log: what was read is judged while more is awaited
        }
        if (!lines.next()) {
          break;
        }
        number++;
        tally.add(
            read(
                parser,
                sessions,
                name,
                number,
                lines.line(),
                lines.overlong(),
                lines.lineBytes(),
                lines.candidate(),
                lines.ahead()),
            1);
      }
    }
    if (readable.failure() != null) {
      sessions.brokeOff(true);
    }
    parser.end(number);
    return sessions;
  }

  /** The head's lines for detection: a line that was cut is no line of any format. */
  private static List<String> detectable(List<String> head, List<Long> overlong) {
    List<String> detectable = new ArrayList<>(head);
    for (int i = 0; i < head.size(); i++) {
      if (overlong.get(i) > 0) {
        detectable.set(i, "");
      }
    }
    return detectable;
  }

  /** Gives one line to the parser and returns what it was; no line can stop the check. */
  private LineUse read(
      TranscriptParser parser,
      OpenSessions sessions,
      String name,
      long number,
      String line,
      boolean overlong,
      long bytes,
      int secretCandidate,
      Object ahead) {
    sessions.startLine(number);
    LineUse use;
    try {
      // a line too long to read is quoted in part, and a later line may echo a password it shows
      sessions.learnFrom(line, secretCandidate);
      if (overlong) {
        sessions.inputProblem(
            new Problem(
                new Source(name, number),
                Phrase.of(
                    "problem.lineTooLong",
                    bytes,
                    LineReader.MAX_LINE_BYTES,
                    Problem.quoteStart(line))));
        return LineUse.PROBLEM;
      }
      use =
          ahead == InputLines.NOT_AHEAD
              ? parser.line(number, line)
              : line(parser, number, line, ahead);
    } catch (RuntimeException | StackOverflowError e) {
      if (rethrowDefects) {
        throw e;
      }
      sessions.inputProblem(
          new Problem(new Source(name, number), Phrase.of("problem.lineUnreadable", defect(e))));
      return LineUse.PROBLEM;
    }
    if (sessions.problemOnLine()) {
      return LineUse.PROBLEM;
    }
    if (use == LineUse.SKIPPED) {
      sessions.skipped();
    }
    return use;
  }

  /** Gives a line read ahead to its parser, with what was read ahead. */
  @SuppressWarnings("unchecked") // LinesAhead read it with this parser's ahead()
  private static <T> LineUse line(TranscriptParser parser, long number, String line, Object ahead) {
    if (ahead instanceof LinesAhead.Failure failure) {
      failure.rethrow();
    }
    return ((TranscriptParser.ReadAhead<T>) parser).line(number, line, (T) ahead);
  }

  /**
   * A defect of ftpseq, described for a problem line; the exception's message is quoted as input,
   * as it may repeat the line.
   */
  static String defect(Throwable e) {
    return e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + Problem.quote(e.getMessage()))
        + " (a defect in ftpseq: please report it with this input; --debug shows where)";
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
}
