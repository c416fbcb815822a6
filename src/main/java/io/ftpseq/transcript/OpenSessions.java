package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Secrets;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions of one input that are still open, each with its validator; the sink its reader
 * writes to. A session whose end the record shows is finished and handed on at once, so memory
 * holds the open sessions only. More than {@link #MAX_OPEN} open at once (a log that never shows
 * sessions ending) closes the one quiet for longest, with a note.
 *
 * <p>Problems that belong to no session (a stray line before any dialogue of the input, an input
 * that breaks off) are the input's own; at most {@link InputSummary#LISTED_PROBLEMS} are listed.
 */
final class OpenSessions implements TranscriptSink {

  /** How many sessions of one input may be open at once. */
  static final int MAX_OPEN = 10_000;

  /** How many of the other programs of a shared syslog file the input's note names. */
  private static final int NAMED_PROGRAMS = 3;

  /**
   * An open session: its place in the input's order, its validator, and when it was opened by the
   * count of secrets learnt ({@link Secrets#learnt}), since all those learnt after must be masked
   * in what was read of it before (a USER line that shows the password the PASS after it sends).
   */
  private record Open(long order, Validator validator, long secretsAt) {}

  private final String source;
  private final String format;
  private final ProfileChoice profile;
  private final boolean keepSteps;
  private final SessionRunner runner;
  private final LinkedHashMap<String, Open> open = new LinkedHashMap<>(16, 0.75f, true);
  // the session of the last event, which the next is most often of too: one line of a
  // single-session log looked its session up in the map for a fifth of the reading thread's time
  private String lastName;
  private Open last;
  private final List<Problem> inputProblems = new ArrayList<>();
  private boolean brokeOff;
  private final Secrets secrets = new Secrets();
  private final SplitOffSecret splitOff = new SplitOffSecret();

  /** The raw line of the input whose secrets were learnt last, {@code null} before the first. */
  private String rawLine;

  /** What {@link Secrets#candidateIn} found in {@link #rawLine}. */
  private int rawCandidate;

  private long unlistedProblems;

  /** The first line whose time could not be read, said; those after it are only counted. */
  private Source firstUnreadableTime;

  private long moreUnreadableTimes;

  /** How many lines of other programs of a shared syslog file were passed over. */
  private long otherProgramLines;

  /** The first few programs those lines were of, in the order they came. */
  private final List<String> otherPrograms = new ArrayList<>();

  private long sessions;
  private long line;
  private boolean problemOnLine;

  OpenSessions(
      String source,
      String format,
      ProfileChoice profile,
      boolean keepSteps,
      SessionRunner runner) {
    this.source = source;
    this.format = format;
    this.profile = profile;
    this.keepSteps = keepSteps;
    this.runner = runner;
  }

  /** The format the input is read as, or {@code null} when none was recognised. */
  String format() {
    return format;
  }

  /** The reader is about to be given this line. */
  void startLine(long number) {
    line = number;
    problemOnLine = false;
  }

  /** Whether a problem was reported since the current line was given. */
  boolean problemOnLine() {
    return problemOnLine;
  }

  /** Says that the input broke off rather than ended, before its parser is told it ended. */
  void brokeOff(boolean brokeOff) {
    this.brokeOff = brokeOff;
  }

  @Override
  public boolean brokeOff() {
    return brokeOff;
  }

  @Override
  public void event(String session, SessionEvent event) {
    splitOff.event(event);
    Open known = session(session);
    runner.accept(known.order(), known.validator(), secrets.isEmpty() ? event : masked(event));
  }

  @Override
  public void secretsIn(String line) {
    // a command line that is the raw line itself (a client log's) was looked at already
    if (line.equals(rawLine)) {
      if (rawCandidate != Secrets.NO_WORD) { // else no word of it is one a secret may follow
        secrets.learnMasked(line);
      }
    } else {
      secrets.learnCommand(line);
    }
  }

  /**
   * Learns the secrets of a raw line of the input, already looked at with {@link
   * Secrets#candidateIn}.
   */
  void learnFrom(String line, int candidate) {
    secrets.learn(line, candidate);
    splitOff.line(this.line, line, candidate);
    rawLine = line;
    rawCandidate = candidate;
  }

  @Override
  public void secret(String value) {
    secrets.learnSecret(value);
  }

  /**
   * The event with every secret the input showed before it masked; those it shows later are masked
   * when the session ends ({@link #finish(Open)}).
   */
  private SessionEvent masked(SessionEvent event) {
    return event.masked(secrets);
  }

  @Override
  public void unreadableReply(String session, Source at, Phrase what, String text) {
    splitOff.serverText();
    TranscriptSink.super.unreadableReply(session, at, what, text);
  }

  @Override
  public void problem(String session, Problem unmasked) {
    problemOnLine = true;
    Problem split = splitOffMasked(unmasked);
    Problem problem = secrets.isEmpty() ? split : masked(split);
    if (!open.containsKey(session) && session.equals(SINGLE)) {
      inputProblem(problem);
    } else {
      Open known = session(session);
      runner.problem(known.order(), known.validator(), problem);
    }
  }

  @Override
  public void end(String session) {
    Open ended = open.remove(session);
    if (session.equals(lastName)) {
      last = null;
    }
    if (ended != null) {
      finish(ended);
    }
  }

