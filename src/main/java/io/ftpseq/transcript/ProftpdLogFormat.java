package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ProFTPD {@code LogFormat} string compiled into a pattern for the ExtendedLog lines it writes,
 * for example {@code [%t] %P %a "%r" %s "%S"}. Each variable matches what mod_log prints for it;
 * the ones that matter here are kept: the time ({@code %t}, {@code %{epoch}}, {@code %{iso8601}}),
 * the session ({@code %P}, {@code %{UNIQUE_ID}e}), the client ({@code %a}, {@code %h}), the command
 * ({@code %r}, or {@code %m} and {@code %J}), the reply code ({@code %s}) and its text ({@code
 * %S}). A format without {@code %r} or {@code %m} names no command and is refused.
 *
 * @param format the LogFormat string, as written in proftpd.conf between the quotes
 * @param pattern the pattern its lines match
 * @param groups the pattern's group of each part that is kept
 */
public record ProftpdLogFormat(String format, Pattern pattern, Map<Part, Integer> groups) {

  /** The parts of a line that the reader uses. */
  public enum Part {
    CLF_TIME,
    EPOCH,
    ISO_TIME,
    PID,
    UNIQUE_ID,
    CLIENT,
    HOST,
    COMMAND,
    VERB,
    ARGUMENTS,
    CODE,
    TEXT
  }

  private static final Pattern VARIABLE = LinePatterns.compile("%(?:\\{([^}]*)\\}([a-zA-Z]?)|(.))");

  /**
   * The LogFormats read without {@code --log-format}: the one of ProFTPD's sample configuration
   * (virtual host, pid), pid with the reply text, and epoch seconds with the transfer time. The
   * default format, {@code %h %l %u %t "%r" %s %b}, is read by {@link ProftpdLog} itself.
   */
  public static final List<ProftpdLogFormat> COMMON =
      List.of(
          compile("%v [%P] %h %t \"%r\" %s"),
          compile("[%t] %P %a \"%r\" %s \"%S\""),
          compile("%t %P %a \"%r\" %s \"%S\""),
          compile("%{epoch} %P %a %u \"%m\" \"%J\" %s %T"),
          compile("%{epoch} %P %a %u \"%r\" %s %T"));

  /** Validates the parts. */
  public ProftpdLogFormat {
    groups = Map.copyOf(groups);
  }

  /**
   * Compiles a LogFormat string.
   *
   * @throws IllegalArgumentException when it names no command ({@code %r} or {@code %m}) or ends in
   *     a lone {@code %}
   */
  public static ProftpdLogFormat compile(String format) {
    StringBuilder regex = new StringBuilder("^");
    Map<Part, Integer> groups = new EnumMap<>(Part.class);
    Matcher m = VARIABLE.matcher(format);
    int at = 0;
    int group = 0;
    while (m.find()) {
      regex.append(quote(format.substring(at, m.start())));
      at = m.end();
      if ("%".equals(m.group(3))) {
        regex.append('%');
        continue;
      }
      Variable variable = variable(m.group(1), m.group(2), m.group(3));
      regex.append('(').append(variable.regex()).append(')');
      group++;
      if (variable.part() != null) {
        groups.putIfAbsent(variable.part(), group);
      }
    }
    if (format.substring(at).contains("%")) {
      throw new BadValue(Phrase.of("usage.logFormat.lonePercent", format));
    }
    regex.append(quote(format.substring(at))).append('$');
    if (!groups.containsKey(Part.COMMAND) && !groups.containsKey(Part.VERB)) {
      throw new BadValue(Phrase.of("usage.logFormat.noCommand", format));
    }
    return new ProftpdLogFormat(format, LinePatterns.compile(regex.toString()), groups);
  }

  private static String quote(String literal) {
    return literal.isEmpty() ? "" : Pattern.quote(literal);
  }

  /** What one variable matches, and the part it is, if kept. */
  private record Variable(String regex, Part part) {}

  private static final String WORD = "\\S*";
  private static final String TEXT = ".*?";

  private static Variable variable(String braced, String suffix, String letter) {
    if (braced != null) {
      return switch (braced) {
        case "epoch" -> new Variable("\\d+", Part.EPOCH);
        case "iso8601" ->
            new Variable("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}", Part.ISO_TIME);
        case "remote-port", "millisecs", "microsecs", "uid", "gid" -> new Variable("-|\\d+", null);
        case "UNIQUE_ID" -> new Variable(WORD, "e".equals(suffix) ? Part.UNIQUE_ID : null);
        default -> new Variable(TEXT, null);
      };
    }
    return switch (letter) {
      case "t" ->
          new Variable("\\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\]", Part.CLF_TIME);
      case "P" -> new Variable("\\d+", Part.PID);
      case "a" -> new Variable(WORD, Part.CLIENT);
      case "h" -> new Variable(WORD, Part.HOST);
      case "r" -> new Variable(TEXT, Part.COMMAND);
      case "m" -> new Variable(TEXT, Part.VERB);
      case "J" -> new Variable(TEXT, Part.ARGUMENTS);
      case "s" -> new Variable("\\d{3}|-", Part.CODE);
      case "S" -> new Variable(TEXT, Part.TEXT);
      case "b", "I", "O", "R", "T", "p", "l", "u", "U", "g", "L", "H", "c", "V" ->
          new Variable(WORD, null);
      default -> new Variable(TEXT, null); // %v, %f, %F, %d, %D, %w, %E, %A and the rest
    };
  }

  /** The text of a part in a matching line, or null when the format does not have it. */
  String get(Matcher line, Part part) {
    Integer group = groups.get(part);
    return group == null ? null : line.group(group);
  }

  /** Whether the format has the part. */
  boolean has(Part part) {
    return groups.containsKey(part);
  }
}
