package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** WinSCP's lines, read by hand, are read as the pattern of their form. */
class WinScpLinesTest {

  private static final Pattern LINE =
      LinePatterns.compile(
          "^([<>.!*]) (\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) "
              + "(?:\\[([^\\]]+)\\] )?(.*)$");

  @Test
  void readsWhatThePatternMatchesWithTheSameParts() {
    List<String> seeds = new ArrayList<>(LineMutations.linesOf(Path.of("samples/winscp")));
    seeds.add("> 2026-11-22 10:00:01.002 [Background 1] PASV");
    seeds.add("< 2026-11-22 10:00:01.002 [] 227 x");
    seeds.add("< 2026-11-22 10:00:01.002 [a]b] 227 x");
    seeds.add("! 2026-11-22 10:00:01.002 [a [b] c");
    seeds.add("* 2026-11-22 10:00:01.002 [a");
    List<String> lines = LineMutations.of(seeds, "0123456789[]:-. <>!*\tx", 200_000);
    int read =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              WinScpLog.Line parts = WinScpLog.Line.read(line);
              return parts == null
                  ? null
                  : Arrays.asList(
                      String.valueOf(parts.mark()), parts.time(), parts.connection(), parts.said());
            },
            line -> {
              List<String> groups = LineMutations.groups(LINE.matcher(line), 1, 2, 3, 4, 5);
              if (groups == null) {
                return null;
              }
              List<String> parts = new ArrayList<>(groups);
              parts.set(1, groups.get(1) + "T" + groups.get(2));
              parts.remove(2);
              return parts;
            });
    assertThat(read).isBetween(lines.size() / 5, lines.size() * 4 / 5);
  }
}
