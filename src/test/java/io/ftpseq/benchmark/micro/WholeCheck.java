package io.ftpseq.benchmark.micro;

import io.ftpseq.transcript.TranscriptChecker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.openjdk.jmh.infra.Blackhole;

/** The whole check of an input's bytes, as {@code ftpseq check} runs it, for the benchmarks. */
final class WholeCheck {

  private WholeCheck() {}

  /** Checks the bytes, every session and the summary consumed by the black hole. */
  static void run(TranscriptChecker checker, byte[] input, Blackhole blackhole) throws IOException {
    blackhole.consume(
        checker.check(
            "benchmark",
            new ByteArrayInputStream(input),
            (order, session) -> blackhole.consume(session)));
  }
}
