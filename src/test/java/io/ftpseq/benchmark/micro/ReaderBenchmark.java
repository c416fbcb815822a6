package io.ftpseq.benchmark.micro;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.transcript.TranscriptChecker;
import io.ftpseq.transcript.TranscriptFormat;
import io.ftpseq.transcript.TranscriptParser;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every text reader on about 1 MiB of its own samples, repeated: {@code parse} gives the reader
 * lines already split (its own work only, into a counting sink), {@code check} runs the whole check
 * of the bytes as {@code ftpseq check} does (line splitting, the reader, one validator per
 * session). The {@code megabytes} counter is MB/s, comparable across formats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReaderBenchmark {

  /** The format read; its samples are under {@code samples/FORMAT/}. */
  @Param({
    "dialogue",
    "commons-net",
    "curl",
    "ftplib",
    "lftp",
    "ftp",
    "filezilla",
    "winscp",
    "fluentftp",
    "vsftpd",
    "zeek",
    "pure-ftpd",
    "proftpd",
    "pyftpdlib",
    "apache-ftpserver",
    "filezilla-server",
    "iis",
    "suricata"
  })
  public String format;

  private TranscriptFormat reader;
  private byte[] input;
  private String[] lines;
  private TranscriptChecker checker;

  /** Builds the input from the format's samples. */
  @Setup
  public void setUp() {
    reader = RealisticInputs.format(format);
    input = RealisticInputs.samples(format, RealisticInputs.READER_BYTES);
    lines = RealisticInputs.lines(input);
    checker = new TranscriptChecker(ServerProfiles.RFC, reader);
  }

  /** The reader's own work on lines already split. */
  @Benchmark
  public long parse(ThroughputCounter counter) {
    CountingSink sink = new CountingSink();
    TranscriptParser parser = reader.parser("benchmark", sink);
    for (int i = 0; i < lines.length; i++) {
      parser.line(i + 1, lines[i]);
    }
    parser.end(lines.length);
    counter.add(input.length, lines.length);
    return sink.total();
  }

  /** The whole check of the input's bytes, as {@code ftpseq check --format FORMAT} runs it. */
  @Benchmark
  public void check(ThroughputCounter counter, Blackhole blackhole) throws IOException {
    WholeCheck.run(checker, input, blackhole);
    counter.add(input.length, lines.length);
  }
}
