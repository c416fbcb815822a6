package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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

  /**
   * CRs before an LF end one line (a CRLF written again in text mode on Windows is CR CR LF); CRs
   * that no LF follows end a line each, at any split of the input.
   */
  @Test
  void crsBeforeAnLfEndOneLineAndOtherCrsOneEach() throws IOException {
    byte[] input = "a\r\r\nb\r\r\r\nc\r\rd\n\re\r\r".getBytes(StandardCharsets.US_ASCII);
    List<String> whole = read(new ByteArrayInputStream(input));
    assertThat(whole).containsExactly("a", "b", "c", "", "d", "", "e", "");
    for (int split = 0; split <= input.length; split++) {
      for (int second = split; second <= input.length; second++) {
        InputStream parts =
            new SequenceInputStream(
                new ByteArrayInputStream(Arrays.copyOfRange(input, 0, split)),
                new SequenceInputStream(
                    new ByteArrayInputStream(Arrays.copyOfRange(input, split, second)),
                    new ByteArrayInputStream(Arrays.copyOfRange(input, second, input.length))));
        assertThat(read(parts)).as("split at %d and %d", split, second).isEqualTo(whole);
      }
    }
  }

  /**
   * A line cut at the limit inside a UTF-8 character keeps the characters before it, read as UTF-8,
   * not the whole cut read as Latin-1 (three characters for the bytes of one).
   */
  @Test
  void aLineCutInsideACharacterIsStillReadAsUtf8() throws IOException {
    for (int lead = 0; lead < 3; lead++) {
      String head = "C: PASS" + " ".repeat(1 + lead); // the cut after 0, 1 and 2 bytes of one
      String line = head + "\u65e5".repeat(LineReader.MAX_LINE_BYTES / 3 + 2);
      LineReader reader =
          new LineReader(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)));

      String kept = reader.next();

      assertThat(reader.overlong()).isTrue();
      assertThat(kept).as("head of %d bytes", head.length()).startsWith(head + "\u65e5");
      assertThat(kept.substring(head.length())).matches("\u65e5+");
      assertThat(line).startsWith(kept);
    }
  }

  @Test
  void latin1FileNamesDoNotStopTheRun() throws IOException {
    byte[] latin1 = "RETR caf\u00e9.txt\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(read(new ByteArrayInputStream(latin1))).containsExactly("RETR café.txt");
  }

  @Test
  void lineEndsAndAsciiLooksAgreeWithAByteAtATimeAtEveryOffset() {
    Random random = new Random(20261130);
    byte[] alphabet = {'a', 'Z', ' ', '\n', '\r', (byte) 0x80, (byte) 0xc3, (byte) 0xff, 0, 0x7f};
    for (int round = 0; round < 2_000; round++) {
      byte[] bytes = new byte[1 + random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        // mostly plain letters, as in logs, so that words of eight bytes without an end are met
        bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
      }
      for (int from = 0; from <= bytes.length; from++) {
        int end = from;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
          end++;
        }
        assertThat(LineReader.lineEnd(bytes, from, bytes.length)).isEqualTo(end);
      }
      for (int length = 0; length <= bytes.length; length++) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
          ascii &= bytes[i] >= 0;
        }
        assertThat(LineReader.isAscii(bytes, length)).isEqualTo(ascii);
      }
    }
  }

  @Test
  void whereASecretMayStandIsWhatTheStringLookGivesForEveryLine() throws IOException {
    String input =
        "PASS hunter2\r\n230 ok pass\nfoo://al:pw@h/x\n331 Password\nSITE PSWD a b\n"
            + "pass caf\u00e9\nRETR \u00e9 PASS x\nx ACCT y\n\ud83d\ude00 PASS z\n";
    LineReader reader =
        new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    String line;
    int lines = 0;
    while ((line = reader.next()) != null) {
      assertThat(reader.candidate()).as(line).isEqualTo(Secrets.candidateIn(line));
      lines++;
    }
    assertThat(lines).isEqualTo(9);
    assertThat(Secrets.candidateIn("\ud83d\ude00 PASS z")).isEqualTo(3);
  }

  /**
   * A last line with no line end is a line when the input ended there, and the start of a line when
   * it broke off there: then it is not given, and its bytes are counted.
   */
  @Test
  void lastLineWithNoEndIsGivenUnlessTheInputBrokeOff() throws IOException {
    byte[] bytes = "USER u\r\nRNTO x10".getBytes(StandardCharsets.US_ASCII);
    for (boolean brokeOff : new boolean[] {false, true}) {
      LineReader reader = new LineReader(new ByteArrayInputStream(bytes), () -> brokeOff);
      List<String> lines = new ArrayList<>();
      for (String line; (line = reader.next()) != null; ) {
        lines.add(line);
      }
      assertThat(lines).as("broke off: " + brokeOff).hasSize(brokeOff ? 1 : 2);
      assertThat(reader.cutLineBytes()).as("broke off: " + brokeOff).isEqualTo(brokeOff ? 8 : 0);
    }
  }
}
