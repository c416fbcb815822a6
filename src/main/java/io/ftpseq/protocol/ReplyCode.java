package io.ftpseq.protocol;

import java.util.stream.IntStream;

/**
 * A three-digit FTP reply code, read digit by digit as RFC 959 §4.2.1 defines.
 *
 * @param value the code, from 100 to 699
 */
public record ReplyCode(int value) implements Comparable<ReplyCode> {

  // made once, not on every reply: values() copies its array
  private static final Category[] CATEGORIES = Category.values();
  private static final Function[] FUNCTIONS = Function.values();
  // every code parse can give, shared: a reply code is a value
  private static final ReplyCode[] PARSED =
      IntStream.rangeClosed(100, 699).mapToObj(ReplyCode::new).toArray(ReplyCode[]::new);

  /** The meaning of the first digit (RFC 959 §4.2.1, RFC 2228 §4 for 6yz). */
  public enum Category {
    /** 1yz: the action is being started; expect another reply. */
    POSITIVE_PRELIMINARY,
    /** 2yz: the action completed. */
    POSITIVE_COMPLETION,
    /** 3yz: accepted, but more information is needed. */
    POSITIVE_INTERMEDIATE,
    /** 4yz: not done, but may succeed if tried again. */
    TRANSIENT_NEGATIVE,
    /** 5yz: not done, and will not succeed as sent. */
    PERMANENT_NEGATIVE,
    /** 6yz: a protected reply (RFC 2228). */
    PROTECTED
  }

  /** The meaning of the second digit (RFC 959 §4.2.1). */
  public enum Function {
    /** x0z: syntax. */
    SYNTAX,
    /** x1z: information. */
    INFORMATION,
    /** x2z: connections. */
    CONNECTIONS,
    /** x3z: authentication and accounting. */
    AUTHENTICATION,
    /** x4z: unspecified. */
    UNSPECIFIED,
    /** x5z: file system. */
    FILE_SYSTEM,
    /** any other second digit. */
    OTHER
  }

  /** Validates the range. */
  public ReplyCode {
    if (value < 100 || value > 699) {
      throw new IllegalArgumentException(
          "a reply code is three digits from 100 to 699, not " + value);
    }
  }

  /**
   * Reads a reply code from three characters, or returns {@code null} when they are not a code of
   * three digits whose first digit is 1 to 6.
   */
  public static ReplyCode parse(CharSequence digits) {
    return digits.length() == 3 ? startOf(digits) : null;
  }

  /**
   * The code written by the first three characters of {@code line} ({@code "227 Entering..."} gives
   * 227), or null when they are not a code from 100 to 699; what follows them is not looked at.
   */
  public static ReplyCode startOf(CharSequence line) {
    if (line.length() < 3) {
      return null;
    }
    int value = 0;
    for (int i = 0; i < 3; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return value >= 100 && value <= 699 ? PARSED[value - 100] : null;
  }

  /** The class of reply, from the first digit. */
  public Category category() {
    return CATEGORIES[value / 100 - 1];
  }

  /** The function group, from the second digit. */
  public Function function() {
    int second = value / 10 % 10;
    return second < 6 ? FUNCTIONS[second] : Function.OTHER;
  }

  /** Whether more replies follow this one for the same command (1yz). */
  public boolean isPreliminary() {
    return value < 200;
  }

  /** Whether this code ends the command's exchange (anything but 1yz). */
  public boolean isFinal() {
    return !isPreliminary();
  }

  /**
   * Whether the server closes the control connection after this reply: 221, the answer to QUIT, and
   * 421, "Service not available, closing control connection", which may answer any command (RFC 959
   * §4.2, §5.4).
   */
  public boolean closesConnection() {
    return value == 221 || value == 421;
  }

  /** Whether the command was accepted, finished or not yet (1yz, 2yz, 3yz). */
  public boolean isPositive() {
    return value < 400;
  }

  @Override
  public int compareTo(ReplyCode other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
