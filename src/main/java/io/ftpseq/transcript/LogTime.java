package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time stamps logs write, as ISO 8601 text: a zone or offset only when the log gives one, and
 * no year when the log gives none (syslog's {@code Nov 22 10:00:00} is {@code --11-22T10:00:00},
 * the month-day form of ISO 8601:2000). A line that gives no time gives the empty text; a time that
 * cannot be read (a month no log writes, hour 25, text where digits belong) gives {@code null}, so
 * that the reader says so ({@link TranscriptSink#unreadableTime}) and reads the line without one.
 */
final class LogTime {

  private static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
  private static final Pattern CTIME =
      LinePatterns.compile("^\\w{3} (\\w{3}) ([ \\d]\\d) (\\d\\d:\\d\\d:\\d\\d) (\\d{4})$");
  private static final Pattern SYSLOG =
      LinePatterns.compile(
          "^(?:<\\d+>)?(?:(\\w{3}) +(\\d{1,2}) (\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?)"
              + "|(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?)|(\\d{4}-\\S+)) ");

  /**
   * The start of a syslog line whose time is in no form {@link #SYSLOG} reads: a word and a day
   * before a time of day ({@code Mär 22 10:00:00}), or digits ({@code 22.11.2026 10:00:00}).
   */
  private static final Pattern OTHER_STAMP =
      LinePatterns.compile("^(?:<\\d+>)?((?:\\S+ +\\d{1,2} +\\d|\\d)\\S*(?: \\S*\\d\\S*)?) ");

  private static final Pattern CLF =
      LinePatterns.compile(
          "^(\\d\\d)/(\\w{3})/(\\d{4}):(\\d\\d:\\d\\d:\\d\\d) ([+-]\\d\\d)(\\d\\d)$");
  private static final Pattern ISO = LinePatterns.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+$");
  private static final Pattern EPOCH = LinePatterns.compile("^\\d+(?:\\.\\d+)?$");

  private LogTime() {}

  /**
   * C's {@code ctime} form, as vsftpd writes it: {@code Mon Nov 23 06:40:23 2026}; {@code null}
   * when the text cannot be read so.
   */
  static String ctime(String text) {
    Matcher m = CTIME.matcher(text);
    if (!m.matches() || month(m.group(1)).isEmpty() || !isDayAndClock(m.group(2), m.group(3))) {
      return null;
    }
    return m.group(4) + "-" + month(m.group(1)) + "-" + day(m.group(2)) + "T" + m.group(3);
  }

  /**
   * The time at the start of a syslog line: {@code Nov 22 10:00:00} (no year), the ISO 8601 time
   * rsyslog writes in its high-precision format, kept as it is, or a date and a time as ProFTPD's
   * own SystemLog writes them ({@code 2013-11-16 21:59:30,121}). The empty text when the line
   * starts with no time (a journal shown without one); {@code null} when it starts with one that
   * cannot be read ({@link #syslogStamp} gives its text).
   */
  static String syslog(String line) {
    Matcher m = SYSLOG.matcher(line);
    return m.find() ? syslog(m) : OTHER_STAMP.matcher(line).find() ? null : "";
  }

  /** The time {@link #SYSLOG} found at the start of a line. */
  private static String syslog(Matcher m) {
    if (m.group(4) != null) {
      return iso(m.group(4) + "T" + m.group(5).replace(',', '.'));
    } else if (m.group(6) != null) {
      return m.group(6).contains("T") ? iso(m.group(6)) : null;
    }
    String month = month(m.group(1));
    return month.isEmpty() || !isDayAndClock(m.group(2), m.group(3))
        ? null
        : "--" + month + "-" + day(m.group(2)) + "T" + m.group(3);
  }

  /**
   * The times at the start of syslog lines ({@link #syslog}), read again only for a line whose
   * stamp is not the last one's: the lines of one second share it, and reading it is a pattern
   * match and a concatenation that most lines then need not repeat. One per reader of an input,
   * used from one thread at a time.
   */
  static final class LastSyslogTime {
    /** The last line read whose stamp is kept, and the length of that stamp with its space. */
    private String line;

    private int stampEnd;
    private String time;

    /** What {@link LogTime#syslog} gives for the line. */
    String of(String text) {
      if (line != null && text.regionMatches(0, line, 0, stampEnd)) {
        return time;
      }
      Matcher m = SYSLOG.matcher(text);
      if (!m.find()) {
        line = null;
        return OTHER_STAMP.matcher(text).find() ? null : "";
      }
      time = syslog(m);
      // A stamp of month and day, or of date and time, is read from its own characters alone, so
      // a line that starts with the same ones reads the same. A stamp of the last form is kept
      // out: the date-and-time form, tried before it, may have failed on characters after it.
      line = m.group(6) == null ? text : null;
      stampEnd = m.end();
      return time;
    }
  }

  /** The time a syslog line starts with, as it is written, for a problem that quotes it. */
  static String syslogStamp(String line) {
    Matcher m = SYSLOG.matcher(line);
    if (m.find() && (m.group(6) == null || m.group(6).contains("T"))) {
      return m.group(4) != null
          ? m.group(4) + " " + m.group(5)
          : m.group(6) != null ? m.group(6) : m.group(1) + " " + m.group(2) + " " + m.group(3);
    }
    Matcher other = OTHER_STAMP.matcher(line);
    return other.find() ? other.group(1) : "";
  }

  /**
   * The common log format's time, as ProFTPD writes it: {@code 22/Nov/2026:10:00:00 +0000}; {@code
   * null} when the text cannot be read so.
   */
  static String commonLog(String text) {
    Matcher m = CLF.matcher(text);
    if (!m.matches() || month(m.group(2)).isEmpty() || !isDayAndClock(m.group(1), m.group(4))) {
      return null;
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
   * as Zeek's JSON logs may hold instead, is kept as it is. The empty text for no time; {@code
   * null} for text that cannot be read as one (masked as in Zeek's test baselines, out of range).
   */
  static String epochSeconds(String text) {
    if (text.isEmpty()) {
      return "";
    }
    String plain = plainEpochSeconds(text);
    if (plain != null) {
      return plain;
    }
    if (ISO.matcher(text).matches()) {
      try {
        DateTimeFormatter.ISO_DATE_TIME.parse(text);
        return text;
      } catch (DateTimeParseException e) {
        return null; // shaped like a time, but none: 2026-11-22Tgarbage, month 99
      }
    }
    if (!EPOCH.matcher(text).matches()) {
      return null; // masked as in Zeek's test baselines, or no number
    }
    try {
      BigDecimal seconds = new BigDecimal(text);
      long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole, nanos).toString();
    } catch (ArithmeticException | DateTimeException e) {
      return null; // beyond the range of times
    }
  }

  /**
   * The second last written by {@link #plainEpochSeconds}, as {@link Instant#toString} gives it.
   */
  private static final class Second {
    final long seconds;
    final String text;
    // the text without its Z, as the bytes a time with a fraction starts with
    final byte[] whole;

    Second(long seconds, String text) {
      this.seconds = seconds;
      this.text = text;
      this.whole = text.substring(0, text.length() - 1).getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  // rows of a log come many to a second: each second is formatted once (final fields, safely
  // shared)
  private static volatile Second lastSecond = new Second(0, Instant.EPOCH.toString());

  /**
   * The common form of seconds since 1970, digits with an optional fraction and a whole part that
   * fits a long, read without regular expressions or {@link BigDecimal}, as {@link
   * Instant#toString} writes it (the fraction in groups of three digits, as many as it needs). Null
   * for any other text, which the general path reads.
   */
  private static String plainEpochSeconds(String text) {
    int length = text.length();
    int dot = text.indexOf('.');
    int wholeDigits = dot < 0 ? length : dot;
    if (wholeDigits == 0 || wholeDigits > 18 || dot == length - 1) {
      return null;
    }
    long seconds = 0;
    for (int i = 0; i < wholeDigits; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return null;
      }
      seconds = seconds * 10 + digit;
    }
    long nanos = 0;
    for (int i = wholeDigits + 1, place = 1; i < length; i++, place++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return null;
      }
      if (place <= 9) {
        nanos = nanos * 10 + digit; // digits past the ninth are cut off, as nanoseconds are
      }
    }
    for (int place = Math.max(length - wholeDigits - 1, 0); place < 9; place++) {
      nanos *= 10;
    }
    Second second = lastSecond;
    if (second.seconds != seconds) {
      try {
        second = new Second(seconds, Instant.ofEpochSecond(seconds).toString());
      } catch (DateTimeException e) {
        return null; // beyond the range of times
      }
      lastSecond = second;
    }
    if (nanos == 0) {
      return second.text;
    }
    int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    long fraction = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
    // the second's text without its Z, a dot, the fraction's digits and a Z, written in one array:
    // a Zeek log has a new fraction on every row, and concatenation took a tenth of its reading
    byte[] whole = second.whole;
    byte[] time = Arrays.copyOf(whole, whole.length + 1 + digits + 1);
    time[whole.length] = '.';
    for (int at = whole.length + digits; at > whole.length; at--, fraction /= 10) {
      time[at] = (byte) ('0' + fraction % 10);
    }
    time[time.length - 1] = 'Z';
    return new String(time, StandardCharsets.ISO_8859_1);
  }

  /**
   * A time of day alone, as a layout that writes no date gives it ({@code 15:33:04} or {@code
   * 15:33:04.734}), as ISO 8601 writes a time without a date: after its {@code T}, {@code
   * T15:33:04.734}; {@code null} for text that is not such a time ({@code 25:00:00}).
   */
  static String timeOfDay(String text) {
    int n = text.length();
    if (n < 8
        || !isNumber(text, 0, 2, 0, 23)
        || text.charAt(2) != ':'
        || !isNumber(text, 3, 2, 0, 59)
        || text.charAt(5) != ':'
        || !isNumber(text, 6, 2, 0, 60)) {
      return null;
    }
    if (n > 8 && (text.charAt(8) != '.' || n == 9)) {
      return null;
    }
    for (int i = 9; i < n; i++) {
      if (!isDigit(text.charAt(i))) {
        return null;
      }
    }
    return "T" + text;
  }

  /**
   * An ISO 8601 date and time as logs write them, kept as it is: {@code 2026-11-22T10:00:00}, with
   * seconds and a fraction of them (after a dot or a comma) or not, and a {@code Z} or an offset
   * ({@code +01}, {@code +0100}, {@code +01:00}) or not. The empty text for no time; {@code null}
   * for text that is not such a time ({@code 2026-13-22T10:00:00}, {@code 22/11/2026T10:00}). Read
   * by looking at its characters, as some logs give a new time on every line.
   */
  static String iso(String text) {
    if (text.isEmpty()) {
      return "";
    }
    return isIsoDateTime(text) ? text : null;
  }

  private static boolean isIsoDateTime(String t) {
    int n = t.length();
    if (n < 16
        || !isNumber(t, 0, 4, 0, 9999)
        || t.charAt(4) != '-'
        || !isNumber(t, 5, 2, 1, 12)
        || t.charAt(7) != '-'
        || !isNumber(t, 8, 2, 1, 31)
        || t.charAt(10) != 'T'
        || !isNumber(t, 11, 2, 0, 23)
        || t.charAt(13) != ':'
        || !isNumber(t, 14, 2, 0, 59)) {
      return false;
    }
    int at = 16;
    if (at < n && t.charAt(at) == ':') {
      if (!isNumber(t, at + 1, 2, 0, 60)) {
        return false;
      }
      at += 3;
      if (at < n && (t.charAt(at) == '.' || t.charAt(at) == ',')) {
        int start = ++at;
        while (at < n && isDigit(t.charAt(at))) {
          at++;
        }
        if (at == start) {
          return false;
        }
      }
    }
    if (at == n) {
      return true;
    }
    char zone = t.charAt(at);
    if (zone == 'Z') {
      return at + 1 == n;
    }
    int rest = n - at - 1;
    return (zone == '+' || zone == '-')
        && isNumber(t, at + 1, 2, 0, 23)
        && (rest == 2
            || (rest == 4 && isNumber(t, at + 3, 2, 0, 59))
            || (rest == 5 && t.charAt(at + 3) == ':' && isNumber(t, at + 4, 2, 0, 59)));
  }

  /** Whether a day of the month ({@code 2}, {@code 2}, {@code 02}) and {@code hh:mm:ss} can be. */
  private static boolean isDayAndClock(String day, String clock) {
    String d = day.trim();
    return isNumber(d, 0, d.length(), 1, 31)
        && isNumber(clock, 0, 2, 0, 23)
        && isNumber(clock, 3, 2, 0, 59)
        && isNumber(clock, 6, 2, 0, 60);
  }

  /** Whether the {@code digits} characters at {@code from} are digits of a number in the range. */
  private static boolean isNumber(String text, int from, int digits, int min, int max) {
    if (digits == 0 || from + digits > text.length()) {
      return false;
    }
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value >= min && value <= max;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
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
