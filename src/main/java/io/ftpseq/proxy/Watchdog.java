package io.ftpseq.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One thread that ends whatever has waited too long: a session idle past its timeout, a data
 * connection never opened or stalled. Blocking reads and writes cannot time out on their own in
 * every case (a peer that stops reading blocks a write for ever), so the watchdog closes the
 * sockets, which wakes every thread blocked on them.
 */
final class Watchdog implements AutoCloseable {

  /** Something with a deadline. */
  interface Watched {
    /** Whether it has waited too long at {@code now} ({@link System#nanoTime()}). */
    boolean expired(long now);

    /** Ends it; called once, from the watchdog's thread. */
    void expire();
  }

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;
  private final ScheduledFuture<?> looking;

  /** A watchdog that looks every {@code period}. */
  Watchdog(Duration period) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "ftpseq-proxy-watchdog");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    long millis = Math.max(10, period.toMillis());
    this.looking =
        executor.scheduleWithFixedDelay(this::look, millis, millis, TimeUnit.MILLISECONDS);
    this.timer = executor;
  }

  void watch(Watched item) {
    watched.add(item);
  }

  void forget(Watched item) {
    watched.remove(item);
  }

  private void look() {
    long now = System.nanoTime();
    List<Watched> due = new ArrayList<>();
    for (Watched item : watched) {
      if (item.expired(now)) {
        due.add(item);
      }
    }
    for (Watched item : due) {
      if (watched.remove(item)) {
        try {
          item.expire();
        } catch (RuntimeException e) {
          // one item's failure must not stop the watchdog for the others
        }
      }
    }
  }

  @Override
  public void close() {
    looking.cancel(false);
    timer.shutdownNow();
    watched.clear();
  }

  /** A timeout as messages show it: {@code 400 ms}, {@code 90 s}. */
  static String shown(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
