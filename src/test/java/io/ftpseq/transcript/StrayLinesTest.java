package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A line that is not in the format being read is one problem that names the log it is not a line
 * of, in words that read right in each language whatever sound the name starts with: English said
 * {@code not a Apache FtpServer log line}, and the French put the English name where a French word
 * goes, and in Japanese the English name too: each language says the name in its own words.
 */
class StrayLinesTest {

  private static final String STRAY = "something else entirely";

  static Stream<Arguments> readers() {
    return Stream.of(
        Arguments.of(
            new ApacheFtpServerLog(),
            "Apache FtpServer log",
            "journal d’Apache FtpServer",
            "Apache FtpServer ログ"),
        Arguments.of(new FileZillaLog(), "FileZilla log", "journal de FileZilla", "FileZilla ログ"),
        Arguments.of(
            new FileZillaServerLog(),
            "FileZilla Server log",
            "journal de FileZilla Server",
            "FileZilla Server ログ"),
        Arguments.of(new FluentFtpLog(), "FluentFTP log", "journal de FluentFTP", "FluentFTP ログ"),
        Arguments.of(new ProftpdLog(), "ProFTPD log", "journal de ProFTPD", "ProFTPD ログ"),
        Arguments.of(new PureFtpdLog(), "Pure-FTPd log", "journal de Pure-FTPd", "Pure-FTPd ログ"),
        Arguments.of(new PyftpdlibLog(), "pyftpdlib log", "journal de pyftpdlib", "pyftpdlib ログ"),
        Arguments.of(new VsftpdLog(), "vsftpd log", "journal de vsftpd", "vsftpd ログ"),
        Arguments.of(new WinScpLog(), "WinSCP log", "journal de WinSCP", "WinSCP ログ"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("readers")
  void aStrayLineNamesTheLogInEveryLanguage(
      TranscriptFormat format, String name, String french, String japanese) {
    Phrase said = strayProblem(format).phrase();

    assertThat(said.english()).isEqualTo("not a line of the " + name + ": \"" + STRAY + "\"");
    assertThat(said.in(bundle(Locale.FRENCH), Locale.FRENCH))
        .isEqualTo("ce n’est pas une ligne de ce format (" + french + ")\u00a0: \"" + STRAY + "\"");
    assertThat(said.in(bundle(Locale.JAPANESE), Locale.JAPANESE))
        .isEqualTo(japanese + "の行ではありません：\"" + STRAY + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logFormats")
  void aLineOutsideAProftpdLogFormatNamesTheFormatInEveryLanguage(String logFormat) {
    Phrase said = strayProblem(new ProftpdLog(ProftpdLogFormat.compile(logFormat))).phrase();
    String quoted = "\"" + STRAY + "\"";

    assertThat(said.english())
        .isEqualTo("not a line of the ProFTPD log in the LogFormat " + logFormat + ": " + quoted);
    assertThat(said.in(bundle(Locale.FRENCH), Locale.FRENCH))
        .isEqualTo(
            "ce n’est pas une ligne du journal ProFTPD au LogFormat "
                + logFormat
                + "\u00a0: "
                + quoted);
    assertThat(said.in(bundle(Locale.JAPANESE), Locale.JAPANESE))
        .isEqualTo("LogFormat " + logFormat + " の ProFTPD ログの行ではありません：" + quoted);
  }

  static Stream<String> logFormats() {
    return Stream.of("%{epoch} %P %a \"%r\" %s", "%a %t \"%r\" %s %b");
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle("io.ftpseq.explain.Messages", locale);
  }

  /** The one problem the reader reports for a stray line. */
  private static Problem strayProblem(TranscriptFormat format) {
    List<Problem> problems = new ArrayList<>();
    TranscriptParser parser =
        format.parser(
            "log",
            new TranscriptSink() {
              @Override
              public void event(String session, SessionEvent event) {}

              @Override
              public void problem(String session, Problem problem) {
                problems.add(problem);
              }
            });
    parser.line(1, STRAY);
    parser.end(1);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).source().line()).isEqualTo(1);
    return problems.get(0);
  }
}
