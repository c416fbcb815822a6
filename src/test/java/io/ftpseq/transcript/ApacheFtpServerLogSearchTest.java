package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.PieceLines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Apache FtpServer's reader tries each pattern only where a match can start: it finds what {@code
 * find()} finds, the same match and groups, in lines made of the pieces its records are made of.
 */
class ApacheFtpServerLogSearchTest {

  private static final String[] PIECES = {
    "[",
    "]",
    " ",
    ":",
    ".",
    "-",
    ",",
    "_",
    "x",
    "0",
    "42",
    "1234567",
    "\t",
    "\r",
    "\u00e9",
    "\u0661",
    "127.0.0.1",
    "10.0.0.255",
    "1.2.3.4.5",
    "::1",
    "fe80::1",
    "[::ffff:10.0.0.1]",
    ":49234",
    "82cd5012-c351-43ea-a1d1-dca40636cfdd",
    "82CD5012-C351-43EA-A1D1-DCA40636CFDD",
    "2026-11-28",
    "21:00:54",
    "21:00",
    ",028",
    ".123456789",
    "T",
    "Z",
    "+01:00",
    "-0500",
    "INFO",
    "WARN",
    "WARNING",
    "DEBUG",
    "ERROR",
    "FATAL",
    "TRACE",
    "Info",
    "CLOSED",
    "OPENED",
    "RECEIVED: ",
    "SENT: ",
    "EXCEPTION :",
    "FOO_BAR: ",
    "ABC: ",
    "org.apache.",
    "org.apache",
    "FtpLoggingFilter - ",
  };

  @ParameterizedTest
  @EnumSource(ApacheFtpServerLog.Search.class)
  void findsWhatFindFinds(ApacheFtpServerLog.Search search) {
    int found = 0;
    for (String text :
        (Iterable<String>)
            PieceLines.of(PIECES, 20261201L + search.ordinal(), 100_000, 10)::iterator) {
      Matcher expected = search.pattern.matcher(text);
      List<String> want = expected.find() ? groups(expected) : List.of();
      Matcher m = search.in(text);
      assertThat(m == null ? List.of() : groups(m)).as(text).isEqualTo(want);
      found += want.isEmpty() ? 0 : 1;
    }
    assertThat(found).as("lines with a match").isGreaterThan(500);
  }

  /** Every group of the match, with where it starts. */
  private static List<String> groups(Matcher m) {
    List<String> groups = new ArrayList<>();
    for (int group = 0; group <= m.groupCount(); group++) {
      groups.add(m.start(group) + ":" + m.group(group));
    }
    return groups;
  }
}
