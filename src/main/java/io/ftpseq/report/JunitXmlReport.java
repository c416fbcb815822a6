package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Phrase;
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
 * an {@code <error>} per line that could not be read; an input that could not be read is a
 * testsuite with an {@code <error>}, an input with notes (the lines of other programs passed over
 * in a shared syslog file) a testsuite whose testcase has them in its {@code <system-out>}, and one
 * left out on purpose a testsuite whose testcase is {@code <skipped>}, with why. Findings below the
 * level are listed in the testcase's {@code <system-out>}.
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
  public void write(CheckRun run, Writer to) throws IOException {
    Writer out = EscapingWriter.of(to);
    // the inputs with something to say as a whole: problems (an unreadable input) or notes
    List<InputSummary> wholeInputs =
        run.inputs().stream()
            .filter(i -> !i.inputProblems().isEmpty() || !i.notes().isEmpty())
            .toList();
    long inputErrors = wholeInputs.stream().mapToLong(InputSummary::inputProblemCount).sum();
    // a first pass counts, as the root and each suite carry their counts before their testcases
    Counts all = new Counts();
    Map<String, Counts> suites = new LinkedHashMap<>();
    for (SessionCheck session : run.sessions()) {
      all.add(session);
      suites.computeIfAbsent(session.source(), f -> new Counts()).add(session);
    }
    try {
      // the JDK's own writer, whatever else is on the class path: another StAX implementation
      // found by the service loader (Hadoop brings one) may refuse or cut a control character
      // before the escaping writer below sees it
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      attribute(xml, "name", "ftpseq");
      attribute(xml, "tests", Long.toString(all.tests + wholeInputs.size() + run.leftOutCount()));
      attribute(xml, "failures", Long.toString(all.failures));
      attribute(xml, "errors", Long.toString(all.errors + inputErrors));
      xml.writeCharacters("\n");
      writeSuites(xml, run, suites);
      for (InputSummary input : wholeInputs) {
        wholeInput(xml, input);
      }
      for (CheckRun.LeftOut input : run.leftOut()) {
        leftOut(xml, input);
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      out.flush();
    } catch (XMLStreamException e) {
      // the writer's own failure (a full disk) is said as any report's; the XML writer's otherwise
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new ReportFault(
          Phrase.of("report.junit.cannotWrite", String.valueOf(e.getMessage())), e);
    }
  }

  /**
   * A testsuite per input file, written session by session: the sessions of a file come one after
   * another, so no file's sessions are held at once.
   */
  private void writeSuites(XMLStreamWriter xml, CheckRun run, Map<String, Counts> suites)
      throws XMLStreamException {
    String file = null;
    for (SessionCheck session : run.sessions()) {
      if (!session.source().equals(file)) {
        if (file != null) {
          endSuite(xml);
        }
        file = session.source();
        startSuite(xml, file, suites.get(file));
      }
      testcase(xml, file, session);
    }
    if (file != null) {
      endSuite(xml);
    }
  }

  /**
   * What a testsuite counts: a test per session, a failure per failing finding, an error per
   * problem.
   */
  private final class Counts {
    long tests;
    long failures;
    long errors;

    void add(SessionCheck session) {
      tests++;
      for (Severity severity : Severity.values()) {
        if (failureLevel != null && severity.atLeast(failureLevel)) {
          failures += session.count(severity);
        }
      }
      errors += session.problemCount();
    }
  }

  private boolean isFailure(Finding finding) {
    return failureLevel != null && finding.severity().atLeast(failureLevel);
  }

  private static void startSuite(XMLStreamWriter xml, String file, Counts counts)
      throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", file);
    attribute(xml, "tests", Long.toString(counts.tests));
    attribute(xml, "failures", Long.toString(counts.failures));
    attribute(xml, "errors", Long.toString(counts.errors));
    attribute(xml, "skipped", "0");
    attribute(xml, "time", "0");
    xml.writeCharacters("\n");
  }

  private static void endSuite(XMLStreamWriter xml) throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private void testcase(XMLStreamWriter xml, String file, SessionCheck session)
      throws XMLStreamException {
    xml.writeCharacters("    ");
    xml.writeStartElement("testcase");
    attribute(xml, "classname", "ftpseq." + session.format());
    attribute(xml, "name", session.session().isEmpty() ? file : file + " " + session.session());
    attribute(xml, "file", file);
    attribute(xml, "time", "0");
    StringBuilder below = new StringBuilder();
    for (Finding finding : session.findings()) {
      String line =
          UnsafeCharacters.oneLine(
              finding.source() + ": " + explainer.message(finding, session.profile()));
      if (!isFailure(finding)) {
        below.append(finding.severity().name()).append(' ').append(finding.rule().name());
        below.append(": ").append(line).append('\n');
        continue;
      }
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      attribute(xml, "type", finding.rule().name());
      attribute(xml, "message", finding.rule().name() + ": " + line);
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
      attribute(xml, "type", "problem");
      String said = UnsafeCharacters.oneLine(problem.source() + ": " + explainer.problem(problem));
      attribute(xml, "message", said);
      xml.writeCharacters(said);
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

  /**
   * A testsuite for an input left out on purpose (a FIFO in a checked directory, a file named
   * twice): one testcase, skipped, with why, so that a CI page shows what the run did not check.
   */
  private void leftOut(XMLStreamWriter xml, CheckRun.LeftOut input) throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", input.input());
    attribute(xml, "tests", "1");
    attribute(xml, "failures", "0");
    attribute(xml, "errors", "0");
    attribute(xml, "skipped", "1");
    attribute(xml, "time", "0");
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    attribute(xml, "classname", "ftpseq.input");
    attribute(xml, "name", input.input());
    attribute(xml, "time", "0");
    xml.writeCharacters("\n      ");
    xml.writeStartElement("skipped");
    attribute(xml, "type", "left-out");
    attribute(xml, "message", explainer.text("report.leftOut", explainer.say(input.why())));
    xml.writeCharacters(
        UnsafeCharacters.oneLine(
            input.input() + ": " + explainer.text("report.leftOut", explainer.say(input.why()))));
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  /**
   * A testsuite for an input as a whole: one testcase, with an error per problem of the input and
   * its notes (the lines of other programs passed over in a shared syslog file) in its {@code
   * <system-out>}, which Jenkins and GitLab show with the testcase.
   */
  private void wholeInput(XMLStreamWriter xml, InputSummary input) throws XMLStreamException {
    String file = input.source();
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", file);
    attribute(xml, "tests", "1");
    attribute(xml, "failures", "0");
    attribute(xml, "errors", Long.toString(input.inputProblemCount()));
    attribute(xml, "skipped", "0");
    attribute(xml, "time", "0");
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    attribute(xml, "classname", "ftpseq.input");
    attribute(xml, "name", file);
    attribute(xml, "time", "0");
    for (Problem problem : input.inputProblems()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("error");
      attribute(xml, "type", "unreadable");
      attribute(xml, "message", explainer.problem(problem));
      xml.writeCharacters(
          UnsafeCharacters.oneLine(problem.source() + ": " + explainer.problem(problem)));
      xml.writeEndElement();
    }
    if (!input.notes().isEmpty()) {
      StringBuilder notes = new StringBuilder();
      for (Phrase note : input.notes()) {
        notes.append(
            UnsafeCharacters.oneLine(
                explainer.text("report.inputNote", file, explainer.say(note))));
        notes.append('\n');
      }
      xml.writeCharacters("\n      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(notes.toString());
      xml.writeEndElement();
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  /**
   * Writes an attribute, a value on one line: a line feed or tab in it (a file's name) is shown as
   * its escape ({@link UnsafeCharacters#oneLine}), where an XML reader would read a space.
   */
  private static void attribute(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeAttribute(name, UnsafeCharacters.oneLine(value));
  }
}
