package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A record of FluentFTP's log, and a reply's time after it, read by hand, are read as the patterns
 * of their forms read them.
 */
class FluentFtpRecordTest {

  private static final Pattern FORM =
      LinePatterns.compile(
          "^(?:\\[?(\\d{4}-\\d\\d-\\d\\d)[ T](\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?)\\]? )?"
              + "(?:(Response): |(Command|Status|Warning|Info|Error|Verbose):\\s+|(# |>\\s+|< ))"
              + "(.*)$");

  private static final Pattern DURATION = LinePatterns.compile(" \\[\\d+ms\\]$");

  /** Lines of every form: the samples' own, and with the times FluentFTP may write before them. */
  private static List<String> seeds() {
    List<String> seeds = new ArrayList<>(LineMutations.linesOf(Path.of("samples/fluentftp")));
    seeds.add("[2024-03-05 10:00:00.123] Command:  USER alice");
    seeds.add("2024-03-05T10:00:00,5 Response: 230 Logged in. [12ms]");
    seeds.add("[2024-03-05 10:00:00] >   Connect(\"host\")");
    seeds.add("Verbose:\t\tDisposing FtpSocketStream...");
    seeds.add("< 150 Opening data connection.");
    return seeds;
  }

  @Test
  void readsWhatThePatternMatchesWithTheSameParts() {
    List<String> lines = LineMutations.of(seeds(), "[]-:T., 0123456789#<>\t\nRCSmsx", 200_000);
    int matched =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              FluentFtpLog.LogRecord read = FluentFtpLog.LogRecord.read(line);
              return read == null
                  ? null
                  : Arrays.asList(read.date(), read.time(), read.kind(), read.text());
            },
            line -> {
              Matcher m = FORM.matcher(line);
              if (!m.matches()) {
                return null;
              }
              String kind =
                  m.group(3) != null
                      ? m.group(3)
                      : m.group(4) != null ? m.group(4) : m.group(5).trim();
              return Arrays.asList(m.group(1), m.group(2), kind, m.group(6));
            });
    assertThat(matched).isBetween(lines.size() / 5, lines.size() * 4 / 5);
  }

  @Test
  void takesOffAReplysTimeWhereThePatternFindsIt() {
    List<String> lines = new ArrayList<>(LineMutations.of(seeds(), "[] 0123456789ms", 200_000));
    lines.removeIf(line -> line.indexOf('\n') >= 0); // a line read never holds one
    int changed = 0;
    for (String line : lines) {
      String expected = DURATION.matcher(line).replaceFirst("");
      assertThat(FluentFtpLog.withoutDuration(line)).as(line).isEqualTo(expected);
      changed += expected.equals(line) ? 0 : 1;
    }
    assertThat(changed).isBetween(lines.size() / 20, lines.size() * 4 / 5);
  }
}
