package io.ftpseq.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Batches made ahead come in order, then the end; however the making thread ends (a failure, an
 * interrupt from outside, closing), the taking thread hears of it instead of waiting forever.
 */
class BatchesAheadTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  @Test
  void givesTheBatchesInOrderThenTheEnd() {
    List<Integer> taken = new ArrayList<>();
    try (BatchesAhead<Integer> ahead =
        new BatchesAhead<>(
            "test-ahead",
            2,
            out -> {
              for (int i = 0; i < 1_000; i++) {
                out.put(i);
              }
            })) {
      for (Integer batch; (batch = ahead.take()) != null; ) {
        taken.add(batch);
      }
      assertThat(ahead.take()).isNull();
    }
    assertThat(taken).hasSize(1_000).isSorted().startsWith(0, 1, 2).endsWith(999);
  }

  @Test
  void aFailureComesAfterTheBatchesMadeBeforeIt() {
    List<String> taken = new ArrayList<>();
    try (BatchesAhead<String> ahead =
        new BatchesAhead<>(
            "test-ahead",
            1,
            out -> {
              out.put("a");
              out.put("b");
              throw new IllegalArgumentException("bad batch");
            })) {
      assertThatThrownBy(
              () -> {
                for (String batch; (batch = ahead.take()) != null; ) {
                  taken.add(batch);
                }
              })
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad batch");
    }
    assertThat(taken).containsExactly("a", "b");
  }

  @Test
  void anErrorAndACheckedFailureReachTheTaker() {
    try (BatchesAhead<String> ahead =
        new BatchesAhead<>(
            "test-ahead",
            1,
            out -> {
              throw new OutOfMemoryError("Java heap space");
            })) {
      assertThatThrownBy(ahead::take)
          .isInstanceOf(OutOfMemoryError.class)
          .hasMessage("Java heap space");
    }
    try (BatchesAhead<String> ahead =
        new BatchesAhead<>(
            "test-ahead",
            1,
            out -> {
              throw new IOException("disk gone");
            })) {
      assertThatThrownBy(ahead::take)
          .isInstanceOf(BatchesAhead.MakerFailedException.class)
          .hasMessage("test-ahead failed: java.io.IOException: disk gone")
          .hasCauseInstanceOf(IOException.class);
    }
  }

  /** The maker's thread interrupted by someone else, while it waits for room. */
  @Test
  void aMakerInterruptedFromOutsideDoesNotLeaveTheTakerWaiting() throws InterruptedException {
    CountDownLatch waiting = new CountDownLatch(1);
    Thread[] maker = new Thread[1];
    try (BatchesAhead<String> ahead =
        new BatchesAhead<>(
            "test-ahead",
            1,
            out -> {
              maker[0] = Thread.currentThread();
              out.put("first");
              waiting.countDown();
              out.put("second"); // no room until "first" is taken
            })) {
      waiting.await();
      maker[0].interrupt();
      assertTimeoutPreemptively(
          BOUND,
          () -> {
            assertThat(ahead.take()).isEqualTo("first");
            // the interrupt may come as taking "first" made room: "second" then went through
            assertThatThrownBy(
                    () -> {
                      String next = ahead.take();
                      assertThat(next).isEqualTo("second");
                      ahead.take();
                    })
                .isInstanceOf(BatchesAhead.MakerFailedException.class)
                .hasCauseInstanceOf(InterruptedException.class);
          });
    }
  }

  @Test
  void anInterruptStillPendingAfterTheLastBatchIsHeardNotTakenForTheEnd() {
    // what an interrupt that comes as the taker makes room leaves: the put went through, the
    // interrupt stays pending, and the end mark could not be put
    try (BatchesAhead<String> ahead =
        new BatchesAhead<>(
            "test-ahead",
            1,
            out -> {
              out.put("only");
              Thread.currentThread().interrupt();
            })) {
      assertTimeoutPreemptively(
          BOUND,
          () -> {
            assertThat(ahead.take()).isEqualTo("only");
            assertThatThrownBy(ahead::take)
                .isInstanceOf(BatchesAhead.MakerFailedException.class)
                .hasCauseInstanceOf(InterruptedException.class);
          });
    }
  }

  @Test
  void closingStopsAMakerThatWaitsForRoom() throws InterruptedException {
    CountDownLatch waiting = new CountDownLatch(1);
    Thread[] maker = new Thread[1];
    BatchesAhead<Integer> ahead =
        new BatchesAhead<>(
            "test-ahead",
            1,
            out -> {
              maker[0] = Thread.currentThread();
              waiting.countDown();
              for (int i = 0; ; i++) {
                out.put(i);
              }
            });
    waiting.await();
    assertThat(ahead.take()).isZero();
    ahead.close();
    assertThat(maker[0].isAlive()).isFalse();
  }
}
