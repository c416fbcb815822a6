package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules by which the syslog daemon's escapes are read back: only the line ends a client cannot
 * have typed in a command (at a message's end, or CR LF), only once the input has shown them, in
 * the style it showed (rsyslog's {@code #} and octal, its documented default {@code \\} and octal
 * as sysklogd writes, or C's escapes). A tab's escape is what a typed {@code #011} or {@code \t}
 * is, so it stays as written.
 */
class SyslogEscapesTest {

  /** Each message read in turn by one input's escapes, with Java's escapes made visible. */
  private static List<String> read(String... messages) {
    SyslogEscapes escapes = new SyslogEscapes();
    List<String> read = new ArrayList<>();
    for (String message : messages) {
      read.add(
          escapes.read(message).replace("\t", "<TAB>").replace("\r", "<CR>").replace("\n", "<LF>"));
    }
    return read;
  }

  @Test
  void escapesAreReadAsWrittenUntilTheInputShowsTheDaemonsEscaping() {
    assertThat(read("220 Hi#015 there", "211-Features:#015", "211 End#015"))
        .containsExactly("220 Hi#015 there", "211-Features:<CR>", "211 End<CR>");
  }

  @Test
  void whatAClientTypedStaysAsWrittenAfterTheInputShowedTheEscaping() {
    assertThat(read("211-Features:#015", "STOR a#011b", "RNFR #012.txt", "STOR tab#011in#012x"))
        .containsExactly(
            "211-Features:<CR>", "STOR a#011b", "RNFR #012.txt", "STOR tab#011in#012x");
    assertThat(read("211-Features:\\r", "CWD C:\\temp\\new", "STOR C:\\x1b\\f.txt"))
        .containsExactly("211-Features:<CR>", "CWD C:\\temp\\new", "STOR C:\\x1b\\f.txt");
    assertThat(read("211-Features:\\015", "STOR a\\011b"))
        .containsExactly("211-Features:<CR>", "STOR a\\011b");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "220-Hi#015#012220 there#015#012 | 220-Hi<CR><LF>220 there<CR><LF>",
        "211 End#012                     | 211 End<LF>",
        "tab#011in #015#012              | tab#011in <CR><LF>",
        "220-a\\015\\012220 b\\015         | 220-a<CR><LF>220 b<CR>",
        "tab\\011in \\015                | tab\\011in <CR>",
        "tab\\tin\\x1b \\r\\n            | tab\\tin\\x1b <CR><LF>",
        "C:\\temp\\new \\r               | C:\\temp\\new <CR>"
      })
  void aMessageWithAnEscapedLineEndIsReadInItsStyle(String message, String expected) {
    assertThat(read(message)).containsExactly(expected);
  }

  @Test
  void onlyTheStyleTheInputShowedIsReadBack() {
    assertThat(read("220 Hi#015", "211 End\\r\\n", "211 End#015#012"))
        .containsExactly("220 Hi<CR>", "211 End\\r\\n", "211 End<CR><LF>");
    assertThat(read("220 Hi\\r", "211 End#015#012", "211 End\\r\\n"))
        .containsExactly("220 Hi<CR>", "211 End#015#012", "211 End<CR><LF>");
  }

  /**
   * vsftpd, Pure-FTPd and ProFTPD read a command up to its LF and log each command they read,
   * pipelined or not, as a message of its own: a CR LF pair inside a message is a line end only
   * where a reply line follows it (a banner written in one write), else the client typed it.
   */
  @Test
  void aPairInsideAMessageIsALineEndOnlyBeforeAReplyLine() {
    assertThat(
            read(
                "211-Features:#015",
                "STOR a#015#012b.txt",
                "CWD x#015#012USER root",
                "257 \"/a#015#012b\" created",
                "220-Hi#015#012220-there#015#012220 end#015#012"))
        .containsExactly(
            "211-Features:<CR>",
            "STOR a#015#012b.txt",
            "CWD x#015#012USER root",
            "257 \"/a#015#012b\" created",
            "220-Hi<CR><LF>220-there<CR><LF>220 end<CR><LF>");
    assertThat(read("211 End\\r", "STOR C:\\r\\nb", "220-a\\r\\n220 b"))
        .containsExactly("211 End<CR>", "STOR C:\\r\\nb", "220-a<CR><LF>220 b");
    // a typed pair before any line end the daemon escaped teaches nothing
    assertThat(read("STOR a#015#012b", "STOR a#011b#015"))
        .containsExactly("STOR a#015#012b", "STOR a#011b<CR>");
  }

  @Test
  void escapesOfPrintableCharactersAndLoneLineEndsInsideAMessageShowNothing() {
    assertThat(read("STOR #101#012x", "STOR a#011b#015 ", "STOR #101#015"))
        .containsExactly("STOR #101#012x", "STOR a#011b#015 ", "STOR #101<CR>");
  }
}
