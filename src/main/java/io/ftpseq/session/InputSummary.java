package io.ftpseq.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one input held, line by line (or packet by packet for a capture): every line read is counted
 * exactly once, as dialogue, as skipped by design, or as a problem, so nothing is dropped unseen.
 *
 * @param source the input's name as the user gave it
 * @param format the format it was read as, or empty when none was recognised
 * @param unit what the counts count: lines of text, or packets of a capture
 * @param read how many lines (or packets) were read
 * @param dialogue how many were commands, reply lines or notes of a session
 * @param skipped how many were left out by design (blank lines, comments, a program's own messages,
 *     listings, other traffic)
 * @param problems how many could not be read
 * @param sessions how many sessions the input held
 * @param inputProblems problems of the input as a whole, or of lines that belong to no session, in
 *     order; at most {@link #LISTED_PROBLEMS} are listed
 * @param unlistedProblems how many more input problems there were than are listed
 * @param notes what the reader says of the input as a whole that is no problem (the lines of other
 *     programs it passed over in a shared syslog file), in order
 */
public record InputSummary(
    String source,
    String format,
    Source.Unit unit,
    long read,
    long dialogue,
    long skipped,
    long problems,
    long sessions,
    List<Problem> inputProblems,
    long unlistedProblems,
    List<Phrase> notes) {

  /** How many problems of one input are listed; the others are counted. */
  public static final int LISTED_PROBLEMS = 1_000;

  /** Validates the parts and checks that every line is counted once. */
  public InputSummary {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(unit, "unit");
    inputProblems = List.copyOf(inputProblems);
    notes = List.copyOf(notes);
    if (dialogue + skipped + problems != read) {
      throw new IllegalArgumentException(
          "every line is counted once: "
              + dialogue
              + " dialogue + "
              + skipped
              + " skipped + "
              + problems
              + " problems is not "
              + read
              + " read");
    }
  }

  /** What one input held, with no notes of the input as a whole. */
  public InputSummary(
      String source,
      String format,
      Source.Unit unit,
      long read,
      long dialogue,
      long skipped,
      long problems,
      long sessions,
      List<Problem> inputProblems,
      long unlistedProblems) {
    this(
        source,
        format,
        unit,
        read,
        dialogue,
        skipped,
        problems,
        sessions,
        inputProblems,
        unlistedProblems,
        List.of());
  }

  /** An input that could not be read at all: its one problem, at line 0, nothing counted. */
  public static InputSummary unreadable(Problem problem) {
    String source = problem.source().file();
    return new InputSummary(source, "", Source.Unit.LINE, 0, 0, 0, 0, 0, List.of(problem), 0);
  }

  /** This summary with one more problem of the input as a whole, listed while there is room. */
  public InputSummary withInputProblem(Problem problem) {
    boolean listed = inputProblems.size() < LISTED_PROBLEMS;
    List<Problem> problems = new ArrayList<>(inputProblems);
    if (listed) {
      problems.add(problem);
    }
    return new InputSummary(
        source,
        format,
        unit,
        read,
        dialogue,
        skipped,
        this.problems,
        sessions,
        problems,
        unlistedProblems + (listed ? 0 : 1),
        notes);
  }

  /** How many input problems there were, listed or not. */
  public long inputProblemCount() {
    return inputProblems.size() + unlistedProblems;
  }
}
