package io.ftpseq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ftpseq proxy} run in-process on a thread of its own through the real entry point, with
 * {@code --listen 127.0.0.1:0}: the port it bound is read from its "listening on" line.
 */
final class ProxyRun {

  // the first address on the first line, "listening on 127.0.0.1:PORT" in any language
  private static final Pattern LISTENING = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

  private final StringWriter out = new StringWriter();
  private final Watching err = new Watching();
  private final CompletableFuture<Integer> exit;

  private ProxyRun(String... args) {
    exit =
        CompletableFuture.supplyAsync(
            () -> Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
  }

  /** Starts {@code ftpseq proxy ARGS --listen 127.0.0.1:0}. */
  static ProxyRun start(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "proxy";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--listen";
    all[args.length + 2] = "127.0.0.1:0";
    return new ProxyRun(all);
  }

  /** The port the proxy listens on, once it does (at most ten seconds). */
  int port() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(err.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (exit.isDone()) {
        throw new AssertionError("the proxy ended: " + err + out);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the proxy did not start listening: " + err);
  }

  /** Waits for the proxy to end (at most thirty seconds) and returns how it ended. */
  CliRun end() throws Exception {
    int code = exit.get(30, TimeUnit.SECONDS);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A writer whose content can be read while it is written to. */
  private static final class Watching extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public synchronized String toString() {
      return text.toString();
    }
  }
}
