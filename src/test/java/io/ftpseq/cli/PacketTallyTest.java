package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.testing.CaptureWriter;
import io.ftpseq.testing.TcpDialogue;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packet tally counts as unreadable every packet a problem was reported at, once, and the
 * fragments of a datagram given up, in every report. A summary used to say "0 of them unreadable"
 * beside problems about unreadable packets: a reply line that is not FTP was counted as dialogue,
 * fragments given up as skipped, and a packet the capture was cut short in not at all.
 */
class PacketTallyTest {

  private static final byte[] CLIENT = {10, 0, 0, 1};
  private static final byte[] SERVER = {10, 0, 0, 2};

  @TempDir Path temp;

  @Test
  void everyPacketWithAProblemIsCountedUnreadableOnceInEveryReport() throws IOException {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake().server("220 ready\r\n");
    d.server("this is no reply\r\n"); // packet 5: one problem
    d.client("USER alice\r\n").server("331 password?\r\n");
    byte[] pass = d.data(true, "PASS secret\r\n".getBytes(StandardCharsets.US_ASCII));
    d.add(fragment(pass, 0, 8)); // packets 8 and 9: a datagram whose last fragment never comes
    d.add(fragment(pass, 8, 16));
    List<byte[]> frames = new ArrayList<>();
    d.packets().forEach(p -> frames.add(CaptureWriter.ethernet(p)));
    frames.add(CaptureWriter.ethernet(new byte[] {0x45, 0, 0})); // packet 10: a cut-short header
    byte[] pcap = CaptureWriter.pcap(frames, 1, ByteOrder.LITTLE_ENDIAN, false);
    Path capture = temp.resolve("damaged.pcap");
    // packet 11: the capture is cut short in its record header
    Files.write(capture, Arrays.copyOf(pcap, pcap.length + 7));

    CliRun text = CliRun.of("check", capture.toString());
    CliRun json = CliRun.of("check", "--report", "json", capture.toString());

    assertThat(text.out())
        .contains(capture + "#5: problem: not an FTP reply line")
        .contains("were not reassembled")
        .contains(capture + "#10: problem: packet 10 has a damaged or cut-short IP header")
        .contains(capture + "#11: problem: the capture is truncated")
        .endsWith("11 packet(s) read, 5 of them unreadable." + System.lineSeparator());
    JsonNode input = new ObjectMapper().readTree(json.out()).path("inputs").path(0);
    assertThat(input.path("read").asLong()).as(input.toString()).isEqualTo(11);
    assertThat(input.path("problems").asLong()).as(input.toString()).isEqualTo(5);
  }

  /**
   * Every packet of a link type ftpseq cannot read is unreadable, though the problem is said once.
   * Counted, not kept: a set of their numbers ran a 54 MB capture of 3,000,000 such packets out of
   * a 64 MB heap (measured by hand, as memory is not asserted in tests here).
   */
  @Test
  void everyPacketOfALinkTypeNotReadIsUnreadableAndTheProblemIsSaidOnce() throws IOException {
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      frames.add(new byte[] {1, 2, 3, 4});
    }
    Path capture = temp.resolve("link-147.pcap");
    Files.write(capture, CaptureWriter.pcap(frames, 147, ByteOrder.LITTLE_ENDIAN, false));

    CliRun run = CliRun.of("check", capture.toString());

    assertThat(run.out().lines().filter(line -> line.contains("is not supported"))).hasSize(1);
    assertThat(run.out())
        .endsWith("1,000 packet(s) read, 1,000 of them unreadable." + System.lineSeparator());
  }

  @Test
  void aCleanCaptureHasNoUnreadablePackets() {
    CliRun run = CliRun.of("check", "samples/pcap/apache-ftpserver-clean.pcap");
    assertThat(run.out()).contains(" of them unreadable").contains(", 0 of them unreadable.");
  }

  /**
   * The IPv4 fragment of {@code packet}'s payload from {@code from} to {@code to}, more to come.
   */
  private static byte[] fragment(byte[] packet, int from, int to) {
    byte[] part = Arrays.copyOfRange(packet, 20 + from, 20 + to);
    return CaptureWriter.ipv4(CLIENT, SERVER, 6, part, 0x2000 | from / 8);
  }
}
