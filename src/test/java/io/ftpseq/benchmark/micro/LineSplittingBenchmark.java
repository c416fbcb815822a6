package io.ftpseq.benchmark.micro;

import io.ftpseq.transcript.TranscriptLines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Splitting bytes into decoded lines as every text reader gets them, on 4 MiB of a generated log:
 * short lines (a Commons Net client log, about 25 bytes a line) and long ones (a vsftpd protocol
 * log, about 95).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LineSplittingBenchmark {

  /** The generated log split. */
  @Param({"commons-net", "vsftpd"})
  public String kind;

  private byte[] input;
  private NavigableSet<Long> lastLine;
  private long lines;

  /** Generates the log. */
  @Setup
  public void setUp() {
    input = RealisticInputs.generated(kind, 4);
    lines = RealisticInputs.lines(input).length;
    lastLine = new TreeSet<>(java.util.List.of(lines));
  }

  /** Splits and decodes every line of the input. */
  @Benchmark
  public Object split(ThroughputCounter counter) throws IOException {
    Object last = TranscriptLines.read(new ByteArrayInputStream(input), lastLine);
    counter.add(input.length, lines);
    return last;
  }
}
