package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The time stamps of each log, read as ISO 8601: none gives the empty text, one that cannot be read
 * {@code null}, for the reader to say so.
 */
class LogTimeTest {

  @Test
  void vsftpdCtimeHasNoZone() {
    assertThat(LogTime.ctime("Mon Nov 23 06:40:23 2026")).isEqualTo("2026-11-23T06:40:23");
    assertThat(LogTime.ctime("Sun Nov  2 06:40:23 2026")).isEqualTo("2026-11-02T06:40:23");
    assertThat(LogTime.ctime("Mon Foo 23 06:40:23 2026")).isNull();
  }

  @Test
  void syslogWithoutYearIsAMonthDayTime() {
    assertThat(LogTime.syslog("Nov  2 10:00:00 host pure-ftpd: x")).isEqualTo("--11-02T10:00:00");
    assertThat(LogTime.syslog("2026-11-22T10:00:00.123456+01:00 host vsftpd[1]: x"))
        .isEqualTo("2026-11-22T10:00:00.123456+01:00");
    assertThat(LogTime.syslog("no time here")).isEmpty();
    assertThat(LogTime.syslog("host vsftpd[1]: x")).isEmpty();
    assertThat(LogTime.syslog("Nov 22 10:00:00.123456 host x"))
        .isEqualTo("--11-22T10:00:00.123456");
    assertThat(LogTime.syslog("Foo 22 10:00:00 host x")).isNull();
    assertThat(LogTime.syslog("Nov 31 25:00:00 host x")).isNull();
    assertThat(LogTime.syslog("Dec 5 15:44:32 host x")).isEqualTo("--12-05T15:44:32");
    assertThat(LogTime.syslog("2013-11-16 21:59:30,121 host x"))
        .isEqualTo("2013-11-16T21:59:30.121");
    assertThat(LogTime.syslog("2013-11-16 25:59:30 host x")).isNull();
    assertThat(LogTime.syslog("2026/11/22 10:00:00 host x")).isNull();
    assertThat(LogTime.syslogStamp("2026/11/22 10:00:00 host x")).isEqualTo("2026/11/22 10:00:00");
    assertThat(LogTime.syslogStamp("M\u00e4r 22 10:00:00 host x"))
        .isEqualTo("M\u00e4r 22 10:00:00");
    assertThat(LogTime.syslog("M\u00e4r 22 10:00:00 host x")).isNull();
  }

  @Test
  void isoTimesAreKeptAsTheyAreWhenTheyAreTimes() {
    assertThat(LogTime.iso("")).isEmpty();
    assertThat(LogTime.iso("2026-11-22T10:00")).isEqualTo("2026-11-22T10:00");
    assertThat(LogTime.iso("2026-11-22T10:00:00,123")).isEqualTo("2026-11-22T10:00:00,123");
    assertThat(LogTime.iso("2026-11-22T10:00:00.5Z")).isEqualTo("2026-11-22T10:00:00.5Z");
    assertThat(LogTime.iso("2026-11-22T10:00:00+0100")).isEqualTo("2026-11-22T10:00:00+0100");
    assertThat(LogTime.iso("2026-11-22T10:00:00-01:00")).isEqualTo("2026-11-22T10:00:00-01:00");
    assertThat(LogTime.iso("2026-13-22T10:00:00")).isNull();
    assertThat(LogTime.iso("2026-11-22T24:00:00")).isNull();
    assertThat(LogTime.iso("2026-11-22T10:00:00.")).isNull();
    assertThat(LogTime.iso("2026-11-22T10:00:00Zx")).isNull();
    assertThat(LogTime.iso("22/11/2026T10:00:00Z")).isNull();
  }

  @Test
  void proftpdCommonLogTimeKeepsItsOffset() {
    assertThat(LogTime.commonLog("22/Nov/2026:10:00:00 +0100"))
        .isEqualTo("2026-11-22T10:00:00+01:00");
  }

  @Test
  void zeekEpochSecondsReadQuicklyAreWhatInstantWrites() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      long seconds =
          random.nextInt(4) == 0 ? random.nextInt(100) : random.nextLong(40_000_000_000L);
      StringBuilder text = new StringBuilder(Long.toString(seconds));
      int places = random.nextInt(13);
      if (places > 0) {
        text.append('.');
        for (int p = 0; p < places; p++) {
          // zeros often, so that fractions of whole milli- and microseconds come up
          text.append(random.nextBoolean() ? '0' : (char) ('0' + random.nextInt(10)));
        }
      }
      BigDecimal exact = new BigDecimal(text.toString());
      long nanos = exact.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
      assertThat(LogTime.epochSeconds(text.toString()))
          .as(text.toString())
          .isEqualTo(Instant.ofEpochSecond(seconds, nanos).toString());
    }
    assertThat(LogTime.epochSeconds("1.")).isNull();
    assertThat(LogTime.epochSeconds(".5")).isNull();
    assertThat(LogTime.epochSeconds("17000000001700000000")).isNull(); // past the last Instant
    assertThat(LogTime.epochSeconds("999999999999999999")).isNull();
    assertThat(LogTime.epochSeconds("253402300800")).isEqualTo("+10000-01-01T00:00:00Z");
  }

  @Test
  void zeekEpochSecondsAreUtc() {
    assertThat(LogTime.epochSeconds("1700000000.123456")).isEqualTo("2023-11-14T22:13:20.123456Z");
    assertThat(LogTime.epochSeconds("1700000000")).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(LogTime.epochSeconds("2026-11-22T10:00:00Z")).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(LogTime.epochSeconds("2026-11-22T10:00:00.123456+01:00"))
        .isEqualTo("2026-11-22T10:00:00.123456+01:00");
    assertThat(LogTime.epochSeconds("2026-11-22Tgarbage")).isNull();
    assertThat(LogTime.epochSeconds("9999-99-99T99:99:99")).isNull();
    assertThat(LogTime.epochSeconds("XXXXXXXXXX.XXXXXX")).isNull();
    assertThat(LogTime.epochSeconds("99999999999999999999999")).isNull();
  }

  @Test
  void theLastSyslogTimeKeptReadsAsEachLineAlone() {
    List<String> seeds = new ArrayList<>(LineMutations.linesOf(Path.of("samples/pure-ftpd")));
    seeds.addAll(
        List.of(
            "<13>Nov 22 10:00:00 host pure-ftpd: (?@h) [DEBUG] 220 with a priority",
            "Nov  2 10:00:00.123456 host x: a fraction",
            "Foo 22 10:00:00 host x: no month",
            "2013-11-16 21:59:30,121 host proftpd[1]: ProFTPD's own",
            "2026-11-22T10:00:00.5+01:00 host x: rsyslog's",
            "2026-11-22 host x: a date alone",
            "2026-11-22 10:00:0x host x: a time cut",
            "22.11.2026 10:00:00 host x: another form",
            "no time at all"));
    List<String> lines = LineMutations.of(seeds, "0123456789 :.,-<>TZNovDecx", 100_000);
    List<String> sorted = new ArrayList<>(lines);
    Collections.sort(sorted); // neighbours then share long starts, as lines of one second do
    for (List<String> order : List.of(lines, sorted)) {
      LogTime.LastSyslogTime times = new LogTime.LastSyslogTime();
      for (String line : order) {
        assertThat(times.of(line)).as(line).isEqualTo(LogTime.syslog(line));
      }
    }
  }
}
