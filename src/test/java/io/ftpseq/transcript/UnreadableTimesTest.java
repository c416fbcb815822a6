package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A time stamp a reader cannot read is said once per input, at its first line and quoting it, and
 * the others are counted at the end; the lines themselves are still read, without a time. Each row
 * is a reader's lines: any header, a good line, two lines whose times cannot be read (the first
 * quoted here) and a good line. Readers turned such times into no time without a word, so a report
 * lacked its times and never said why.
 */
class UnreadableTimesTest {

  private static final String VSFTPD = " [pid 1] FTP command: Client \"10.0.0.1\", \"";
  private static final String PURE = " host pure-ftpd: (?@127.0.0.1) [DEBUG] ";
  private static final String ZEEK =
      ",\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50003,"
          + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":21,\"command\":\"NOOP\",\"reply_code\":200,"
          + "\"reply_msg\":\"OK\"}";
  private static final String IIS_FIELDS =
      "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status"
          + " sc-win32-status sc-substatus x-session x-fullpath";
  private static final String IIS = " 10.0.0.1 - 10.0.0.2 21 NOOP - 200 0 0 s1 -";
  private static final String EVE =
      ",\"flow_id\":1,\"src_ip\":\"10.0.0.1\",\"src_port\":5,\"dest_ip\":\"10.0.0.2\","
          + "\"dest_port\":21,\"event_type\":\"ftp\",\"ftp\":{\"command\":\"NOOP\","
          + "\"completion_code\":[\"200\"],\"reply\":[\"OK\"]}}";
  private static final String CLF = "127.0.0.1 UNKNOWN - [";
  private static final String CLF_REST = "] \"NOOP\" 200 -";

  static Stream<Arguments> readers() {
    return Stream.of(
        row(
            "vsftpd",
            "Mon Foo 23 06:40:24 2026",
            "Mon Nov 23 06:40:23 2026" + VSFTPD + "NOOP\"",
            "Mon Foo 23 06:40:24 2026" + VSFTPD + "NOOP\"",
            "Mon Nov 23 25:40:24 2026" + VSFTPD + "NOOP\"",
            "Mon Nov 23 06:40:25 2026" + VSFTPD + "NOOP\""),
        row(
            "vsftpd",
            "2026/11/23 06:40:24",
            "Nov 23 06:40:23 host vsftpd[1]: FTP command: Client \"10.0.0.1\", \"NOOP\"",
            "2026/11/23 06:40:24 host vsftpd[1]: FTP command: Client \"10.0.0.1\", \"NOOP\"",
            "Foo 23 06:40:24 host vsftpd[1]: FTP command: Client \"10.0.0.1\", \"NOOP\"",
            "Nov 23 06:40:25 host vsftpd[1]: FTP command: Client \"10.0.0.1\", \"NOOP\""),
        row(
            "pure-ftpd",
            "Foo 22 10:00:01",
            "Nov 22 10:00:00" + PURE + "Command [noop] []",
            "Foo 22 10:00:01" + PURE + "Command [noop] []",
            "22.11.2026 10:00:01" + PURE + "Command [noop] []",
            "Nov 22 10:00:02" + PURE + "Command [noop] []"),
        row(
            "proftpd",
            "22/Foo/2026:10:00:01 +0000",
            CLF + "22/Nov/2026:10:00:00 +0000" + CLF_REST,
            CLF + "22/Foo/2026:10:00:01 +0000" + CLF_REST,
            CLF + "22/Nov/2026:99:00:01 +0000" + CLF_REST,
            CLF + "22/Nov/2026:10:00:02 +0000" + CLF_REST),
        row(
            "zeek",
            "XXXXXXXXXX.XXXXXX",
            "{\"ts\":1700000000.1" + ZEEK,
            "{\"ts\":\"XXXXXXXXXX.XXXXXX\"" + ZEEK,
            "{\"ts\":\"2026-11-22Tgarbage\"" + ZEEK,
            "{\"ts\":1700000000.2" + ZEEK),
        row(
            "iis",
            "22/11/2026 10:00:01",
            IIS_FIELDS,
            "2026-11-22 10:00:00" + IIS,
            "22/11/2026 10:00:01" + IIS,
            "2026-13-22 10:00:01" + IIS,
            "2026-11-22 10:00:02" + IIS),
        row(
            "suricata",
            "yesterday",
            "{\"timestamp\":\"2026-11-23T08:50:00.000000+0000\"" + EVE,
            "{\"timestamp\":\"yesterday\"" + EVE,
            "{\"timestamp\":\"2026-11-23T08:61:00.000000+0000\"" + EVE,
            "{\"timestamp\":\"2026-11-23T08:50:02.000000+0000\"" + EVE),
        row(
            "filezilla-server",
            "2025-08-25T00:1x:13.046Z",
            "2025-08-25T00:15:13.045Z >> [FTP Session 6 10.0.0.1] NOOP",
            "2025-08-25T00:1x:13.046Z >> [FTP Session 6 10.0.0.1] NOOP",
            "2025-08-25T24:15:13.047Z >> [FTP Session 6 10.0.0.1] NOOP",
            "2025-08-25T00:15:13.048Z >> [FTP Session 6 10.0.0.1] NOOP"),
        row(
            "filezilla-server",
            "11/32/2026 9:40:24 AM",
            "(000001)11/23/2026 9:40:23 AM - alice (127.0.0.1)> NOOP",
            "(000001)11/32/2026 9:40:24 AM - alice (127.0.0.1)> NOOP",
            "(000001)13/13/2026 9:40:24 AM - alice (127.0.0.1)> NOOP",
            "(000001)11/23/2026 9:40:25 AM - alice (127.0.0.1)> NOOP"));
  }

  /**
   * A reader's lines: any header, then a good line, two with times that cannot be read and a good
   * one.
   *
   * @param unreadable the first unreadable time, as the problem quotes it
   */
  private static Arguments row(String format, String unreadable, String... lines) {
    return Arguments.of(format, unreadable, List.of(lines));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("readers")
  void unreadableTimeIsSaidOnceAndTheOthersCounted(
      String format, String unreadable, List<String> lines) throws IOException {
    for (int threads : new int[] {0, 2}) {
      InputSummary summary = check(format, lines, threads);
      long first = lines.size() - 2L; // the line's number, 1-based
      assertThat(summary.inputProblems())
          .as("with %d threads", threads)
          .filteredOn(p -> p.message().contains(" time"))
          .satisfiesExactly(
              p -> {
                assertThat(p.source().line()).isEqualTo(first);
                assertThat(p.message()).contains(Problem.quote(unreadable));
              },
              p -> assertThat(p.message()).contains("1 more line", "after line " + first));
      assertThat(summary.problems()).as("lines read, not problems").isZero();
    }
  }

  private static InputSummary check(String format, List<String> lines, int threads)
      throws IOException {
    byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return new TranscriptChecker(ServerProfiles.RFC, TranscriptFormats.named(format).orElseThrow())
        .judgingSessionsOn(threads)
        .check("log", new ByteArrayInputStream(input))
        .summary();
  }
}
