package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.CaptureWriter;
import io.ftpseq.testing.TcpDialogue;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code PASS} line cut into TCP segments in every way a capture shows it: split after, inside
 * and before its password, inside the word {@code PASS}, segments out of order, sent twice, lost,
 * or the capture ending inside the line; each in pcap and pcapng. The password reaches no report,
 * neither where the command is shown nor where the server echoes it.
 */
class SecretsInCapturesTest {

  private static final String SECRET = "Cap7secret";

  private static final List<String> REPORTS =
      List.of("text", "json", "junit", "sarif", "github", "markdown", "html");

  @TempDir Path temp;

  /**
   * One way a PASS line went over the wire: the client's segments, the part of the password that
   * was captured (which the server then echoes, in its reply and as a directory name), and whether
   * the capture ends right after it.
   */
  record Split(String name, Consumer<TcpDialogue> pass, String captured, boolean last) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The client's PASS line sent in segments, those of the given indexes in that order. */
  private static Consumer<TcpDialogue> segments(int[] order, String... parts) {
    return d -> {
      List<byte[]> packets = new ArrayList<>();
      for (String part : parts) {
        packets.add(d.data(true, part.getBytes(StandardCharsets.UTF_8)));
      }
      for (int index : order) {
        d.add(packets.get(index));
      }
    };
  }

  private static int[] order(int... indexes) {
    return indexes;
  }

  static Stream<Split> splits() {
    String crlf = "\r\n";
    return Stream.of(
        new Split("whole", segments(order(0), "PASS " + SECRET + crlf), SECRET, false),
        new Split("after the word", segments(order(0, 1), "PASS ", SECRET + crlf), SECRET, false),
        new Split(
            "inside the password",
            segments(order(0, 1), "PASS Cap7", "secret" + crlf),
            SECRET,
            false),
        new Split("inside PASS", segments(order(0, 1), "PA", "SS " + SECRET + crlf), SECRET, false),
        new Split(
            "between CR and LF, out of order",
            segments(order(1, 0), "PASS " + SECRET + "\r", "\n"),
            SECRET,
            false),
        new Split(
            "in three, out of order",
            segments(order(2, 0, 1), "PA", "SS Cap7", "secret" + crlf),
            SECRET,
            false),
        new Split(
            "each segment sent twice",
            segments(order(0, 0, 1, 1), "PASS Cap7", "secret" + crlf),
            SECRET,
            false),
        new Split(
            "its segment inside PASS lost",
            segments(order(1), "PA", "SS " + SECRET + crlf),
            SECRET,
            false),
        new Split(
            "its segment up to the password lost",
            segments(order(1), "PASS ", SECRET + crlf),
            SECRET,
            false),
        new Split(
            "a segment inside the password lost",
            segments(order(0, 2), "PASS Cap7", "Mid5", "Tail9x" + crlf),
            "Tail9x",
            false),
        new Split(
            "its last segment lost",
            segments(order(0), "PASS Cap7", "secret" + crlf),
            "Cap7",
            false),
        new Split(
            "the capture ending inside it", segments(order(0), "PASS " + SECRET), SECRET, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("splits")
  void aPasswordCutIntoSegmentsReachesNoReport(Split split) throws IOException {
    TcpDialogue d =
        TcpDialogue.ipv4(1000, 2000)
            .handshake()
            .server("220 ready\r\n")
            .client("USER alice\r\n")
            .server("331 password?\r\n");
    split.pass().accept(d);
    if (split.last()) {
      d.close();
    } else {
      d.server("530 Login incorrect for " + split.captured() + "\r\n")
          .client("CWD " + split.captured() + "\r\n")
          .server("550 " + split.captured() + ": no such directory\r\n")
          .client("QUIT\r\n")
          .server("221 bye\r\n");
    }
    List<byte[]> frames = d.packets().stream().map(p -> CaptureWriter.ethernet(p)).toList();
    Path pcap = temp.resolve("split.pcap");
    Files.write(pcap, CaptureWriter.pcap(frames, 1, ByteOrder.LITTLE_ENDIAN, false));
    List<CaptureWriter.Frame> blocks = new ArrayList<>();
    for (byte[] frame : frames) {
      blocks.add(new CaptureWriter.Frame(1, 0, frame));
    }
    Path pcapng = temp.resolve("split.pcapng");
    Files.write(
        pcapng, CaptureWriter.pcapng(blocks, Collections.singletonList(1), ByteOrder.BIG_ENDIAN));

    for (Path capture : List.of(pcap, pcapng)) {
      for (String report : REPORTS) {
        Path out = temp.resolve("report." + report);
        CliRun run =
            CliRun.of(
                "check",
                "--explain-all",
                "--predict",
                "--report",
                report,
                "-o",
                out.toString(),
                capture.toString());
        assertThat(Files.readString(out) + run.out() + run.err())
            .as("%s, %s", capture.getFileName(), report)
            .doesNotContain(split.captured());
      }
    }
  }
}
