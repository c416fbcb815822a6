package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules by which the syslog daemon's escapes are read back: only once the input has shown them
 * by an escaped line end, in the style it showed (rsyslog's {@code #} and octal, sysklogd's {@code
 * \} and octal, or C's escapes).
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
    assertThat(read("STOR a#011b", "211-Features:#015", "STOR a#011b"))
        .containsExactly("STOR a#011b", "211-Features:<CR>", "STOR a<TAB>b");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "220-Hi#015#012220 there#015#012 | 220-Hi<CR><LF>220 there<CR><LF>",
        "211 End#012                     | 211 End<LF>",
        "tab#011in #015#012              | tab<TAB>in <CR><LF>",
        "tab\\011in \\015                | tab<TAB>in <CR>",
        "tab\\tin\\x1b \\r\\n            | tab<TAB>in\u001b <CR><LF>",
        "C:\\temp\\new \\r               | C:<TAB>emp<LF>ew <CR>"
      })
  void aMessageWithAnEscapedLineEndIsReadInItsStyle(String message, String expected) {
    assertThat(read(message)).containsExactly(expected);
  }

  @Test
  void onlyTheStyleTheInputShowedIsReadBack() {
    assertThat(read("220 Hi#015", "CWD C:\\temp", "STOR a#011b"))
        .containsExactly("220 Hi<CR>", "CWD C:\\temp", "STOR a<TAB>b");
    assertThat(read("220 Hi\\r", "STOR a#011b", "CWD C:\\temp"))
        .containsExactly("220 Hi<CR>", "STOR a#011b", "CWD C:<TAB>emp");
  }

  @Test
  void escapesOfPrintableCharactersAndLineEndsInsideAMessageShowNothing() {
    assertThat(read("STOR #101#012x", "STOR a#011b#015 ", "STOR #101#015"))
        .containsExactly("STOR #101#012x", "STOR a#011b#015 ", "STOR #101<CR>");
  }
}
