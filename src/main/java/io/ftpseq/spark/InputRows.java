package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns what an input held ({@link InputSummary}) into rows: one of {@link Tables#INPUTS} with its
 * counts, and one of {@link Tables#PROBLEMS} per problem of the input itself; and an input's row
 * back into the counts the run's summary needs.
 */
final class InputRows {

  private static final int INPUT = Tables.INPUTS.fieldIndex("input");
  private static final int FILES = Tables.INPUTS.fieldIndex("files");
  private static final int FORMAT = Tables.INPUTS.fieldIndex("format");
  private static final int UNIT = Tables.INPUTS.fieldIndex("unit");
  private static final int READ = Tables.INPUTS.fieldIndex("read");
  private static final int DIALOGUE = Tables.INPUTS.fieldIndex("dialogue");
  private static final int SKIPPED = Tables.INPUTS.fieldIndex("skipped");
  private static final int PROBLEMS = Tables.INPUTS.fieldIndex("problems");
  private static final int SESSIONS = Tables.INPUTS.fieldIndex("sessions");
  private static final int INPUT_PROBLEMS = Tables.INPUTS.fieldIndex("input_problems");

  private InputRows() {}

  /**
   * Adds the rows of one input: its problems, each line pointed back into its own file, and its
   * counts.
   *
   * @param files the files read as the input, in order
   * @param explainer says the problems in the job's language
   */
  static void add(
      InputSummary input,
      List<String> files,
      LineMap lines,
      GroupResult.Builder out,
      Explainer explainer) {
    for (Problem problem : input.inputProblems()) {
      out.problem(SessionRows.inputProblem(input.source(), lines, problem, explainer));
    }
    out.input(row(input, files));
  }

  /** The row of an input's counts. */
  static Row row(InputSummary input, List<String> files) {
    return RowFactory.create(
        input.source(),
        List.copyOf(files),
        input.format(),
        input.unit() == Source.Unit.LINE ? "lines" : "packets",
        input.read(),
        input.dialogue(),
        input.skipped(),
        input.problems(),
        input.sessions(),
        input.inputProblemCount());
  }

  /**
   * The counts of an input's row as the run of {@code ftpseq check} counts inputs: one per file. A
   * rotation group is read as one stream, so its row counts all its lines and problems; that
   * summary carries them, and each other file of the group joins the run as an input with nothing
   * read of its own. The input's own problems are counted, not listed (they are rows of the
   * problems table).
   */
  static List<InputSummary> summaries(Row row) {
    List<InputSummary> summaries = new ArrayList<>();
    summaries.add(
        new InputSummary(
            row.getString(INPUT),
            row.getString(FORMAT),
            row.getString(UNIT).equals("lines") ? Source.Unit.LINE : Source.Unit.PACKET,
            row.getLong(READ),
            row.getLong(DIALOGUE),
            row.getLong(SKIPPED),
            row.getLong(PROBLEMS),
            row.getLong(SESSIONS),
            List.of(),
            row.getLong(INPUT_PROBLEMS)));
    List<String> files = row.getAs(FILES); // a Java list: the row was made by a task, not read
    for (String file : files.subList(Math.min(1, files.size()), files.size())) {
      summaries.add(
          new InputSummary(
              file, row.getString(FORMAT), Source.Unit.LINE, 0, 0, 0, 0, 0, List.of(), 0));
    }
    return summaries;
  }

  /**
   * An input's summary with more problems of its own (files of a rotation group that could not be
   * opened or broke off), listed before the checker's.
   */
  static InputSummary withProblems(InputSummary input, List<Problem> more) {
    if (more.isEmpty()) {
      return input;
    }
    List<Problem> problems = new ArrayList<>(more);
    problems.addAll(input.inputProblems());
    return new InputSummary(
        input.source(),
        input.format(),
        input.unit(),
        input.read(),
        input.dialogue(),
        input.skipped(),
        input.problems(),
        input.sessions(),
        problems,
        input.unlistedProblems());
  }
}
