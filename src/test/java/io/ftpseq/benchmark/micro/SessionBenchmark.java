package io.ftpseq.benchmark.micro;

import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionState;
import io.ftpseq.rules.Transitions;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.Exchange;
import io.ftpseq.session.ExchangePairer;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.ArrayList;
import java.util.List;
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
 * One session's events through the sequence model, in three stages: pairing commands with replies
 * ({@link ExchangePairer}), the state transition alone ({@link Transitions#after}) over the paired
 * exchanges, and the whole {@link Validator} (pairing, every rule, the server model, the
 * transition). The events are what the Commons Net reader makes of 1 MiB: a generated log ({@code
 * generated}: one long session, a finding every 1,000 commands) or the dialogue samples repeated
 * ({@code samples}: many findings, multi-line and pipelined replies). {@code lines} counts events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionBenchmark {

  /** Where the events come from. */
  @Param({"generated", "samples"})
  public String input;

  private List<SessionEvent> events;
  private List<Exchange> exchanges;
  private long bytes;

  /** Reads the input into events and pairs them once for the transition benchmark. */
  @Setup
  public void setUp() {
    byte[] log =
        input.equals("generated")
            ? RealisticInputs.generated("commons-net", 1)
            : RealisticInputs.samples("dialogue", RealisticInputs.READER_BYTES);
    bytes = log.length;
    events = RealisticInputs.events(input.equals("generated") ? "commons-net" : "dialogue", log);
    exchanges = new ArrayList<>();
    ExchangePairer pairer = new ExchangePairer(pairedInto(exchanges));
    events.forEach(pairer::accept);
    pairer.finish();
  }

  /** Pairs every command with its replies. */
  @Benchmark
  public void pair(ThroughputCounter counter, Blackhole blackhole) {
    ExchangePairer pairer =
        new ExchangePairer(
            new ExchangePairer.Listener() {
              @Override
              public void exchange(Exchange exchange) {
                blackhole.consume(exchange);
              }

              @Override
              public void note(Note note) {
                blackhole.consume(note);
              }
            });
    events.forEach(pairer::accept);
    pairer.finish();
    counter.add(bytes, events.size());
  }

  /** Moves the state through every exchange. */
  @Benchmark
  public SessionState transition(ThroughputCounter counter) {
    SessionState state = SessionState.initial();
    for (Exchange exchange : exchanges) {
      if (exchange.command() != null) {
        List<ReplyReceived> replies = exchange.replies();
        Reply last = replies.isEmpty() ? null : replies.get(replies.size() - 1).reply();
        state = Transitions.after(state, exchange.command(), last);
      }
    }
    counter.add(bytes, events.size());
    return state;
  }

  /** Validates the session: pairing, rules, the server model and the transition. */
  @Benchmark
  public Object validate(ThroughputCounter counter) {
    Validator validator = new Validator("benchmark", "", "commons-net", ServerProfiles.RFC);
    events.forEach(validator::accept);
    counter.add(bytes, events.size());
    return validator.finish();
  }

  private static ExchangePairer.Listener pairedInto(List<Exchange> exchanges) {
    return new ExchangePairer.Listener() {
      @Override
      public void exchange(Exchange exchange) {
        exchanges.add(exchange);
      }

      @Override
      public void note(Note note) {}
    };
  }
}
