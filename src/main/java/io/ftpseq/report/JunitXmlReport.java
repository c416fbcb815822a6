package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.Problem;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report that Jenkins, GitLab and GitHub test reporters read: a testsuite per input
 * file, a testcase per session, a {@code <failure>} per finding at or above the failure level and
 * an {@code <error>} per line that could not be read. Findings below the level are listed in the
 * testcase's {@code <system-out>}.
 */
public final class JunitXmlReport implements ReportWriter {

  private final Explainer explainer;
  private final Severity failureLevel;

  /**
   * A JUnit report.
   *
   * @param failureLevel the lowest severity that is a failure, or {@code null} for none
   */
  public JunitXmlReport(Explainer explainer, Severity failureLevel) {
    this.explainer = explainer;
    this.failureLevel = failureLevel;
  }

  @Override
  public void write(CheckRun run, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "ftpseq");
      xml.writeAttribute("tests", Integer.toString(run.sessions().size()));
      xml.writeAttribute("failures", Long.toString(failures(run.sessions())));
      xml.writeAttribute("errors", Long.toString(run.problemCount()));
      xml.writeCharacters("\n");
      for (Map.Entry<String, List<SessionCheck>> file : byFile(run).entrySet()) {
        suite(xml, file.getKey(), file.getValue());
      }
      for (Problem problem : run.inputProblems()) {
        unreadable(xml, problem);
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
    }
  }

  private static Map<String, List<SessionCheck>> byFile(CheckRun run) {
    Map<String, List<SessionCheck>> files = new LinkedHashMap<>();
    for (SessionCheck session : run.sessions()) {
      files.computeIfAbsent(session.source(), k -> new java.util.ArrayList<>()).add(session);
    }
    return files;
  }

  private long failures(List<SessionCheck> sessions) {
    return sessions.stream().flatMap(s -> s.findings().stream()).filter(this::isFailure).count();
  }

  private boolean isFailure(Finding finding) {
    return failureLevel != null && finding.severity().atLeast(failureLevel);
  }

  private void suite(XMLStreamWriter xml, String file, List<SessionCheck> sessions)
      throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", file);
    xml.writeAttribute("tests", Integer.toString(sessions.size()));
    xml.writeAttribute("failures", Long.toString(failures(sessions)));
    xml.writeAttribute(
        "errors", Long.toString(sessions.stream().mapToLong(s -> s.problems().size()).sum()));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", "0");
    xml.writeCharacters("\n");
    for (SessionCheck session : sessions) {
      testcase(xml, file, session);
    }
    xml.writeCharacters("  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private void testcase(XMLStreamWriter xml, String file, SessionCheck session)
      throws XMLStreamException {
    xml.writeCharacters("    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "ftpseq." + session.format());
    xml.writeAttribute("name", session.session().isEmpty() ? file : file + " " + session.session());
    xml.writeAttribute("file", file);
    xml.writeAttribute("time", "0");
    StringBuilder below = new StringBuilder();
    for (Finding finding : session.findings()) {
      String line = finding.source() + ": " + explainer.message(finding, session.profile());
      if (!isFailure(finding)) {
        below.append(finding.severity().name()).append(' ').append(finding.rule().name());
        below.append(": ").append(line).append('\n');
        continue;
      }
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      xml.writeAttribute("type", finding.rule().name());
      xml.writeAttribute("message", finding.rule().name() + ": " + line);
      xml.writeCharacters(
          line
              + "\nwhy: "
              + explainer.explanation(finding.rule())
              + "\nfix: "
              + explainer.fix(finding.rule()));
      xml.writeEndElement();
    }
    for (Problem problem : session.problems()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("error");
      xml.writeAttribute("type", "problem");
      xml.writeAttribute("message", problem.toString());
      xml.writeCharacters(problem.toString());
      xml.writeEndElement();
    }
    if (below.length() > 0) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(below.toString());
      xml.writeEndElement();
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void unreadable(XMLStreamWriter xml, Problem problem) throws XMLStreamException {
    String file = problem.source().file();
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", file);
    xml.writeAttribute("tests", "1");
    xml.writeAttribute("failures", "0");
    xml.writeAttribute("errors", "1");
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", "0");
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "ftpseq.input");
    xml.writeAttribute("name", file);
    xml.writeAttribute("time", "0");
    xml.writeCharacters("\n      ");
    xml.writeStartElement("error");
    xml.writeAttribute("type", "unreadable");
    xml.writeAttribute("message", problem.message());
    xml.writeCharacters(problem.toString());
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }
}
