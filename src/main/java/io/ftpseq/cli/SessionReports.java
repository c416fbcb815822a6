package io.ftpseq.cli;

import io.ftpseq.cli.CheckCommand.ReportFormat;
import io.ftpseq.explain.Explainer;
import io.ftpseq.proxy.SessionSummary;
import io.ftpseq.report.CheckRun;
import io.ftpseq.report.html.InputLines;
import io.ftpseq.rules.Severity;
import io.ftpseq.transcript.TranscriptLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reports of {@code ftpseq check}, written for proxied sessions: each session's report in every
 * chosen format next to its transcript ({@code s1.transcript.txt}, {@code s1.report.json}, ...).
 * The one place where the proxy's sessions meet the report writers. The HTML report shows the raw
 * lines around each step from the transcripts, whose files are kept by session id.
 */
final class SessionReports implements InputLines {

  private final List<ReportFormat> formats;
  private final Explainer explainer;
  private final Severity failureLevel;
  private final Map<String, Path> transcripts = new ConcurrentHashMap<>();

  SessionReports(List<ReportFormat> formats, Explainer explainer, Severity failureLevel) {
    this.formats = formats.isEmpty() ? List.of(ReportFormat.text) : List.copyOf(formats);
    this.explainer = explainer;
    this.failureLevel = failureLevel;
  }

  /** The file name ending of a session's report in a format. */
  static String suffix(ReportFormat format) {
    return switch (format) {
      case text -> ".report.txt";
      case json -> ".report.json";
      case junit -> ".junit.xml";
      case sarif -> ".sarif";
      case github -> ".github.txt";
      case markdown -> ".report.md";
      case html -> ".report.html";
    };
  }

  /** Writes the session's reports beside its transcript; does nothing when there is none. */
  void write(SessionSummary summary) throws IOException {
    if (summary.transcript() == null) {
      return;
    }
    if (formats.contains(ReportFormat.html)) {
      transcripts.put(summary.info().id(), summary.transcript());
    }
    CheckRun run = CheckRun.of(List.of(summary.check()), List.of(summary.input()));
    Path directory = summary.transcript().toAbsolutePath().getParent();
    for (ReportFormat format : formats) {
      Path file = directory.resolve(summary.info().id() + suffix(format));
      write(run, format, file);
    }
  }

  /** Writes the whole run in one format to a file. */
  void write(CheckRun run, ReportFormat format, Path file) throws IOException {
    ReportFile.write(file, out -> write(run, format, out));
  }

  /** Writes the whole run in one format. */
  void write(CheckRun run, ReportFormat format, Writer out) throws IOException {
    CheckCommand.writer(format, explainer, failureLevel, Set.of(), this).write(run, out);
  }

  /** The raw lines of a session's transcript, for the HTML report; none when not recorded. */
  @Override
  public Map<Long, String> read(String session, String format, NavigableSet<Long> lines)
      throws IOException {
    Path transcript = transcripts.get(session);
    if (transcript == null) {
      return Map.of();
    }
    try (InputStream in = Files.newInputStream(transcript)) {
      return TranscriptLines.readShown(in, format, lines);
    }
  }
}
