package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.report.ReportWriter;
import io.ftpseq.report.StreamedReport;
import io.ftpseq.rules.SessionCheck;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reports of a run written as it goes, when every report chosen has its sessions first ({@link
 * StreamedReport}): each is opened before the first input is read, takes each session as the store
 * passes it on, in input order, and is ended and moved into place once the run is over. A report
 * that cannot be written is one line on standard error at the end, as when reports are written
 * afterwards, and the others are still written.
 */
final class StreamedReports implements Consumer<SessionCheck>, Closeable {

  /** One report being written, or the reason it cannot be. */
  private static final class Open {
    final CheckCommand.ReportSpec spec;
    ReportFile.Opened file; // null on standard output
    StreamedReport.Sessions sessions;
    IOException failure;

    Open(CheckCommand.ReportSpec spec) {
      this.spec = spec;
    }
  }

  private final List<Open> reports = new ArrayList<>();

  private StreamedReports() {}

  /**
   * Starts every report, or returns {@code null} when one of them needs the whole run before it can
   * write (a JUnit XML report counts its tests first): then all are written afterwards.
   *
   * @param writers the writer of each report, in the same order
   * @param standardOutput where a report without a file goes
   */
  static StreamedReports startIfAll(
      List<CheckCommand.ReportSpec> specs, List<ReportWriter> writers, Writer standardOutput) {
    if (specs.isEmpty() || !writers.stream().allMatch(w -> w instanceof StreamedReport)) {
      return null;
    }
    StreamedReports started = new StreamedReports();
    for (int i = 0; i < specs.size(); i++) {
      Open report = new Open(specs.get(i));
      started.reports.add(report);
      try {
        Writer out = standardOutput;
        if (report.spec.output != null) {
          report.file = ReportFile.open(report.spec.output);
          out = report.file.out();
        }
        report.sessions = ((StreamedReport) writers.get(i)).start(out);
      } catch (IOException e) {
        report.failure = e;
      }
    }
    return started;
  }

  /** Writes the next session, in input order, into every report still being written. */
  @Override
  public void accept(SessionCheck session) {
    for (Open report : reports) {
      if (report.failure == null) {
        try {
          report.sessions.session(session);
        } catch (IOException e) {
          report.failure = e;
        }
      }
    }
  }

  /**
   * Ends every report with the run and moves each into place; returns whether all were written,
   * having said of each that was not why, in one line on {@code err}.
   */
  boolean end(CheckRun run, Explainer explainer, PrintWriter err) throws IOException {
    boolean written = true;
    for (Open report : reports) {
      if (report.failure == null) {
        try {
          report.sessions.end(run);
          if (report.file != null) {
            report.file.complete();
          }
        } catch (IOException e) {
          if (report.file == null) {
            throw e; // standard output: as when the report is written afterwards
          }
          report.failure = e;
        }
      }
      if (report.failure != null) {
        written = false;
        err.println(CheckCommand.cannotWrite(report.spec, report.failure, explainer));
      }
    }
    return written;
  }

  /** Closes every report file; one not ended leaves no partial file behind. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Open report : reports) {
      if (report.file != null) {
        try {
          report.file.close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