  /**
   * Says the first time of the input that cannot be read, as a problem of the input: the line
   * itself is read, so it counts as what it is, not as a problem. Later ones are counted and said
   * in one problem when the input ends.
   */
  @Override
  public String unreadableTime(Source at, Phrase format, String written) {
    if (firstUnreadableTime != null) {
      moreUnreadableTimes++;
      return "";
    }
    firstUnreadableTime = at;
    boolean lineProblem = problemOnLine;
    inputProblem(
        new Problem(at, Phrase.of("problem.unreadableTime", format, Problem.quote(written))));
    problemOnLine = lineProblem;
    return "";
  }

  /** Counts the line, to be said in one note of the input when it ends. */
  @Override
  public LineUse otherProgram(String tag) {
    otherProgramLines++;
    if (otherPrograms.size() < NAMED_PROGRAMS && !otherPrograms.contains(tag)) {
      otherPrograms.add(tag);
    }
    return LineUse.SKIPPED;
  }

  /** The problem with every secret the input showed before it masked in the input it quotes. */
  private Problem masked(Problem problem) {
    return problem.masked(secrets::mask);
  }

  /** A problem of the input as a whole, or of a line that belongs to no session. */
  void inputProblem(Problem unmasked) {
    problemOnLine = true;
    Problem split = splitOffMasked(unmasked);
    Problem problem = secrets.isEmpty() ? split : masked(split);
    if (inputProblems.size() < InputSummary.LISTED_PROBLEMS) {
      inputProblems.add(problem);
    } else {
      unlistedProblems++;
    }
  }

  /**
   * The problem with all it quotes masked when it is about the line being read and that line is the
   * rest of a command carrying a secret ({@link SplitOffSecret}), which is learnt then; else the
   * problem itself.
   */
  private Problem splitOffMasked(Problem problem) {
    return problem.source().line() == line
            && rawLine != null
            && splitOff.goesOn(line, rawLine, secrets)
        ? problem.masked(quoted -> Command.MASK)
        : problem;
  }

  /**
   * The line being read was left out by its reader (a blank line, a record of no use to it): when
   * it is the rest of a command carrying a secret, it is learnt as one ({@link SplitOffSecret}).
   */
  void skipped() {
    if (rawLine != null) {
      splitOff.leftOutGoesOn(line, rawLine, secrets);
    }
  }

  /** Whether the input has problems of its own. */
  boolean anyInputProblem() {
    return !inputProblems.isEmpty();
  }

  /** Ends the input: every session still open is finished, in the order they started. */
  InputSummary finish(LineTally tally, Source.Unit unit) {
    List<Open> rest = new ArrayList<>(open.values());
    open.clear();
    last = null;
    rest.sort(Comparator.comparingLong(Open::order));
    for (Open session : rest) {
      finish(session);
    }
    runner.await();
    if (moreUnreadableTimes > 0) {
      inputProblem(
          new Problem(
              new Source(source, 0, firstUnreadableTime.unit(), ""),
              Phrase.of(
                  "problem.unreadableTime.more", moreUnreadableTimes, firstUnreadableTime.line())));
    }
    if (!secrets.isEmpty()) {
      // a line before any session, or of none, may show a password the input sends later
      inputProblems.replaceAll(this::masked);
    }
    return new InputSummary(
        source,
        format == null ? "" : format,
        unit,
        tally.read(),
        tally.dialogue(),
        tally.skipped(),
        tally.problems(),
        sessions,
        inputProblems,
        unlistedProblems,
        otherProgramLines == 0
            ? List.of()
            : List.of(
                Phrase.of(
                    "note.input.otherPrograms",
                    otherProgramLines,
                    String.join(", ", otherPrograms))));
  }

  /** The open session of that name, opened now if it is new. */
  private Open session(String session) {
    if (last != null && session.equals(lastName)) {
      return last; // already the most recent: looking it up would change nothing
    }
    Open known = open.get(session);
    if (known != null) {
      lastName = session;
      last = known;
      return known;
    }
    if (open.size() >= MAX_OPEN) {
      closeQuietest();
    }
    Open created =
        new Open(
            sessions++,
            new Validator(source, session, format, profile, keepSteps),
            secrets.learnt());
    open.put(session, created);
    lastName = session;
    last = created;
    return created;
  }

  /** Closes the session that has been quiet for longest, saying so in it. */
  private void closeQuietest() {
    Iterator<Map.Entry<String, Open>> eldest = open.entrySet().iterator();
    Map.Entry<String, Open> quietest = eldest.next();
    eldest.remove();
    last = null;
    Open closed = quietest.getValue();
    runner.accept(
        closed.order(),
        closed.validator(),
        new Note(
            new Source(source, line),
            NoteKind.CLOSED_EARLY,
            Phrase.of("note.detail.closedEarly", MAX_OPEN)));
    finish(closed);
  }

  /**
   * Ends the session: its result is masked with the secrets learnt since it opened, which what was
   * read of it before could not be masked with.
   */
  private void finish(Open session) {
    runner.finish(session.order(), session.validator(), secrets.learntSince(session.secretsAt()));
  }
}
