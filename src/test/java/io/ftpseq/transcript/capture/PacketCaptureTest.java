package io.ftpseq.transcript.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Source;
import io.ftpseq.testing.CaptureWriter;
import io.ftpseq.testing.CaptureWriter.Frame;
import io.ftpseq.testing.TcpDialogue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-built captures: file formats, link layers, and TCP reassembly edge cases. */
class PacketCaptureTest {

  private static final List<String> LOGIN =
      List.of("< 220 ready", "> USER alice", "< 331 password?", "> PASS ****", "< 230 in");

  private static TcpDialogue login(int clientIsn, int serverIsn) {
    return TcpDialogue.ipv4(clientIsn, serverIsn)
        .handshake()
        .server("220 ready\r\n")
        .client("USER alice\r\n")
        .server("331 password?\r\n")
        .client("PASS secret\r\n")
        .server("230 in\r\n");
  }

  private static byte[] ethernetPcap(List<byte[]> packets) {
    return CaptureWriter.pcap(
        packets.stream().map(p -> CaptureWriter.ethernet(p)).toList(),
        1,
        ByteOrder.LITTLE_ENDIAN,
        false);
  }

  private static RecordingSink read(List<byte[]> packets) {
    return RecordingSink.read(ethernetPcap(packets));
  }

  @Test
  void cleanLoginIsReadWithFrameNumbers() {
    RecordingSink sink = read(login(1000, 5000).close().packets());
    assertThat(sink.lines)
        .containsExactly(
            "4 < 220 ready", "5 > USER alice", "6 < 331 password?", "7 > PASS ****", "8 < 230 in");
    assertThat(sink.sessions).containsExactly("10.0.0.1:40000 -> 10.0.0.2:21");
  }

  /**
   * A connection to the data end a control connection announced, made after that control connection
   * closed (a long capture's port numbers come round again), is no data connection of it: its
   * session ended at its close, and a server takes no data connection for a closed session.
   */
  @Test
  void aConnectionToTheEndAClosedControlConnectionAnnouncedIsNoPartOfIt() {
    List<byte[]> packets =
        new ArrayList<>(
            login(1000, 5000)
                .client("PASV\r\n")
                .server("227 Entering Passive Mode (10,0,0,2,195,80).\r\n")
                .client("QUIT\r\n")
                .server("221 Goodbye.\r\n")
                .close()
                .packets());
    packets.addAll(
        new TcpDialogue(new byte[] {10, 0, 0, 1}, 40001, new byte[] {10, 0, 0, 2}, 50000, 7, 9)
            .handshake()
            .close()
            .packets());
    RecordingSink sink = read(packets);
    assertThat(sink.lines).noneMatch(line -> line.contains("DATA_OPENED"));
    assertThat(sink.ended).containsExactly("10.0.0.1:40000 -> 10.0.0.2:21");
  }

  /**
   * A login on a connection whose two ends have the same address and port, as a socket connected to
   * itself shows in a loopback capture: the ends cannot be told apart, their sequence numbers can.
   */
  private static TcpDialogue loginOnOneEndpoint() {
    byte[] local = {127, 0, 0, 1};
    return new TcpDialogue(local, 21, local, 21, 1000, 900_000)
        .handshake()
        .server("220 ready\r\n")
        .client("USER alice\r\n")
        .server("331 password?\r\n")
        .client("PASS secret\r\n")
        .server("230 in\r\n")
        .close();
  }

  @Test
  void sessionWhoseEndsShareAddressAndPortIsReadAsOne() {
    RecordingSink sink = read(loginOnOneEndpoint().packets());
    assertThat(sink.lines)
        .containsExactly(
            "4 < 220 ready", "5 > USER alice", "6 < 331 password?", "7 > PASS ****", "8 < 230 in");
    assertThat(sink.sessions).containsExactly("127.0.0.1:21 -> 127.0.0.1:21");
  }

  @Test
  void sessionWhoseEndsShareAddressAndPortIsReadWithoutItsHandshake() {
    List<byte[]> shared = loginOnOneEndpoint().packets();
    List<byte[]> apart = login(1000, 900_000).close().packets();
    assertThat(read(shared.subList(3, shared.size())).lines)
        .isEqualTo(read(apart.subList(3, apart.size())).lines)
        .contains("2 > USER alice", "5 < 230 in");
  }

