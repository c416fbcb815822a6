package io.ftpseq.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.cli.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's generated capture is a capture ftpseq reads as it reads a real one: each copy of
 * the recorded session has its data connections, each to the end its PASV announced, so the
 * benchmark measures the matching of data connections too.
 */
class GeneratedCaptureTest {

  @Test
  void everyTransferOfAGeneratedCaptureHasItsDataConnection(@TempDir Path dir) throws IOException {
    Path capture = dir.resolve("generated.pcap");
    long[] counts = CaptureThroughput.generate(capture, 40_000);
    CliRun run = CliRun.of("check", "--lang", "en", "--report", "json", capture.toString());
    JsonNode report = new ObjectMapper().readTree(run.out());

    assertThat(run.err()).isEmpty();
    assertThat(report.path("sessions")).hasSize((int) counts[1]).hasSizeGreaterThan(3);
    for (JsonNode session : report.path("sessions")) {
      List<String> kinds = new ArrayList<>();
      session.path("notes").forEach(n -> kinds.add(n.path("kind").asText()));
      assertThat(kinds)
          .as(session.path("session").asText())
          .containsExactly(
              "DATA_OPENED",
              "DATA_CLOSED",
              "DATA_OPENED",
              "DATA_CLOSED",
              "DATA_OPENED",
              "DATA_CLOSED");
      assertThat(session.path("findings")).isEmpty();
      assertThat(session.path("problems")).isEmpty();
    }
    assertThat(report.path("inputProblems")).isEmpty();
    assertThat(report.at("/inputs/0/problems").asInt()).isZero();
  }
}
