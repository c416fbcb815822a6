package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string values of a JSON log line as they stand in it, escapes and all: a password that JSON
 * writes with an escape ({@code "a\"b"}, or a letter written as its code) stands in the raw line,
 * which the HTML report shows, otherwise than the decoded value a reader learns; learnt as it
 * stands too, it is masked there. Only values that hold a backslash are given, and a line without
 * one is not looked at further.
 *
 * <pre>{@code
 * EscapedJsonValues.each("{\"arg\":\"a\\\"b\"}", Set.of("arg"), sink::secret); // a\"b
 * }</pre>
 */
final class EscapedJsonValues {

  /** A string field: its key, then its value up to the closing quote, escapes kept. */
  private static final Pattern STRING_FIELD =
      LinePatterns.compile("\"([^\"\\\\]{1,64})\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*+)\"");

  private EscapedJsonValues() {}

  /**
   * Gives {@code value} the value, as it stands in the line, of each string field of one of the
   * keys (at any depth) whose value holds an escape.
   */
  static void each(String line, Set<String> keys, Consumer<String> value) {
    if (line.indexOf('\\') < 0) {
      return;
    }
    Matcher field = STRING_FIELD.matcher(line);
    while (field.find()) {
      if (keys.contains(field.group(1)) && field.group(2).indexOf('\\') >= 0) {
        value.accept(field.group(2));
      }
    }
  }
}
