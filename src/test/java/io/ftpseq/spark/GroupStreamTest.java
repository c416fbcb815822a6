package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
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
    if (file.name().equals("cut")) {
      // a file that breaks off (a truncated .gz) in the middle of its third line
      return new SequenceInputStream(
          new ByteArrayInputStream("d1\nd2\nRNTO x10".getBytes(StandardCharsets.ISO_8859_1)),
          new InputStream() {
            @Override
            public int read() throws IOException {
              throw new IOException("cut short");
            }
          });
    }
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

  /**
   * A file that breaks off in the middle of a line gives the lines before it, not the line's start,
   * which was judged as a line of its own ({@code RNTO x10} for {@code RNTO x1046}); the problem
   * says how many of its bytes were read, and the next file follows.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64})
  void aFileCutInTheMiddleOfALineGivesTheLinesBeforeIt(int readSize) throws IOException {
    GroupStream stream = new GroupStream(files("cut", "new"), GroupStreamTest::open);
    StringBuilder joined = new StringBuilder();
    byte[] buffer = new byte[readSize];
    int n;
    while ((n = stream.read(buffer, 0, readSize)) > 0) {
      joined.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    }
    assertThat(joined.toString()).isEqualTo("d1\nd2\nc1\nc2\n");
    LineMap lines = stream.lineMap();
    assertThat(List.of(1, 2, 3, 4))
        .map(line -> lines.locate(new Source("group", line), "group").toString())
        .containsExactly("cut:1", "cut:2", "new:1", "new:2");
    assertThat(stream.problems())
        .extracting(Object::toString)
        .containsExactly(
            "cut: the file breaks off after 14 bytes (cut short), in the middle of a line whose"
                + " first 8 bytes are not checked; its 2 lines before the break were checked, and"
                + " the next file follows");
  }
}
