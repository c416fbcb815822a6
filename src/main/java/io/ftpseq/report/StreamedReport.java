package io.ftpseq.report;

import io.ftpseq.rules.SessionCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A report whose sessions come first, before anything the run knows only at its end (the inputs'
 * problems, the summary): it can be written as the run goes, each session as soon as every one
 * before it in input order has ended ({@link SessionStore#passingOn}), so that a run of millions of
 * sessions need not keep them to write it afterwards.
 */
public interface StreamedReport extends ReportWriter {

  /** Starts the report in {@code out}; what it returns takes the sessions, then the run's end. */
  Sessions start(Writer out) throws IOException;

  /**
   * Starts the report in a stream, as UTF-8 bytes: a report that can write its bytes itself does
   * so, rather than its text being encoded again behind it. The stream is flushed, not closed, at
   * the end.
   */
  default Sessions start(OutputStream out) throws IOException {
    return start(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /** The report being written: its sessions one by one, in input order, then its end. */
  interface Sessions {
    /** Writes the next session. */
    void session(SessionCheck session) throws IOException;

    /**
     * Pushes what was written so far through to the report's writer and flushes it, so that a
     * reader of a report written as a live input is read (a pipe, a terminal) sees the sessions
     * that ended.
     */
    void flush() throws IOException;

    /** Writes the rest of the report from the run, whose sessions were all given, and flushes. */
    void end(CheckRun run) throws IOException;
  }

  @Override
  default void write(CheckRun run, Writer out) throws IOException {
    Sessions report = start(out);
    for (SessionCheck session : run.sessions()) {
      report.session(session);
    }
    report.end(run);
  }
}
