package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * pyftpdlib's lines and session messages, read by hand, are read as the patterns of their forms.
 */
class PyftpdlibLinesTest {

  private static final Pattern OWN =
      LinePatterns.compile("^\\[([DIWEC]) (\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d)\\] (.*)$");
  private static final Pattern SESSION = LinePatterns.compile("^(\\S+:\\d+)-\\[([^\\]]*)\\] (.*)$");

  @Test
  void readsWhatThePatternsMatchWithTheSameParts() {
    List<String> seeds = new ArrayList<>(LineMutations.linesOf(Path.of("samples/pyftpdlib")));
    seeds.add("[D 2026-11-28 21:00:37] ::1:54972-[probe] <- PWD");
    seeds.add("[D 2026-11-28 21:00:37] a:1-[x] b:2-[y] z] w");
    seeds.add("[D 2026-11-28 21:00:37] a:1-[b]:2-[c]x:3-[d]] e");
    seeds.add("[D 2026-11-28 21:00:37] a:1-[:2-[]x:3-[ e] f");
    List<String> lines = LineMutations.of(seeds, "0123456789[]:- \tDIx", 200_000);
    int own =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              PyftpdlibLog.OwnLine read = PyftpdlibLog.OwnLine.read(line);
              return read == null
                  ? null
                  : Arrays.asList(
                      String.valueOf(read.level()), read.date(), read.time(), read.message());
            },
            line -> LineMutations.groups(OWN.matcher(line), 1, 2, 3, 4));
    List<String> messages =
        lines.stream()
            .map(PyftpdlibLog.OwnLine::read)
            .filter(Objects::nonNull)
            .map(PyftpdlibLog.OwnLine::message)
            .toList();
    int sessions =
        LineMutations.assertReadAlike(
            messages,
            message -> {
              PyftpdlibLog.SessionMessage read = PyftpdlibLog.SessionMessage.read(message);
              return read == null ? null : Arrays.asList(read.client(), read.said());
            },
            message -> LineMutations.groups(SESSION.matcher(message), 1, 3));
    assertThat(own).isBetween(lines.size() / 5, lines.size() * 4 / 5);
    assertThat(sessions).isBetween(own / 5, own * 4 / 5);
  }
}
