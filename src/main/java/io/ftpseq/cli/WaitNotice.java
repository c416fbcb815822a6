package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.listing.FileKind;
import io.ftpseq.report.UnsafeCharacters;
import io.ftpseq.session.Phrase;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One line on standard error when an input gives nothing for a few seconds: opening a FIFO waits
 * for a writer, and reading a terminal or a pipe waits for its first bytes, without a word, so a
 * run that waits looks like one that hangs. The line names the input once; the input is still read
 * when its bytes come. Regular files never wait, so they are opened as they are.
 */
final class WaitNotice {

  /** How long an input may give nothing before the line is written. */
  static final Duration PATIENCE = Duration.ofSeconds(3);

  /** Opens an input, which may wait. */
  @FunctionalInterface
  interface Opener {
    /** The opened input; opening it may wait, as a FIFO's does for a writer. */
    InputStream open() throws IOException;
  }

  private final Consumer<String> say;
  private final String command;
  private final Duration patience;
  private final Explainer explainer;

  private WaitNotice(Consumer<String> say, String command, Duration patience, Explainer explainer) {
    this.say = say;
    this.command = command;
    this.patience = patience;
    this.explainer = explainer;
  }

  /**
   * Notices that {@code command} ({@code "ftpseq"}, {@code "ftpseq simulate"}) writes to {@code
   * err} after {@link #PATIENCE}, in the language of {@code explainer}; none at all when {@code
   * silent} ({@code --quiet}).
   */
  static WaitNotice on(PrintWriter err, String command, boolean silent, Explainer explainer) {
    return on(
        line -> {
          err.println(line);
          err.flush();
        },
        command,
        silent,
        explainer);
  }

  /**
   * Notices said through {@code say}, as a run that draws a progress line says every line ({@link
   * Progress#say}: above it, never inside it).
   */
  static WaitNotice on(Consumer<String> say, String command, boolean silent, Explainer explainer) {
    return new WaitNotice(silent ? null : say, command, PATIENCE, explainer);
  }

  /** What a notice calls standard input. */
  static Phrase standardInput() {
    return Phrase.of("wait.standardInput");
  }

  /** What a notice calls a named input of a kind that may wait: {@code logs/pipe, a FIFO}. */
  static Phrase named(String name, FileKind kind) {
    return Phrase.of("wait.named", name, kind.description());
  }

  /**
   * Opens an input and returns it; if neither the opening nor the first read has given anything
   * after the patience, says once that the run waits for {@code what} ({@code "the FIFO (named
   * pipe) logs/pipe"}, {@code "standard input"}).
   */
  InputStream open(Phrase what, Opener opener) throws IOException {
    if (say == null) {
      return opener.open();
    }
    AtomicBoolean waiting = new AtomicBoolean(true);
    CompletableFuture<Void> notice =
        CompletableFuture.runAsync(
            () -> {
              if (waiting.getAndSet(false)) {
                // the input's name shown as every line on standard error shows it
                say.accept(
                    UnsafeCharacters.oneLine(
                        command
                            + ": "
                            + explainer.text(
                                "wait.waiting",
                                explainer.say(what),
                                String.valueOf(patience.toSeconds()))));
              }
            },
            CompletableFuture.delayedExecutor(
                patience.toMillis(), TimeUnit.MILLISECONDS, WaitNotice::onItsOwnThread));
    Runnable came =
        () -> {
          waiting.set(false);
          notice.cancel(false);
        };
    boolean opened = false;
    try {
      InputStream in = new FirstRead(opener.open(), came);
      opened = true;
      return in;
    } finally {
      if (!opened) {
        came.run();
      }
    }
  }

  /**
   * Runs the notice on a thread of its own, which cannot keep the run alive: the common pool may be
   * busy with the check itself.
   */
  private static void onItsOwnThread(Runnable notice) {
    Thread thread = new Thread(notice, "ftpseq-wait-notice");
    thread.setDaemon(true);
    thread.start();
  }

  /** An input that calls {@code came} when its first read returns, whatever it returns. */
  private static final class FirstRead extends FilterInputStream {
    private Runnable came;

    FirstRead(InputStream in, Runnable came) {
      super(in);
      this.came = came;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } finally {
        settle();
      }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      try {
        return super.read(bytes, offset, length);
      } finally {
        settle();
      }
    }

    @Override
    public void close() throws IOException {
      settle();
      super.close();
    }

    private void settle() {
      if (came != null) {
        came.run();
        came = null;
      }
    }
  }
}
