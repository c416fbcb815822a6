package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static final byte[] INPUT =
      "220 ready\r\nUSER u\n331 pw\rPASS p\r\n230 caf\u00e9\r\n".getBytes(StandardCharsets.UTF_8);

  private static List<String> read(InputStream in) throws IOException {
    LineReader reader = new LineReader(in);
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = reader.next()) != null) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void inputSplitAtEveryByteGivesTheSameLines() throws IOException {
    List<String> whole = read(new ByteArrayInputStream(INPUT));
    assertThat(whole).containsExactly("220 ready", "USER u", "331 pw", "PASS p", "230 café");
    for (int split = 0; split <= INPUT.length; split++) {
      InputStream parts =
          new SequenceInputStream(
              new ByteArrayInputStream(Arrays.copyOfRange(INPUT, 0, split)),
              new ByteArrayInputStream(Arrays.copyOfRange(INPUT, split, INPUT.length)));
      assertThat(read(parts)).as("split at %d", split).isEqualTo(whole);
    }
  }

  @Test
  void latin1FileNamesDoNotStopTheRun() throws IOException {
    byte[] latin1 = "RETR caf\u00e9.txt\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(read(new ByteArrayInputStream(latin1))).containsExactly("RETR café.txt");
  }
}
