package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupStreamTest {

  private static final Map<String, String> CONTENT =
      Map.of(
          "old", "a1\r\na2\ra3", // CRLF, a lone CR, and no line break at the end
          "mid", "b1\n\nb3\r", // an empty line, and a CR at the very end
          "new", "c1\nc2\n",
          "win", "w1\r\r\nw2\r\r", // CRLFs written again in text mode, the last cut before its LF
          "end", "e1\r\re3\n"); // two CRs that no LF follows: an empty line between

  private static List<InputFile> files(String... names) {
    List<InputFile> files = new ArrayList<>();
    for (String name : names) {
      files.add(new InputFile("mem:" + name, name, CONTENT.getOrDefault(name, "").length()));
    }
    return files;
  }

  private static InputStream open(InputFile file) throws IOException {
    String text = CONTENT.get(file.name());
    if (text == null) {
      throw new IOException("gone");
    }
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64})
  void everyLineMapsBackToItsFileAndLine(int readSize) throws IOException {
    GroupStream stream = new GroupStream(files("old", "gone", "mid", "new"), GroupStreamTest::open);
    StringBuilder joined = new StringBuilder();
    byte[] buffer = new byte[readSize];
    int n;
    while ((n = stream.read(buffer, 0, readSize)) > 0) {
      joined.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    }
    assertThat(joined.toString()).isEqualTo("a1\r\na2\ra3\nb1\n\nb3\r\nc1\nc2\n");
    LineMap lines = stream.lineMap();
    assertThat(List.of(1, 3, 4, 5, 6, 7, 8))
        .map(line -> lines.locate(new Source("group", line), "group").toString())
        .containsExactly("old:1", "old:3", "mid:1", "mid:2", "mid:3", "new:1", "new:2");
    assertThat(lines.locate(new Source("group", 0), "group").toString()).isEqualTo("group");
    assertThat(stream.problems())
        .extracting(Object::toString)
        .containsExactly("gone: cannot read: gone");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64})
  void crsBeforeAnLfEndOneLineAsTheReadersCountThem(int readSize) throws IOException {
    GroupStream stream = new GroupStream(files("win", "end", "new"), GroupStreamTest::open);
    byte[] buffer = new byte[readSize];
    while (stream.read(buffer, 0, readSize) > 0) {
      // read to the end
    }
    LineMap lines = stream.lineMap();
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7))
        .map(line -> lines.locate(new Source("group", line), "group").toString())
        .containsExactly("win:1", "win:2", "end:1", "end:2", "end:3", "new:1", "new:2");
  }
}
