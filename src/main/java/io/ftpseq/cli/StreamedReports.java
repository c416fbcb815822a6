package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.report.CheckRun;
import io.ftpseq.report.ReportWriter;
import io.ftpseq.report.StreamedReport;
import io.ftpseq.rules.SessionCheck;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The reports of a run written as it goes, when every report chosen has its sessions first ({@link
 * StreamedReport}): each is opened before the first input is read, takes each session as the store
 * passes it on, in input order, and is ended and moved into place once the run is over. A report
 * that cannot be written is one line on standard error at the end, as when reports are written
 * afterwards, and the others are still written.
 *
 * <p>A report on standard output is flushed a moment after sessions were written into it, not after
 * each: whoever reads it through a pipe or on a terminal, as a live log is checked ({@code tail -f
 * vsftpd.log | ftpseq check -}), sees each session shortly after it ended, and a run of millions of
 * sessions does not make a system call for each. On the terminal the progress line is drawn on, the
 * sessions are held until then and written {@linkplain Progress#above above} the line, whole, so
 * that no line of the report has the progress line inside it.
 */
final class StreamedReports implements Consumer<SessionCheck>, Closeable {

  /** How long a session written to standard output may wait there before it is flushed. */
  private static final long FLUSH_MILLIS = 200;

  /** One report being written, or the reason it cannot be. */
  private static final class Open {
    final CheckCommand.ReportSpec spec;
    ReportFile.Opened file; // null on standard output
    StreamedReport.Sessions sessions;
    IOException failure;
    StringWriter held; // on standard output under the progress line: the sessions not yet written

    Open(CheckCommand.ReportSpec spec) {
      this.spec = spec;
    }
  }

  private final List<Open> reports = new ArrayList<>();
  private final Writer standardOutput;
  private final Progress progress;
  private ScheduledExecutorService flusher;
  private ScheduledFuture<?> flushing;
  private boolean unflushed; // sessions were written to standard output since the last flush

  private StreamedReports(Writer standardOutput, Progress progress) {
    this.standardOutput = standardOutput;
    this.progress = progress;
  }

  /**
   * Starts every report, or returns {@code null} when one of them needs the whole run before it can
   * write (a JUnit XML report counts its tests first): then all are written afterwards.
   *
   * @param writers the writer of each report, in the same order
   * @param standardOutput where a report without a file goes
   * @param standardOutputBytes the stream under {@code standardOutput}, or {@code null}: a report
   *     there that writes its own UTF-8 writes its bytes into it, once the writer is flushed
   * @param progress the progress line, which a report on standard output is written above
   */
  static StreamedReports startIfAll(
      List<CheckCommand.ReportSpec> specs,
      List<ReportWriter> writers,
      Writer standardOutput,
      WatchedStream standardOutputBytes,
      Progress progress) {
    if (specs.isEmpty() || !writers.stream().allMatch(w -> w instanceof StreamedReport)) {
      return null;
    }
    StreamedReports started = new StreamedReports(standardOutput, progress);
    for (int i = 0; i < specs.size(); i++) {
      Open report = new Open(specs.get(i));
      started.reports.add(report);
      try {
        StreamedReport writer = (StreamedReport) writers.get(i);
        if (report.spec.output != null) {
          report.file = ReportFile.open(report.spec.output);
          report.sessions = writer.start(report.file.stream());
        } else if (progress.shown()) {
          report.held = new StringWriter();
          report.sessions = writer.start(report.held);
        } else if (standardOutputBytes != null) {
          standardOutput.flush();
          report.sessions = writer.start(new ErrorsLeftBeneath(standardOutputBytes));
        } else {
          report.sessions = writer.start(standardOutput);
        }
      } catch (IOException e) {
        report.failure = e;
      }
    }
    if (started.reports.stream().anyMatch(r -> r.file == null && r.failure == null)) {
      started.flusher =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "ftpseq-report-flush");
                thread.setDaemon(true);
                return thread;
              });
      started.flushing =
          started.flusher.scheduleWithFixedDelay(
              started::flushStandardOutput, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }
    return started;
  }

  /**
   * Standard output's stream as a report writes its bytes into it: an error writing is left to the
   * stream beneath, which keeps it for the run to say, and the report goes on, as over the writer
   * on the same stream (a {@link java.io.PrintWriter}, which keeps no error).
   */
  private static final class ErrorsLeftBeneath extends FilterOutputStream {
    ErrorsLeftBeneath(WatchedStream out) {
      super(out);
    }

    @Override
    public void write(int b) {
      try {
        out.write(b);
      } catch (IOException e) {
        // kept by the stream beneath
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        // kept by the stream beneath
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        // kept by the stream beneath
      }
    }
  }

  /** Flushes the reports on standard output when sessions were written into them since. */
  private synchronized void flushStandardOutput() {
    if (!unflushed) {
      return;
    }
    unflushed = false;
    for (Open report : reports) {
      if (report.file == null && report.failure == null) {
        try {
          report.sessions.flush();
          writeHeld(report);
        } catch (IOException e) {
          report.failure = e;
        }
      }
    }
  }

  /** Writes what a report on standard output holds above the progress line, whole sessions. */
  private void writeHeld(Open report) throws IOException {
    if (report.held == null || report.held.getBuffer().length() == 0) {
      return;
    }
    String text = report.held.toString();
    report.held.getBuffer().setLength(0);
    progress.above(
        () -> {
          standardOutput.write(text);
          standardOutput.flush();
        });
  }

  /** Writes the next session, in input order, into every report still being written. */
  @Override
  public synchronized void accept(SessionCheck session) {
    unflushed = true;
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
  synchronized boolean end(CheckRun run, Explainer explainer, PrintWriter err) throws IOException {
    stopFlushing();
    unflushed = false; // the end flushes every report
    boolean written = true;
    for (Open report : reports) {
      if (report.failure == null) {
        try {
          report.sessions.end(run);
          writeHeld(report); // the progress line is cleared for good by now
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

  private void stopFlushing() {
    if (flusher != null) {
      flushing.cancel(false);
      flusher.shutdownNow();
    }
  }

  /** Closes every report file; one not ended leaves no partial file behind. */
  @Override
  public void close() throws IOException {
    stopFlushing();
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
