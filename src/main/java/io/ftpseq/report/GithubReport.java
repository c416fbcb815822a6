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
 */
public final class GithubReport implements ReportWriter {

  private final Explainer explainer;

  /** Annotations in the explainer's language. */
  public GithubReport(Explainer explainer) {
    this.explainer = explainer;
  }

  @Override
  public void write(CheckRun run, Writer to) throws IOException {
    Writer out = EscapingWriter.of(to);
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

  private static void command(
      Writer out, String level, String file, long line, String title, String message)
      throws IOException {
    StringBuilder command = new StringBuilder("::").append(level).append(" file=");
    command.append(property(file));
    if (line > 0) {
      command.append(",line=").append(line);
    }
    command.append(",title=").append(property(title)).append("::").append(data(message));
    out.write(command.append('\n').toString());
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
