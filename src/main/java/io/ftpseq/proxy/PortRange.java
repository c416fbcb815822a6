package io.ftpseq.proxy;

import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports the proxy listens on for data connections, as a firewall would open them, for example
 * {@code 50000-50100}.
 *
 * @param first the lowest port
 * @param last the highest port, at least {@code first}
 */
public record PortRange(int first, int last) {

  private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");

  /**
   * Validates the range: unprivileged ports only, the first not above the last.
   *
   * @throws BadValue naming the range when it is not valid
   */
  public PortRange {
    if (first < 1024 || last > 65535 || first > last) {
      throw new BadValue(Phrase.of("value.portRange.bounds", first + "-" + last));
    }
  }

  /**
   * Reads {@code MIN-MAX}.
   *
   * @throws BadValue naming the text when it is not a valid range
   */
  public static PortRange parse(String text) {
    Matcher m = RANGE.matcher(text.strip());
    if (!m.matches()) {
      throw new BadValue(Phrase.of("value.portRange.form", text));
    }
    return new PortRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** How many ports the range holds. */
  public int size() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
