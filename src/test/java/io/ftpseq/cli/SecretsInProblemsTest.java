package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.CaptureWriter;
import io.ftpseq.testing.TcpDialogue;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The problems of an input in every report: ftpseq's own words and numbers stay as they are, while
 * the passwords the input showed are masked in what a problem quotes of it.
 */
class SecretsInProblemsTest {

  @TempDir Path temp;

  /**
   * A capture cut short in its last packet, two bytes of which were read, of a login whose password
   * is {@code 2}: the message's count of bytes is not the password.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json", "junit", "sarif", "github", "markdown", "html"})
  void aNumberInAMessageIsNotMaskedForBeingThePassword(String report) throws IOException {
    List<byte[]> frames =
        TcpDialogue.ipv4(1, 2)
            .handshake()
            .server("220 ready\r\n")
            .client("USER alice\r\n")
            .server("331 password?\r\n")
            .client("PASS 2\r\n")
            .server("530 Login incorrect.\r\n")
            .client("QUIT\r\n")
            .packets()
            .stream()
            .map(packet -> CaptureWriter.ethernet(packet))
            .toList();
    byte[] whole = CaptureWriter.pcap(frames, 1, ByteOrder.LITTLE_ENDIAN, false);
    int last = frames.get(frames.size() - 1).length;
    Path capture = temp.resolve("cut.pcap");
    Files.write(capture, Arrays.copyOf(whole, whole.length - last + 2));
    Path out = temp.resolve("report");

    CliRun run =
        CliRun.of(
            "check", "--explain-all", "--report", report, "-o", out.toString(), capture.toString());

    assertThat(run.err()).isEmpty();
    assertThat(Files.readString(out))
        .contains("packet " + frames.size() + " has 2 of its " + last + " bytes")
        .doesNotContain("PASS 2");
  }
}
