package io.ftpseq.benchmark.micro;

import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.transcript.TranscriptFormat;
import io.ftpseq.transcript.TranscriptFormats;
import java.util.ArrayList;
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
 * Assembling reply lines into replies ({@link ReplyAssembler}): the reply lines of every text
 * format's samples (64 KiB of each, repeated), one-line and multi-line replies as the readers met
 * them, in order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplyAssemblyBenchmark {

  private String[] replyLines;
  private long bytes;

  /** Reads every format's samples and keeps the lines of their replies. */
  @Setup
  public void setUp() {
    List<String> lines = new ArrayList<>();
    for (TranscriptFormat format : TranscriptFormats.ALL) {
      for (SessionEvent event :
          RealisticInputs.events(format.name(), RealisticInputs.samples(format.name(), 1 << 16))) {
        if (event instanceof ReplyReceived received) {
          lines.addAll(received.reply().lines());
        }
      }
    }
    replyLines = lines.toArray(String[]::new);
    bytes = lines.stream().mapToLong(line -> line.length() + 2).sum();
  }

  /** Gives every line to one assembler, as a reader of one session does. */
  @Benchmark
  public void assemble(ThroughputCounter counter, Blackhole blackhole) {
    ReplyAssembler assembler = new ReplyAssembler();
    for (String line : replyLines) {
      blackhole.consume(assembler.accept(line));
    }
    blackhole.consume(assembler.flush());
    counter.add(bytes, replyLines.length);
  }
}
