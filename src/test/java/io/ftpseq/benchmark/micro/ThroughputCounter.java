package io.ftpseq.benchmark.micro;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the megabytes (10^6 bytes) and lines a benchmark worked through, so that JMH reports them
 * as rates beside its operations: {@code megabytes} per second is MB/s whatever the input's size.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ThroughputCounter {

  /** Megabytes (10^6 bytes) worked through in the iteration. */
  public double megabytes;

  /** Lines (or packets) worked through in the iteration. */
  public long lines;

  /** Starts each iteration from zero. */
  @Setup(Level.Iteration)
  public void clear() {
    megabytes = 0;
    lines = 0;
  }

  void add(long bytes, long lineCount) {
    megabytes += bytes / 1e6;
    lines += lineCount;
  }
}
