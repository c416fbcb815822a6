package io.ftpseq.benchmark.micro;

import io.ftpseq.transcript.TranscriptFormats;
import java.util.List;
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
 * Format detection as the checker runs it once per input: every format scores the first 40
 * non-blank lines. One operation detects the heads of all the sample files ({@code lines} counts
 * the head lines looked at).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FormatDetectionBenchmark {

  private List<List<String>> heads;
  private long bytes;
  private long lines;

  /** Reads the first lines of every sample. */
  @Setup
  public void setUp() {
    heads = RealisticInputs.sampleHeads();
    for (List<String> head : heads) {
      lines += head.size();
      bytes += head.stream().mapToLong(line -> line.length() + 1).sum();
    }
  }

  /** Detects the format of every sample from its head. */
  @Benchmark
  public void detect(ThroughputCounter counter, Blackhole blackhole) {
    for (List<String> head : heads) {
      blackhole.consume(TranscriptFormats.detect(head));
    }
    counter.add(bytes, lines);
  }
}
