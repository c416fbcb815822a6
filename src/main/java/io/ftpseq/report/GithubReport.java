package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.Problem;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one per finding and problem, which the Actions runner turns
 * into annotations on the transcript's line: {@code ::error file=F,line=L,title=RULE::message}, and
 * a warning on each input left out on purpose, with why, and a notice on the input for each of its
 * notes (the lines of other programs passed over in a shared syslog file). A packet capture has no
 * lines: its annotations are on the file, and the message starts with the packet number.
 *
 * <p>The runner reads a step's output a line at a time, a line ending at CR or LF and nowhere else,
 * and decodes in a property only {@code %25}, {@code %0D}, {@code %0A}, {@code %3A} and {@code
 * %2C}, in a message only the first three (actions/runner, {@code ActionCommand.TryParseV2} and
 * {@code ProcessInvoker}). So the {@code file} property names the file with its characters as they
 * are, controls and invisible characters included, and only those five escaped: any other form (a
 * visible {@code \x01}) names no file of the repository and the annotation loses its file. A
 * character the runner takes as it is cannot end the line, so it cannot start a command either. A
 * byte of the name that is no UTF-8 (see {@link UnsafeCharacters#escape}) cannot reach the runner
 * as it is and is written {@code \xe9}. Messages and titles are read by people: every unsafe
 * character in them is a visible escape, as in the other reports. For a terminal, where no runner
 * reads, {@link Names#SHOWN} writes the file's name with visible escapes too.
 */
public final class GithubReport implements ReportWriter {

  /** How the {@code file} property writes a file's name. */
  public enum Names {
    /** As the runner needs it to find the file: its characters as they are. */
    EXACT,
    /** With every unsafe character a visible escape, for a terminal. */
    SHOWN
  }

  private final Explainer explainer;
  private final Names names;

  /** Annotations in the explainer's language, naming files as the runner needs them. */
  public GithubReport(Explainer explainer) {
    this(explainer, Names.EXACT);
  }

  /** Annotations in the explainer's language, naming files as {@code names} says. */
  public GithubReport(Explainer explainer, Names names) {
    this.explainer = explainer;
    this.names = names;
  }

  @Override
  public void write(CheckRun run, Writer out) throws IOException {
    for (Problem problem : run.inputProblems()) {
      command(
          out,
          "error",
          problem.source().file(),
          Locations.line(problem.source()),
          "ftpseq",
          explainer.problem(problem));
    }
    for (CheckRun.LeftOut input : run.leftOut()) {
      command(
          out,
          "warning",
          input.input(),
          0,
          "ftpseq",
          explainer.text("report.leftOut", explainer.say(input.why())));
    }
    for (CheckRun.InputNote note : run.inputNotes()) {
      command(out, "notice", note.source(), 0, "ftpseq", explainer.say(note.note()));
    }
    for (SessionCheck session : run.sessions()) {
      for (Problem problem : session.problems()) {
        command(
            out,
            "error",
            problem.source().file(),
            Locations.line(problem.source()),
            "ftpseq",
            Locations.text(explainer, problem.source(), explainer.problem(problem)));
      }
      for (Finding finding : session.findings()) {
        String level =
            switch (finding.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case INFO -> "notice";
            };
        String text =
            Locations.text(
                    explainer, finding.source(), explainer.message(finding, session.profile()))
                + "\n"
                + explainer.text("report.finding.fix", explainer.fix(finding.rule()));
        command(
            out,
            level,
            finding.source().file(),
            Locations.line(finding.source()),
            finding.rule().name(),
            text);
      }
    }
    out.flush();
  }

  private void command(
      Writer out, String level, String file, long line, String title, String message)
      throws IOException {
    StringBuilder command = new StringBuilder("::").append(level).append(" file=");
    command.append(property(names == Names.EXACT ? exact(file) : UnsafeCharacters.shown(file)));
    if (line > 0) {
      command.append(",line=").append(line);
    }
    command.append(",title=").append(property(UnsafeCharacters.shown(title)));
    command.append("::").append(data(UnsafeCharacters.shown(message)));
    out.write(command.append('\n').toString());
  }

  /**
   * A file's name as the runner needs it to find the file: every character as it is, but for the
   * bytes that are no UTF-8, which no runner can read as they are.
   */
  static String exact(String file) {
    StringBuilder name = new StringBuilder(file.length());
    file.codePoints()
        .forEach(
            c ->
                name.append(
                    Character.getType(c) == Character.SURROGATE
                        ? UnsafeCharacters.escape(c)
                        : new String(Character.toChars(c))));
    return name.toString();
  }

  /** Escapes a command's message as the runner expects. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a command property, which also may not contain ':' or ','. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