  /** A login, then STAT answered by {@code lines} lines of {@code width} bytes, in packets. */
  private static TcpDialogue stat(int lines, int width, boolean closed) {
    TcpDialogue d = login(1, 2).client("STAT /pub\r\n").server("213-Status of /pub:\r\n");
    StringBuilder packet = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      String line = String.format(Locale.ROOT, "-rw-r--r--   1 ftp ftp %8d file%05d.txt", i, i);
      packet.append(line).append("x".repeat(Math.max(0, width - line.length()))).append("\r\n");
      if (packet.length() > 30_000) {
        d.server(packet.toString());
        packet.setLength(0);
      }
    }
    d.server(packet + (closed ? "213 End of status\r\n" : ""));
    return d.client("NOOP\r\n").server("200 ok\r\n");
  }

  @Test
  void aReplyOfTwentyThousandLinesIsOneReply() {
    List<String> lines = read(stat(20_000, 0, true).close().packets()).lines;

    assertThat(lines).noneMatch(l -> l.contains(" ? "));
    assertThat(lines)
        .filteredOn(l -> l.contains(" < 213-"))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.split("\\|"))
                    .hasSize(20_002)
                    .endsWith(
                        "-rw-r--r--   1 ftp ftp    19999 file19999.txt", "213 End of status"));
    assertThat(lines).last().asString().endsWith(" < 200 ok");
  }

  @Test
  void aReplyThatHoldsTooManyBytesIsCutWithAProblem() {
    List<String> lines = read(stat(5_000, 1_000, false).close().packets()).lines;

    assertThat(lines)
        .filteredOn(l -> l.contains(" ? "))
        .first()
        .asString()
        .contains(" ? multi-line reply 213 opened at packet ")
        .contains(" holds more than 4 MB (")
        .endsWith(" lines) without its closing line; it is taken as ending here");
    assertThat(lines).anyMatch(l -> l.contains(" < 213-Status of /pub:|"));
  }

  /**
   * The lines of a reply past its 4 MB bound, up to its closing line, are one problem that says how
   * many were not kept, and the dialogue goes on after it: the next command gets its reply.
   */
  @Test
  void theRestOfACutReplyIsOneProblemAndTheSessionGoesOnAtItsEnd() {
    // 5,000 lines of 1,000 bytes, then the closing line: over the bound by about 1,000 lines
    List<String> lines = read(stat(5_000, 1_000, true).close().packets()).lines;
    int kept =
        lines.stream()
            .filter(l -> l.contains(" < 213-Status of /pub:|"))
            .findFirst()
            .orElseThrow()
            .split("\\|")
            .length;

    assertThat(lines)
        .filteredOn(l -> l.contains(" ? "))
        .hasSize(2)
        .last()
        .asString()
        .contains(" ? multi-line reply 213 cut at packet ")
        .contains(String.format(Locale.ROOT, ": its next %,d line(s) (", 5_000 + 2 - kept))
        .endsWith(" were not kept, up to its closing line in this packet");
    assertThat(lines).noneMatch(l -> l.contains(" < 213 End of status"));
    assertThat(lines.get(lines.size() - 2)).endsWith(" > NOOP");
    assertThat(lines).last().asString().endsWith(" < 200 ok");
  }

  @Test
  void sourcesArePacketsWithTheirCaptureTimeInUtc() {
    List<byte[]> frames =
        login(1, 2).packets().stream().map(p -> CaptureWriter.ethernet(p)).toList();
    RecordingSink micros =
        RecordingSink.read(CaptureWriter.pcap(frames, 1, ByteOrder.BIG_ENDIAN, false));
    RecordingSink nanos =
        RecordingSink.read(CaptureWriter.pcap(frames, 1, ByteOrder.LITTLE_ENDIAN, true));
    // the writer stamps packet n (1-based) with 1_700_000_000 + n - 1 seconds and n - 1 units
    assertThat(micros.sources.get(0))
        .isEqualTo(Source.packet("t.pcap", 4).at("2023-11-14T22:13:23.000003Z"));
    assertThat(nanos.sources.get(0).time()).isEqualTo("2023-11-14T22:13:23.000000003Z");
    assertThat(micros.sources.get(0).toString()).isEqualTo("t.pcap#4");
  }

  @Test
  void passwordNeverLeavesTheReader() {
    assertThat(String.join("\n", read(login(1, 2).packets()).lines)).doesNotContain("secret");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
  void commandSplitAtEveryByteIsOneCommand(int split) {
    TcpDialogue d = TcpDialogue.ipv4(7, 9).handshake().server("220 ready\r\n");
    byte[] line = "USER alice\r\n".getBytes(StandardCharsets.US_ASCII);
    d.add(d.data(true, Arrays.copyOfRange(line, 0, split)));
    d.add(d.data(true, Arrays.copyOfRange(line, split, line.length)));
    d.server("331 password?\r\n");
    assertThat(read(d.packets()).lines)
        .containsExactly("4 < 220 ready", "5 > USER alice", "7 < 331 password?");
  }

  @Test
  void replyAndCommandsSplitIntoSingleBytesAreReassembled() {
    TcpDialogue d = TcpDialogue.ipv4(7, 9).handshake();
    for (byte b : "220-hello\r\n220 ready\r\n".getBytes(StandardCharsets.US_ASCII)) {
      d.add(d.data(false, new byte[] {b}));
    }
    for (byte b : "USER alice\r\nPASS x\r\n".getBytes(StandardCharsets.US_ASCII)) {
      d.add(d.data(true, new byte[] {b}));
    }
    assertThat(read(d.packets()).dialogue())
        .containsExactly("< 220-hello|220 ready", "> USER alice", "> PASS ****");
  }

  @Test
  void reorderedSegmentsAreHeldUntilTheGapFills() {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake().server("220 ready\r\n");
    byte[] first = d.data(true, "US".getBytes(StandardCharsets.US_ASCII));
    byte[] second = d.data(true, "ER alice\r\n".getBytes(StandardCharsets.US_ASCII));
    List<byte[]> p = new ArrayList<>(d.packets());
    p.add(second);
    p.add(first);
    assertThat(read(p).lines).containsExactly("4 < 220 ready", "6 > USER alice");
  }

  /** A login, then NOOP, RNTO and QUIT with their replies, one packet each. */
  private static List<byte[]> renameWithoutRnfr() {
    return login(1000, 5000)
        .client("NOOP\r\n")
        .server("200 ok\r\n")
        .client("RNTO x\r\n")
        .server("503 Bad sequence of commands\r\n")
        .client("QUIT\r\n")
        .server("221 bye\r\n")
        .close()
        .packets();
  }

  private static final List<String> RENAME =
      List.of(
          "< 220 ready",
          "> USER alice",
          "< 331 password?",
          "> PASS ****",
          "< 230 in",
          "> NOOP",
          "< 200 ok",
          "> RNTO x",
          "< 503 Bad sequence of commands",
          "> QUIT",
          "< 221 bye");

  /** The packets with packet {@code first} (0-based) and the one after it swapped. */
  private static List<byte[]> swapped(List<byte[]> packets, int first) {
    List<byte[]> p = new ArrayList<>(packets);
    p.set(first, packets.get(first + 1));
    p.set(first + 1, packets.get(first));
    return p;
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
  void replyCapturedBeforeItsCommandFollowsIt(int first) {
    // a capture on "-i any", a tap, or two merged captures: each packet swapped with the next
    RecordingSink sink = read(swapped(renameWithoutRnfr(), first));
    assertThat(sink.dialogue()).containsExactlyElementsOf(RENAME);
  }

  @Test
  void everyReplyCapturedBeforeItsCommandKeepsTheDialogue() {
    List<byte[]> packets = renameWithoutRnfr();
    List<byte[]> p = new ArrayList<>(packets.subList(0, 3));
    for (int i = 3; i + 1 < packets.size() - 3; i += 2) {
      p.add(packets.get(i + 1));
      p.add(packets.get(i));
    }
    p.addAll(packets.subList(p.size(), packets.size()));
    assertThat(read(p).dialogue()).containsExactlyElementsOf(RENAME);
  }

  @Test
  void commandCapturedBeforeTheOneBeforeItWaitsForTheReplyBetween() {
    List<byte[]> packets = renameWithoutRnfr();
    // NOOP (packet 9) and RNTO (11) trade places: the 200 between them answers NOOP
    List<byte[]> p = new ArrayList<>(packets);
    p.set(8, packets.get(10));
    p.set(10, packets.get(8));
    RecordingSink sink = read(p);
    assertThat(sink.dialogue()).containsExactlyElementsOf(RENAME);
    assertThat(sink.lines).contains("11 > NOOP", "10 < 200 ok", "9 > RNTO x");
  }

  @Test
  void replyWhoseCommandWasNeverCapturedWaitsThenIsAGap() {
    List<byte[]> packets = new ArrayList<>(renameWithoutRnfr());
    packets.remove(10); // RNTO x
    RecordingSink sink = read(packets);
    assertThat(sink.lines)
        .containsSubsequence(
            "9 > NOOP", "10 < 200 ok", "11 ! LINES_MISSING", "11 < 503 Bad sequence of commands");
  }

  /** A little-endian pcap whose packets are cut at {@code snap} bytes, as tcpdump -s writes it. */
  private static byte[] snapped(List<byte[]> frames, int snap) {
    ByteBuffer in = ByteBuffer.wrap(CaptureWriter.pcap(frames, 1, ByteOrder.LITTLE_ENDIAN, false));
    in.order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocate(in.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    out.put(in.array(), 0, 24).putInt(16, snap);
    for (int at = 24; at < in.capacity(); ) {
      int captured = in.getInt(at + 8);
      int kept = Math.min(captured, snap);
      out.putInt(in.getInt(at)).putInt(in.getInt(at + 4)).putInt(kept).putInt(captured);
      out.put(in.array(), at + 16, kept);
      at += 16 + captured;
    }
    return Arrays.copyOf(out.array(), out.position());
  }

  /** The IPv4 packet with 12 bytes of TCP options (no-operations) after its TCP header. */
  private static byte[] withOptions(byte[] packet) {
    byte[] longer = new byte[packet.length + 12];
    System.arraycopy(packet, 0, longer, 0, 40);
    Arrays.fill(longer, 40, 52, (byte) 1);
    System.arraycopy(packet, 40, longer, 52, packet.length - 40);
    longer[2] = (byte) (longer.length >> 8);
    longer[3] = (byte) longer.length;
    longer[32] = (byte) (8 << 4);
    return longer;
  }

  @Test
  void packetsCutBySnapLengthAreOneProblemAndWhatIsWholeIsRead() {
    // 14 + 20 + 20 header bytes: 68 keeps 14 bytes of payload, so 331 and 503 lose their ends
    RecordingSink sink =
        RecordingSink.read(
            snapped(renameWithoutRnfr().stream().map(p -> CaptureWriter.ethernet(p)).toList(), 68));
    assertThat(sink.lines)
        .containsSubsequence(
            "6 ? the capture was cut at 68 bytes per packet (its snap length): packet 6 and the"
                + " longer ones after it lost bytes, which count as not captured; capture again"
                + " with tcpdump -s 0",
            "6 < 331 password?",
            "7 > PASS ****",
            "9 > NOOP",
            "10 < 200 ok",
            "11 > RNTO x",
            "12 < 503 Bad sequen",
            "13 > QUIT",
            "14 < 221 bye")
        .noneMatch(l -> l.contains("LINES_MISSING"))
        .filteredOn(l -> l.contains("snap length"))
        .hasSize(1);
  }

  @Test
  void handshakeCutInsideItsOptionsStillStartsTheConnection() {
    List<byte[]> packets = new ArrayList<>(renameWithoutRnfr());
    packets.set(0, withOptions(packets.get(0)));
    packets.set(1, withOptions(packets.get(1)));
    RecordingSink sink =
        RecordingSink.read(
            snapped(packets.stream().map(p -> CaptureWriter.ethernet(p)).toList(), 65));
    // the SYNs (66 bytes) lose the end of their options, the greeting (65 bytes) is whole
    assertThat(sink.lines)
        .startsWith(
            "1 ? the capture was cut at 65 bytes per packet (its snap length): packet 1 and the"
                + " longer ones after it lost bytes, which count as not captured; capture again"
                + " with tcpdump -s 0",
            "4 < 220 ready")
        .noneMatch(l -> l.contains("START_MISSING") || l.contains("TCP header"));
  }

  @Test
  void retransmissionsAndOverlapsAreDroppedOnce() {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake().server("220 ready\r\n");
    int start = d.clientSeq();
    byte[] user = d.data(true, "USER alice\r\n".getBytes(StandardCharsets.US_ASCII));
    d.add(user).add(user);
    // overlaps the end of USER and carries PASS
    d.add(
        d.segment(
            true,
            start + 7,
            d.serverSeq(),
            CaptureWriter.ACK,
            "ice\r\nPASS x\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(read(d.packets()).dialogue())
        .containsExactly("< 220 ready", "> USER alice", "> PASS ****");
  }

  @Test
  void sequenceNumbersWrapAroundTwoToThe32() {
    RecordingSink sink = read(login(0xfffffff8, 0xfffffffa).packets());
    assertThat(sink.dialogue()).containsExactlyElementsOf(LOGIN);
  }

  @Test
  void lostSegmentIsAGapNotAFinding() {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake().server("220 ready\r\n");
    d.data(true, "USER alice\r\n".getBytes(StandardCharsets.US_ASCII));
    d.server("331 password?\r\n").client("PASS x\r\n").server("230 in\r\n");
    RecordingSink sink = read(d.packets());
    assertThat(sink.lines)
        .containsExactly(
            "4 < 220 ready",
            "5 ! LINES_MISSING",
            "5 < 331 password?",
            "6 > PASS ****",
            "7 < 230 in");
  }

  @Test
  void gapThatNeverFillsIsReportedAtTheEnd() {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake().server("220 ready\r\n");
    d.data(true, "USER alice\r\n".getBytes(StandardCharsets.US_ASCII));
    d.add(d.data(true, "PASS x\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(read(d.packets()).dialogue())
        .containsExactly("< 220 ready", "! LINES_MISSING", "> PASS ****");
  }

  @Test
  void missingSynMeansTheStartIsMissing() {
    List<byte[]> packets = login(1, 2).packets();
    RecordingSink sink = read(packets.subList(5, packets.size()));
    assertThat(sink.lines)
        .containsExactly("1 ! START_MISSING", "1 < 331 password?", "2 > PASS ****", "3 < 230 in");
    assertThat(sink.sessions).containsExactly("10.0.0.1:40000 -> 10.0.0.2:21");
  }

  @Test
  void clientIsFoundByContentWhenTheServerSpeaksFirstOnAnyPort() {
    TcpDialogue d =
        new TcpDialogue(new byte[] {10, 0, 0, 2}, 2200, new byte[] {10, 0, 0, 1}, 50000, 1, 2);
    // the capture starts after the handshake; the side seen first is the server
    d.client("220 LightFTP\r\n").server("USER x\r\n");
    RecordingSink sink = read(d.packets());
    assertThat(sink.sessions).containsExactly("10.0.0.1:50000 -> 10.0.0.2:2200");
  }

  @Test
  void newConnectionOnTheSameEndsIsAnotherSession() {
    List<byte[]> packets = new ArrayList<>(login(1000, 5000).close().packets());
    packets.addAll(login(777000, 888000).client("RNTO y\r\n").close().packets());
    RecordingSink sink = read(packets);
    assertThat(sink.sessions)
        .containsExactly("10.0.0.1:40000 -> 10.0.0.2:21", "10.0.0.1:40000 -> 10.0.0.2:21 (2)");
  }

  @Test
  void pipelinedCommandsBeforeTheGreetingKeepCaptureOrder() {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake();
    d.client("USER a\r\n").client("PASS b\r\n").server("220 hi\r\n331 ok\r\n230 in\r\n");
    assertThat(read(d.packets()).dialogue())
        .containsExactly("> USER a", "> PASS ****", "< 220 hi", "< 331 ok", "< 230 in");
  }

  @Test
  void authTlsEndsReadingWithANote() {
    TcpDialogue d = login(1, 2).client("AUTH TLS\r\n").server("234 go\r\n");
    d.add(d.data(true, new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, '\n', 'x', '\n'}));
    d.add(d.data(false, new byte[] {0x16, 0x03, 0x03, '5', '0', '0', '\n'}));
    assertThat(read(d.packets()).dialogue()).endsWith("> AUTH TLS", "< 234 go", "! ENCRYPTED");
  }

  @Test
  void implicitFtpsIsOneProblem() {
    TcpDialogue d =
        new TcpDialogue(new byte[] {10, 0, 0, 1}, 40000, new byte[] {10, 0, 0, 2}, 990, 1, 2)
            .handshake();
    d.add(d.data(true, new byte[] {0x16, 0x03, 0x01, 0x00, 0x40, 1, 0, 0}));
    d.add(d.data(false, new byte[] {0x16, 0x03, 0x03, 0x00, 0x40, 2, 0, 0}));
    RecordingSink sink = read(d.packets());
    assertThat(sink.lines).containsExactly("4 ? encrypted (implicit FTPS): cannot be read");
  }

  @Test
  void dataConnectionAnnouncedByPasvIsNotAControlConnection() {
    TcpDialogue control =
        login(1, 2).client("PASV\r\n").server("227 Entering Passive Mode (10,0,0,2,195,80).\r\n");
    TcpDialogue data =
        new TcpDialogue(new byte[] {10, 0, 0, 1}, 40001, new byte[] {10, 0, 0, 2}, 50000, 1, 2)
            .handshake()
            .server("220 this is file content that looks like a greeting\r\n");
    List<byte[]> packets = new ArrayList<>(control.packets());
    packets.addAll(data.packets());
    assertThat(read(packets).sessions).containsExactly("10.0.0.1:40000 -> 10.0.0.2:21");
  }

  @Test
  void dataConnectionsAreNotedInTheirSessionWithBytesEachWay() {
    TcpDialogue control =
        login(1, 2).client("PASV\r\n").server("227 Entering Passive Mode (10,0,0,2,195,80).\r\n");
    TcpDialogue passive =
        new TcpDialogue(new byte[] {10, 0, 0, 1}, 40001, new byte[] {10, 0, 0, 2}, 50000, 1, 2)
            .handshake()
            .client("abc")
            .server("0123456789")
            .close();
    control.client("PORT 10,0,0,1,156,66\r\n").server("200 ok\r\n");
    TcpDialogue active =
        new TcpDialogue(new byte[] {10, 0, 0, 2}, 20, new byte[] {10, 0, 0, 1}, 40002, 5, 6)
            .handshake()
            .client("xy");
    List<byte[]> packets = new ArrayList<>(control.packets());
    int passiveStart = packets.size() + 1;
    packets.addAll(passive.packets());
    int activeStart = packets.size() + 1;
    packets.addAll(active.packets());
    RecordingSink sink = read(packets);
    String passiveEnds = "client 10.0.0.1:40001, server 10.0.0.2:50000";
    String activeEnds = "client 10.0.0.1:40002, server 10.0.0.2:20";
    assertThat(sink.sessions).containsExactly("10.0.0.1:40000 -> 10.0.0.2:21");
    assertThat(sink.lines)
        .contains(
            passiveStart + " ! DATA_OPENED " + passiveEnds,
            activeStart + " ! DATA_OPENED " + activeEnds,
            packets.size()
                + " ! DATA_CLOSED "
                + activeEnds
                + ": 0 bytes from the client, 2 from the server")
        .anyMatch(
            l ->
                l.endsWith(
                    " ! DATA_CLOSED "
                        + passiveEnds
                        + ": 3 bytes from the client, 10 from the server"));
  }

  @Test
  void nonFtpTrafficIsNotASession() {
    TcpDialogue http =
        TcpDialogue.ipv4(1, 2)
            .handshake()
            .client("GET / HTTP/1.1\r\n")
            .server("HTTP/1.1 200 OK\r\n");
    TcpDialogue smtp =
        TcpDialogue.ipv4(1, 2).handshake().server("220 mx ESMTP ready\r\n").client("EHLO me\r\n");
    RecordingSink sink = read(http.packets());
    assertThat(sink.sessions).isEmpty();
    assertThat(sink.lines)
        .containsExactly("0 ? no FTP control connection among the 1 TCP connections of 5 packets");
    assertThat(read(smtp.packets()).sessions).isEmpty();
  }

  @Test
  void ethernetPaddingIsNotPayload() {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake().server("220 ok\r\n");
    byte[] ack = d.segment(true, d.clientSeq(), d.serverSeq(), CaptureWriter.ACK, new byte[0]);
    byte[] padded = Arrays.copyOf(CaptureWriter.ethernet(ack), 60);
    Arrays.fill(padded, 54, 60, (byte) 'X');
    List<byte[]> frames =
        new ArrayList<>(d.packets().stream().map(p -> CaptureWriter.ethernet(p)).toList());
    frames.add(padded);
    frames.add(
        CaptureWriter.ethernet(d.data(true, "USER a\r\n".getBytes(StandardCharsets.US_ASCII))));
    RecordingSink sink =
        RecordingSink.read(CaptureWriter.pcap(frames, 1, ByteOrder.BIG_ENDIAN, false));
    assertThat(sink.dialogue()).containsExactly("< 220 ok", "> USER a");
  }

  private static final byte[] CLIENT = {10, 0, 0, 1};
  private static final byte[] SERVER = {10, 0, 0, 2};

  /** The IPv4 fragment of {@code packet}'s payload from {@code from} to {@code to}. */
  private static byte[] fragment(byte[] packet, int from, int to, boolean more) {
    byte[] part = Arrays.copyOfRange(packet, 20 + from, 20 + to);
    return CaptureWriter.ipv4(CLIENT, SERVER, 6, part, (more ? 0x2000 : 0) | from / 8);
  }

  /** A greeting, then USER alice in fragments made by {@code split}, then PASS and its reply. */
  private static RecordingSink fragmentedUser(
      java.util.function.Function<byte[], List<byte[]>> split) {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake().server("220 ok\r\n");
    byte[] user = d.data(true, "USER alice\r\n".getBytes(StandardCharsets.US_ASCII));
    split.apply(user).forEach(d::add);
    d.client("PASS x\r\n").server("230 in\r\n");
    return read(d.packets());
  }

  @Test
  void ipv4FragmentsInOrderAreReassembled() {
    RecordingSink sink =
        fragmentedUser(
            user ->
                List.of(
                    fragment(user, 0, 8, true),
                    fragment(user, 8, 16, true),
                    fragment(user, 16, 32, false)));
    assertThat(sink.lines)
        .containsExactly("4 < 220 ok", "7 > USER alice", "8 > PASS ****", "9 < 230 in");
  }

  @Test
  void ipv4FragmentsOutOfOrderAreReassembled() {
    RecordingSink sink =
        fragmentedUser(
            user ->
                List.of(
                    fragment(user, 16, 32, false),
                    fragment(user, 0, 8, true),
                    fragment(user, 8, 16, true)));
    assertThat(sink.dialogue())
        .containsExactly("< 220 ok", "> USER alice", "> PASS ****", "< 230 in");
  }

  @Test
  void overlappingIpv4FragmentsKeepTheBytesThatCameFirst() {
    RecordingSink sink =
        fragmentedUser(
            user -> {
              byte[] spoiled = user.clone();
              Arrays.fill(spoiled, 20 + 8, 20 + 24, (byte) 'X');
              return List.of(fragment(user, 0, 24, true), fragment(spoiled, 8, 32, false));
            });
    assertThat(sink.dialogue())
        .containsExactly("< 220 ok", "> USER alice", "> PASS ****", "< 230 in");
  }

  @Test
  void ipv4DatagramWithoutItsLastFragmentIsReportedAndIsAGap() {
    RecordingSink sink =
        fragmentedUser(user -> List.of(fragment(user, 0, 8, true), fragment(user, 8, 16, true)));
    assertThat(sink.lines)
        .containsExactly(
            "4 < 220 ok",
            "8 ? the fragments of IPv4 datagram 1 from 10.0.0.1 to 10.0.0.2 (from packet 5) were"
                + " not reassembled: its last fragment is missing; its bytes count as not captured",
            "8 ! LINES_MISSING",
            "7 > PASS ****",
            "8 < 230 in");
  }

  @Test
  void ipv4DatagramsPendingPastTheLimitAreGivenUpOldestFirst() {
    TcpDialogue d = TcpDialogue.ipv4(1, 2).handshake().server("220 ok\r\n");
    for (int id = 0; id <= Ipv4Fragments.MAX_PENDING; id++) {
      byte[] first = CaptureWriter.ipv4(CLIENT, SERVER, 6, new byte[8], 0x2000);
      first[4] = (byte) (id >> 8);
      first[5] = (byte) id;
      d.add(first);
    }
    RecordingSink sink = read(d.packets());
    assertThat(sink.lines)
        .contains(
            (5 + Ipv4Fragments.MAX_PENDING)
                + " ? the fragments of IPv4 datagram 0 from 10.0.0.1 to 10.0.0.2 (from packet 5)"
                + " were not reassembled: more than "
                + Ipv4Fragments.MAX_PENDING
                + " datagrams were pending (its last fragment is missing);"
                + " its bytes count as not captured");
  }

  @ParameterizedTest
  @ValueSource(strings = {"vlan", "qinq", "sll", "sll2", "null-le", "null-be", "raw", "raw228"})
  void linkLayersAreUnwrapped(String link) {
    List<byte[]> packets = login(1, 2).packets();
    int type =
        switch (link) {
          case "vlan", "qinq" -> 1;
          case "sll" -> 113;
          case "sll2" -> 276;
          case "null-le", "null-be" -> 0;
          case "raw" -> 101;
          default -> 228;
        };
    List<byte[]> frames =
        packets.stream()
            .map(
                p ->
                    switch (link) {
                      case "vlan" -> CaptureWriter.ethernet(p, 0x8100);
                      case "qinq" -> CaptureWriter.ethernet(p, 0x88a8, 0x8100);
                      case "sll" -> CaptureWriter.sll(p);
                      case "sll2" -> CaptureWriter.sll2(p);
                      case "null-le" -> CaptureWriter.loopback(p, ByteOrder.LITTLE_ENDIAN);
                      case "null-be" -> CaptureWriter.loopback(p, ByteOrder.BIG_ENDIAN);
                      default -> p;
                    })
            .toList();
    RecordingSink sink =
        RecordingSink.read(CaptureWriter.pcap(frames, type, ByteOrder.LITTLE_ENDIAN, false));
    assertThat(sink.dialogue()).containsExactlyElementsOf(LOGIN);
  }

  @Test
  void ipv6WithHopByHopHeaderIsRead() {
    byte[] client = new byte[16];
    byte[] server = new byte[16];
    client[0] = 0x20;
    client[1] = 0x01;
    client[15] = 1;
    server[15] = 1;
    TcpDialogue d =
        new TcpDialogue(client, 40000, server, 21, 1, 2)
            .handshake()
            .server("220 ready\r\n")
            .client("USER alice\r\n");
    List<byte[]> withExtension =
        d.packets().stream()
            .map(
                p ->
                    CaptureWriter.ipv6(
                        client.clone(), server.clone(), Arrays.copyOfRange(p, 40, p.length), true))
            .toList();
    // addresses in the rebuilt packets: take them from the originals
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < d.packets().size(); i++) {
      byte[] original = d.packets().get(i);
      byte[] rebuilt = withExtension.get(i);
      System.arraycopy(original, 8, rebuilt, 8, 32);
      frames.add(rebuilt);
    }
    RecordingSink sink =
        RecordingSink.read(CaptureWriter.pcap(frames, 229, ByteOrder.BIG_ENDIAN, false));
    assertThat(sink.dialogue()).containsExactly("< 220 ready", "> USER alice");
    assertThat(sink.sessions).containsExactly("[2001::1]:40000 -> [::1]:21");
  }

  @ParameterizedTest
  @ValueSource(strings = {"le-micro", "be-micro", "le-nano", "be-nano"})
  void pcapInEitherByteOrderAndUnit(String kind) {
    ByteOrder order = kind.startsWith("le") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    List<byte[]> frames =
        login(1, 2).packets().stream().map(p -> CaptureWriter.ethernet(p)).toList();
    byte[] file = CaptureWriter.pcap(frames, 1, order, kind.endsWith("nano"));
    assertThat(new PacketCapture().recognise(Arrays.copyOf(file, 16))).isTrue();
    assertThat(RecordingSink.read(file).dialogue()).containsExactlyElementsOf(LOGIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
  void pcapngWithTwoInterfacesOfDifferentLinkTypes(String orderName) {
    ByteOrder order =
        orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    List<byte[]> packets = login(1, 2).packets();
    List<Frame> frames =
        IntStream.range(0, packets.size())
            .mapToObj(
                i ->
                    i % 2 == 0
                        ? new Frame(1, 0, CaptureWriter.ethernet(packets.get(i)))
                        : new Frame(113, 1, CaptureWriter.sll(packets.get(i))))
            .toList();
    byte[] file = CaptureWriter.pcapng(frames, List.of(1, 113), order);
    assertThat(new PacketCapture().recognise(Arrays.copyOf(file, 16))).isTrue();
    assertThat(RecordingSink.read(file).dialogue()).containsExactlyElementsOf(LOGIN);
  }

  @Test
  void truncatedCaptureNamesThePacketAndKeepsWhatWasRead() {
    byte[] file = ethernetPcap(login(1, 2).packets());
    RecordingSink sink = RecordingSink.read(Arrays.copyOf(file, file.length - 5));
    assertThat(sink.lines).contains("4 < 220 ready", "7 > PASS ****");
    assertThat(sink.lines)
        .anyMatch(l -> l.startsWith("8 ? the capture is truncated: packet 8 has "));
  }

  @Test
  void truncatedPcapngNamesThePacket() {
    List<Frame> frames =
        login(1, 2).packets().stream()
            .map(p -> new Frame(1, 0, CaptureWriter.ethernet(p)))
            .toList();
    byte[] file = CaptureWriter.pcapng(frames, List.of(1), ByteOrder.LITTLE_ENDIAN);
    RecordingSink sink = RecordingSink.read(Arrays.copyOf(file, file.length - 9));
    assertThat(sink.lines).contains("7 > PASS ****");
    assertThat(sink.lines).anyMatch(l -> l.startsWith("8 ? the capture is truncated: packet 8"));
  }

  @Test
  void garbageNeverThrows() {
    byte[] file = ethernetPcap(login(1, 2).packets());
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 300; round++) {
      byte[] damaged = file.clone();
      for (int i = 0; i < 20; i++) {
        damaged[24 + random.nextInt(damaged.length - 24)] = (byte) random.nextInt();
      }
      RecordingSink.read(damaged);
    }
  }
}
