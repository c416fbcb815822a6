package io.ftpseq.report;

import java.io.IOException;
import java.io.Writer;

/** Writes the results of a run in one report format. */
public interface ReportWriter {

  /** Writes the whole report for the run. */
  void write(CheckRun run, Writer out) throws IOException;
}
