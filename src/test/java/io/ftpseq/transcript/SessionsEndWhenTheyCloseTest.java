package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.benchmark.CaptureThroughput;
import io.ftpseq.rules.ServerProfiles;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose record shows it over is handed on when it closes, not when the input ends (or
 * 10,000 sessions later): a capture's control connection closed with all its data connections, a
 * Zeek connection's QUIT answered 221, a Suricata flow's flow event or QUIT answered 221. So
 * reports written as the run goes get it at once, and its memory is freed.
 */
class SessionsEndWhenTheyCloseTest {

  private static final String ZEEK_HEAD =
      String.join(
          "\n",
          "#separator \\x09",
          "#path\tftp",
          "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tuser\tpassword\tcommand"
              + "\targ\tmime_type\tfile_size\treply_code\treply_msg\tdata_channel.passive"
              + "\tdata_channel.orig_h\tdata_channel.resp_h\tdata_channel.resp_p\tfuid",
          "");

  @Test
  void aCapturedConnectionEndsWhenItAndItsDataConnectionsClose(@TempDir Path dir)
      throws IOException {
    Path capture = dir.resolve("ftp.pcap");
    CaptureThroughput.generate(capture, 2_000_000); // the recorded session again and again
    List<Long> readAtEachEnd = check(capture);
    assertThat(readAtEachEnd).hasSizeGreaterThan(100);
    assertThat(readAtEachEnd.get(0)).isLessThan(Files.size(capture) / 2);
  }

  @Test
  void aZeekConnectionEndsAtItsQuitAnswered221(@TempDir Path dir) throws IOException {
    StringBuilder log = new StringBuilder(ZEEK_HEAD);
    log.append(row("Cq1", 40001, "<init>", "-", "220", "ready"))
        .append(row("Cq1", 40001, "USER", "alice", "331", "password?"))
        .append(row("Cq1", 40001, "QUIT", "-", "221", "Goodbye."));
    for (int i = 0; i < 20_000; i++) {
      log.append(row("Cr2", 40002, "NOOP", "-", "200", "NOOP ok."));
    }
    Path file = dir.resolve("ftp.log");
    Files.writeString(file, log, StandardCharsets.UTF_8);
    List<Long> readAtEachEnd = check(file);
    assertThat(readAtEachEnd).hasSize(2);
    assertThat(readAtEachEnd.get(0)).isLessThan(Files.size(file) / 2);
  }

  @Test
  void aSuricataFlowEndsAtItsFlowEventOrItsQuitAnswered221(@TempDir Path dir) throws IOException {
    StringBuilder log = new StringBuilder();
    log.append(eve(1, 40001, 0, null, "220", "ready"))
        .append(eve(1, 40001, 1, "\"command\":\"USER\",\"command_data\":\"alice\",", "331", "pw?"))
        .append(eve(2, 40002, 0, null, "220", "ready"))
        .append(
            "{\"timestamp\":\"2026-11-23T08:50:09.000000+0000\",\"flow_id\":1,"
                + "\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\",\"src_port\":40001,"
                + "\"dest_ip\":\"10.0.0.2\",\"dest_port\":21,\"proto\":\"TCP\","
                + "\"app_proto\":\"ftp\",\"flow\":{\"pkts_toserver\":6,\"pkts_toclient\":5,"
                + "\"start\":\"2026-11-23T08:50:00.000000+0000\","
                + "\"end\":\"2026-11-23T08:50:01.000000+0000\",\"age\":1,"
                + "\"state\":\"established\",\"reason\":\"timeout\",\"alerted\":false}}\n")
        .append(eve(2, 40002, 1, "\"command\":\"QUIT\",", "221", "Goodbye."));
    for (int i = 0; i < 20_000; i++) {
      log.append(eve(3, 40003, i, "\"command\":\"NOOP\",", "200", "NOOP ok."));
    }
    Path file = dir.resolve("eve.json");
    Files.writeString(file, log, StandardCharsets.UTF_8);
    List<Long> readAtEachEnd = check(file);
    assertThat(readAtEachEnd).hasSize(3);
    assertThat(readAtEachEnd.get(1)).isLessThan(Files.size(file) / 2);
  }

  /** An EVE ftp event of a flow: its command fields (or none) and its one reply. */
  private static String eve(int flow, int port, int tx, String command, String code, String text) {
    return "{\"timestamp\":\"2026-11-23T08:50:00.000000+0000\",\"flow_id\":"
        + flow
        + ",\"event_type\":\"ftp\",\"src_ip\":\"10.0.0.1\",\"src_port\":"
        + port
        + ",\"dest_ip\":\"10.0.0.2\",\"dest_port\":21,\"proto\":\"TCP\",\"tx_id\":"
        + tx
        + ",\"ftp\":{"
        + (command == null ? "" : command)
        + "\"completion_code\":[\""
        + code
        + "\"],\"reply\":[\""
        + text
        + "\"],\"reply_received\":\"yes\"}}\n";
  }

  private static String row(
      String uid, int port, String command, String arg, String code, String message) {
    return String.join(
            "\t",
            "1795467910.201344",
            uid,
            "10.0.0.1",
            Integer.toString(port),
            "10.0.0.2",
            "21",
            "alice",
            "-",
            command,
            arg,
            "-",
            "-",
            code,
            message,
            "-",
            "-",
            "-",
            "-",
            "-")
        + "\n";
  }

  /** Checks the input and returns how many of its bytes had been read when each session ended. */
  private static List<Long> check(Path input) throws IOException {
    List<Long> readAtEachEnd = new ArrayList<>();
    long[] read = {0};
    try (InputStream in =
        new FilterInputStream(Files.newInputStream(input)) {
          @Override
          public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            read[0] += Math.max(n, 0);
            return n;
          }
        }) {
      new TranscriptChecker(ServerProfiles.RFC, null)
          .check(input.toString(), in, (order, session) -> readAtEachEnd.add(read[0]));
    }
    return readAtEachEnd;
  }
}
