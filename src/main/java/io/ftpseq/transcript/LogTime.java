package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time stamps logs write, as ISO 8601 text: a zone or offset only when the log gives one, and
 * no year when the log gives none (syslog's {@code Nov 22 10:00:00} is {@code --11-22T10:00:00},
 * the month-day form of ISO 8601:2000). A time that cannot be read gives the empty text, the same
 * as no time, so a reader never stops on one.
 */
final class LogTime {

  private static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
  private static final Pattern CTIME =
      LinePatterns.compile("^\\w{3} (\\w{3}) ([ \\d]\\d) (\\d\\d:\\d\\d:\\d\\d) (\\d{4})$");
  private static final Pattern SYSLOG =
      LinePatterns.compile(
          "^(?:<\\d+>)?(?:(\\w{3}) ([ \\d]\\d) (\\d\\d:\\d\\d:\\d\\d)|(\\d{4}-\\S+)) ");
  private static final Pattern CLF =
      LinePatterns.compile(
          "^(\\d\\d)/(\\w{3})/(\\d{4}):(\\d\\d:\\d\\d:\\d\\d) ([+-]\\d\\d)(\\d\\d)$");
  private static final Pattern ISO = LinePatterns.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+$");
  private static final Pattern EPOCH = LinePatterns.compile("^\\d+(?:\\.\\d+)?$");

  private LogTime() {}

  /** C's {@code ctime} form, as vsftpd writes it: {@code Mon Nov 23 06:40:23 2026}. */
  static String ctime(String text) {
    Matcher m = CTIME.matcher(text);
    if (!m.matches() || month(m.group(1)).isEmpty()) {
      return "";
    }
    return m.group(4) + "-" + month(m.group(1)) + "-" + day(m.group(2)) + "T" + m.group(3);
  }

  /**
   * The time at the start of a syslog line: {@code Nov 22 10:00:00} (no year), or the ISO 8601 time
   * rsyslog writes in its high-precision format, kept as it is.
   */
  static String syslog(String line) {
    Matcher m = SYSLOG.matcher(line);
    if (!m.find()) {
      return "";
    }
    if (m.group(4) != null) {
      return m.group(4).contains("T") ? m.group(4) : "";
    }
    String month = month(m.group(1));
    return month.isEmpty() ? "" : "--" + month + "-" + day(m.group(2)) + "T" + m.group(3);
  }

  /** The common log format's time, as ProFTPD writes it: {@code 22/Nov/2026:10:00:00 +0000}. */
  static String commonLog(String text) {
    Matcher m = CLF.matcher(text);
    if (!m.matches() || month(m.group(2)).isEmpty()) {
      return "";
    }
    return m.group(3)
        + "-"
        + month(m.group(2))
        + "-"
        + m.group(1)
        + "T"
        + m.group(4)
        + m.group(5)
        + ":"
        + m.group(6);
  }

  /**
   * Seconds since 1970 in UTC, as Zeek writes them ({@code 1700000000.123456}); an ISO 8601 time,
   * as Zeek's JSON logs may hold instead, is kept as it is.
   */
  static String epochSeconds(String text) {
    if (ISO.matcher(text).matches()) {
      return text;
    }
    if (!EPOCH.matcher(text).matches()) {
      return ""; // unset, or masked as in Zeek's test baselines
    }
    try {
      BigDecimal seconds = new BigDecimal(text);
      long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole, nanos).toString();
    } catch (ArithmeticException | DateTimeException e) {
      return ""; // beyond the range of times
    }
  }

  /** The two-digit number of each month, by index: made once, as every time stamp needs one. */
  private static final List<String> MONTH_NUMBERS =
      List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12");

  private static String month(String name) {
    int index = MONTHS.indexOf(name);
    return index < 0 ? "" : MONTH_NUMBERS.get(index);
  }

  private static String day(String padded) {
    return padded.trim().length() == 1 ? "0" + padded.trim() : padded;
  }
}
