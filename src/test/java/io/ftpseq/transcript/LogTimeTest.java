package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The time stamps of each log, read as ISO 8601; unreadable ones give no time, not an error. */
class LogTimeTest {

  @Test
  void vsftpdCtimeHasNoZone() {
    assertThat(LogTime.ctime("Mon Nov 23 06:40:23 2026")).isEqualTo("2026-11-23T06:40:23");
    assertThat(LogTime.ctime("Sun Nov  2 06:40:23 2026")).isEqualTo("2026-11-02T06:40:23");
    assertThat(LogTime.ctime("Mon Foo 23 06:40:23 2026")).isEmpty();
  }

  @Test
  void syslogWithoutYearIsAMonthDayTime() {
    assertThat(LogTime.syslog("Nov  2 10:00:00 host pure-ftpd: x")).isEqualTo("--11-02T10:00:00");
    assertThat(LogTime.syslog("2026-11-22T10:00:00.123456+01:00 host vsftpd[1]: x"))
        .isEqualTo("2026-11-22T10:00:00.123456+01:00");
    assertThat(LogTime.syslog("no time here")).isEmpty();
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
    assertThat(LogTime.epochSeconds("1.")).isEmpty();
    assertThat(LogTime.epochSeconds(".5")).isEmpty();
    assertThat(LogTime.epochSeconds("17000000001700000000")).isEmpty(); // past the last Instant
    assertThat(LogTime.epochSeconds("999999999999999999")).isEmpty();
    assertThat(LogTime.epochSeconds("253402300800")).isEqualTo("+10000-01-01T00:00:00Z");
  }

  @Test
  void zeekEpochSecondsAreUtc() {
    assertThat(LogTime.epochSeconds("1700000000.123456")).isEqualTo("2023-11-14T22:13:20.123456Z");
    assertThat(LogTime.epochSeconds("1700000000")).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(LogTime.epochSeconds("2026-11-22T10:00:00Z")).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(LogTime.epochSeconds("2026-11-22T10:00:00.123456+01:00"))
        .isEqualTo("2026-11-22T10:00:00.123456+01:00");
    assertThat(LogTime.epochSeconds("2026-11-22Tgarbage")).isEmpty();
    assertThat(LogTime.epochSeconds("9999-99-99T99:99:99")).isEmpty();
    assertThat(LogTime.epochSeconds("XXXXXXXXXX.XXXXXX")).isEmpty();
    assertThat(LogTime.epochSeconds("99999999999999999999999")).isEmpty();
  }
}
