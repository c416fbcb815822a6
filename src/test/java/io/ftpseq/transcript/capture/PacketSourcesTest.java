package io.ftpseq.transcript.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Source;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketSourcesTest {

  @Test
  void timeIsWrittenAsInstantWritesIt() {
    PacketSources sources = new PacketSources("c.pcap");
    Random random = new Random(7);
    long[] edges = {
      0,
      1,
      999,
      1_000,
      1_000_000,
      999_999_999,
      1_000_000_000,
      253_402_300_799L,
      -1,
      -86_400_000_000_001L
    };
    for (int i = 0; i < 200_000; i++) {
      long second =
          i < edges.length ? edges[i] : 1_700_000_000L + random.nextInt(i % 3 == 0 ? 3 : 100_000);
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      long nanos = i < edges.length ? edges[i] : second * 1_000_000_000L + nano;

      assertThat(sources.time(nanos)).isEqualTo(Instant.ofEpochSecond(0, nanos).toString());
    }
  }

  @Test
  void packetOfAKnownTimeHasIt() {
    PacketSources sources = new PacketSources("c.pcap");
    sources.time(1, 1_700_000_000_250_000_000L);
    sources.time(2, FrameSink.NO_TIME);

    assertThat(sources.at(1))
        .isEqualTo(new Source("c.pcap", 1, Source.Unit.PACKET, "2023-11-14T22:13:20.250Z"));
    assertThat(sources.at(2)).isEqualTo(Source.packet("c.pcap", 2));
    assertThat(sources.at(3)).isEqualTo(Source.packet("c.pcap", 3));
  }
}
