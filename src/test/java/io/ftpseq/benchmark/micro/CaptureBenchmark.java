package io.ftpseq.benchmark.micro;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.transcript.CaptureFormat;
import io.ftpseq.transcript.LineTally;
import io.ftpseq.transcript.TranscriptChecker;
import io.ftpseq.transcript.TranscriptFormats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pcap reader on 8 MiB of a generated capture (the recorded loopback session repeated with new
 * addresses, as {@code scripts/benchmark pcap} makes it): {@code read} is the reader alone into a
 * counting sink (frames, IPv4, TCP reassembly, FTP lines), {@code check} the whole check with one
 * validator per connection. {@code lines} counts packets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CaptureBenchmark {

  private final CaptureFormat pcap = TranscriptFormats.capture("pcap").orElseThrow();
  private byte[] capture;
  private long packets;
  private TranscriptChecker checker;

  /** Generates the capture and counts its packets. */
  @Setup
  public void setUp() throws IOException {
    capture = RealisticInputs.generated("pcap", 8);
    LineTally tally = new LineTally();
    pcap.read("benchmark", new ByteArrayInputStream(capture), new CountingSink(), tally);
    packets = tally.read();
    checker = new TranscriptChecker(ServerProfiles.RFC, null, pcap);
  }

  /** Reads every packet into a counting sink. */
  @Benchmark
  public long read(ThroughputCounter counter) throws IOException {
    CountingSink sink = new CountingSink();
    pcap.read("benchmark", new ByteArrayInputStream(capture), sink, new LineTally());
    counter.add(capture.length, packets);
    return sink.total();
  }

  /** Checks the capture as {@code ftpseq check} does. */
  @Benchmark
  public void check(ThroughputCounter counter, Blackhole blackhole) throws IOException {
    WholeCheck.run(checker, capture, blackhole);
    counter.add(capture.length, packets);
  }
}
