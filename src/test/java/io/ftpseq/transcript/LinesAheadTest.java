package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ftpseq.protocol.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines read ahead on a thread of their own are the lines, lengths and secret candidates a reader
 * on the parsing thread gives, in order; a read failure arrives after the lines before it; closing
 * early stops the thread.
 */
class LinesAheadTest {

  @Test
  void givesWhatTheReaderGivesInOrder() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append(i % 7 == 0 ? "PASS secret" + i : "200 line " + i).append("\r\n");
    }
    text.append("x".repeat(LineReader.MAX_LINE_BYTES + 10)).append('\n').append("last");
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

    List<String> expected = new ArrayList<>();
    LineReader inline = new LineReader(new ByteArrayInputStream(bytes));
    for (String line; (line = inline.next()) != null; ) {
      expected.add(
          line
              + "|"
              + inline.lineBytes()
              + "|"
              + inline.overlong()
              + "|"
              + Secrets.candidateIn(line));
    }

    List<String> ahead = new ArrayList<>();
    try (LinesAhead lines = new LinesAhead(new LineReader(new ByteArrayInputStream(bytes)))) {
      while (lines.next()) {
        ahead.add(
            lines.line()
                + "|"
                + lines.lineBytes()
                + "|"
                + lines.overlong()
                + "|"
                + lines.candidate());
      }
      assertThat(lines.next()).isFalse();
    }
    assertThat(ahead).hasSize(5_002).isEqualTo(expected);
  }

  @Test
  void theParsersWorkAheadGoesWithItsLineInOrderAndAFailureIsThatLinesOnly() throws IOException {
    // ahead() keeps state of its own (a count, as a header would), so it must see every line once,
    // in order; a line it fails on is that line's failure, thrown when the line is parsed
    TranscriptParser.ReadAhead<String> parser =
        new TranscriptParser.ReadAhead<>() {
          private int seen;

          @Override
          public String ahead(String text) {
            seen++;
            if (text.equals("bad")) {
              throw new IllegalStateException("cannot read " + text);
            }
            return seen + ":" + text;
          }

          @Override
          public LineUse line(long number, String text, String ahead) {
            return LineUse.DIALOGUE;
          }

          @Override
          public void end(long lastLine) {}
        };
    String text = "a\nbad\n" + "x".repeat(LineReader.MAX_LINE_BYTES + 1) + "\nb\n";
    List<Object> ahead = new ArrayList<>();
    try (LinesAhead lines =
        new LinesAhead(
            new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))),
            parser)) {
      while (lines.next()) {
        ahead.add(lines.ahead());
      }
    }

    assertThat(ahead).hasSize(4);
    assertThat(ahead.get(0)).isEqualTo("1:a");
    assertThat(ahead.get(1))
        .isInstanceOfSatisfying(
            LinesAhead.Failure.class,
            failure ->
                assertThatThrownBy(failure::rethrow)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot read bad"));
    // a line cut for its length is a problem the parser is never given, so it is not read ahead
    assertThat(ahead.get(2)).isSameAs(InputLines.NOT_AHEAD);
    assertThat(ahead.get(3)).isEqualTo("3:b");
  }

  @Test
  void aReadFailureComesAfterTheLinesBeforeIt() throws IOException {
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream("USER a\nPASS b\n".getBytes(StandardCharsets.US_ASCII)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("disk gone");
              }
            });
    List<String> read = new ArrayList<>();
    try (LinesAhead lines = new LinesAhead(new LineReader(failing))) {
      assertThatThrownBy(
              () -> {
                while (lines.next()) {
                  read.add(lines.line());
                }
              })
          .isInstanceOf(IOException.class)
          .hasMessage("disk gone");
    }
    assertThat(read).containsExactly("USER a", "PASS b");
  }

  /**
   * The reading thread interrupted by someone else while it hands over a batch: the thread used to
   * end without a last batch, and the parsing thread waited for one forever.
   */
  @Test
  void aReadingThreadThatEndsEarlyDoesNotLeaveTheParserWaiting() throws IOException {
    byte[] lines = "200 ok\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
    InputStream interrupting =
        new ByteArrayInputStream(lines) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            Thread.currentThread().interrupt(); // as if someone else stopped the reading thread
            return super.read(b, off, len);
          }
        };
    try (LinesAhead ahead = new LinesAhead(new LineReader(interrupting))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThatThrownBy(
                      () -> {
                        while (ahead.next()) {
                          assertThat(ahead.line()).isEqualTo("200 ok");
                        }
                      })
                  .hasMessageStartingWith("ftpseq-lines-ahead failed")
                  .hasCauseInstanceOf(InterruptedException.class));
    }
  }

  @Test
  void closingEarlyStopsTheReadingThread() throws IOException {
    byte[] many = "200 ok\n".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
    List<Thread> before = readers();
    try (LinesAhead lines = new LinesAhead(new LineReader(new ByteArrayInputStream(many)))) {
      assertThat(lines.next()).isTrue();
      assertThat(readers()).hasSizeGreaterThan(before.size());
    }
    assertThat(readers()).isSubsetOf(before);
  }

  private static List<Thread> readers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("ftpseq-lines-ahead") && t.isAlive())
        .toList();
  }
}
