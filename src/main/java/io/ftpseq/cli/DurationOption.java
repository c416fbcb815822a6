package io.ftpseq.cli;

import io.ftpseq.session.Phrase;
import io.ftpseq.usage.RefusedValue;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads a duration as people write it: {@code 500ms}, {@code 30s} (or {@code 30}), {@code 5m},
 * {@code 1h}, up to {@link #LONGEST}.
 */
final class DurationOption implements ITypeConverter<Duration> {

  /**
   * The longest duration taken: socket timeouts are whole milliseconds in an {@code int}, about 596
   * hours, and a longer one would wrap round to a negative or short timeout.
   */
  static final Duration LONGEST = Duration.ofHours(596);

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Matcher m = DURATION.matcher(value.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new RefusedValue(Phrase.of("usage.duration", value));
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration duration =
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
    if (duration.compareTo(LONGEST) > 0) {
      throw new RefusedValue(Phrase.of("usage.duration.tooLong", value, LONGEST.toHours()));
    }
    return duration;
  }
}
