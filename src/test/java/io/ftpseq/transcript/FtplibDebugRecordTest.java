package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A record of ftplib's debugging, read by hand, is read as the pattern of its form reads it. */
class FtplibDebugRecordTest {

  private static final Pattern FORM =
      LinePatterns.compile("^\\*(cmd|resp|put|get|put urgent|welcome|retr)\\* (.*)$");

  @Test
  void readsWhatThePatternMatchesWithTheSameParts() {
    List<String> seeds = new ArrayList<>(LineMutations.linesOf(Path.of("samples/ftplib")));
    seeds.add("*put urgent* b'ABOR\\r\\n'");
    seeds.add("*welcome* '220 *star* welcome'");
    List<String> lines = LineMutations.of(seeds, "* cmdresputgx'", 100_000);
    int matched =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              FtplibDebug.DebugRecord read = FtplibDebug.DebugRecord.read(line);
              return read == null ? null : Arrays.asList(read.kind(), read.value());
            },
            line -> LineMutations.groups(FORM.matcher(line), 1, 2));
    assertThat(matched).isBetween(lines.size() / 5, lines.size() * 4 / 5);
  }
}
