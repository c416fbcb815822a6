package io.ftpseq.proxy;

import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A validating FTP proxy: accepts FTP clients, relays each session to the real server, control and
 * data connections alike, and checks it as it goes with the same rules and server profiles as
 * {@code ftpseq check}, telling its {@link ProxyEvents} each finding as it happens.
 *
 * <pre>{@code
 * ProxySettings settings =
 *     ProxySettings.of(new InetSocketAddress("127.0.0.1", 2121), new InetSocketAddress(host, 21));
 * try (FtpProxy proxy = FtpProxy.start(settings, events)) {
 *   // point the client at 127.0.0.1:2121
 *   proxy.awaitClosed(1, Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * <p>Each session is on its own threads and sockets: a client or server that misbehaves (closes
 * early, stalls, sends an overlong line or garbage) ends only its own session. At most {@link
 * ProxySettings#maxSessions()} sessions are open at once. {@link #close()} ends every session and
 * waits until each has written its record.
 */
public final class FtpProxy implements AutoCloseable {

  /** How long {@link #close()} waits for the sessions to finish their records. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final ProxyContext context;
  private final ServerSocket listener;
  private final Set<ProxySession> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nextNumber;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition sessionEnded = lock.newCondition();
  private final Thread acceptor;
  private int closedSessions;
  private volatile boolean stopping;

  private FtpProxy(ProxyContext context, ServerSocket listener, int firstNumber) {
    this.context = context;
    this.listener = listener;
    this.nextNumber = new AtomicInteger(firstNumber);
    this.acceptor = new Thread(this::accept, "ftpseq-proxy-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
  }

  /**
   * Starts a proxy: binds its listening address and accepts clients on a thread of its own.
   *
   * @throws IOException when the address cannot be bound or the record directory made
   */
  public static FtpProxy start(ProxySettings settings, ProxyEvents events) throws IOException {
    RecordDirectory records =
        settings.recordDirectory() == null
            ? null
            : RecordDirectory.open(settings.recordDirectory());
    ServerSocket listener = new ServerSocket();
    try {
      listener.bind(settings.listen(), 64);
    } catch (IOException e) {
      listener.close();
      throw new CannotStart(
          Phrase.of(
              "proxy.start.cannotListen",
              SessionInfo.show(settings.listen()),
              String.valueOf(e.getMessage())),
          e);
    }
    Duration tick = shortest(settings).dividedBy(4);
    ProxyContext context =
        new ProxyContext(
            settings,
            threads(listener.getLocalPort()),
            new Watchdog(tick.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : tick),
            new DataPorts(settings.dataPorts()),
            events,
            records);
    FtpProxy proxy =
        new FtpProxy(context, listener, records == null ? 1 : records.nextSessionNumber());
    proxy.acceptor.start();
    return proxy;
  }

  /** The address clients connect to, with the port bound when the settings asked for port 0. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  /** The settings the proxy runs with. */
  public ProxySettings settings() {
    return context.settings();
  }

  /** How many sessions are open now. */
  public int openSessions() {
    return open.size();
  }

  /**
   * Waits until {@code count} sessions in all have ended and written their records.
   *
   * @return whether that happened within {@code timeout}
   */
  public boolean awaitClosed(int count, Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (closedSessions < count) {
        if (nanos <= 0) {
          return false;
        }
        nanos = sessionEnded.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting clients, ends every open session (the client is told with 421), and waits up to
   * ten seconds until each has written its record. Threads and sockets are all released.
   */
  @Override
  public void close() {
    if (stopping) {
      return;
    }
    stopping = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing is best effort
    }
    List<ProxySession> sessions = new ArrayList<>(open);
    for (ProxySession session : sessions) {
      session.stop(Phrase.of("proxy.end.shuttingDown"));
    }
    try {
      awaitNoneOpen(CLOSE_WAIT);
      acceptor.join(CLOSE_WAIT.toMillis());
      context.threads().shutdownNow();
      context.threads().awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      context.watchdog().close();
    }
  }

  private void awaitNoneOpen(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!open.isEmpty() && nanos > 0) {
        nanos = sessionEnded.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }

  private void accept() {
    while (!stopping) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!stopping) {
          pause(); // out of descriptors, say: wait a little rather than spin
        }
        continue;
      }
      admit(client);
    }
  }

  private void admit(Socket client) {
    int max = context.settings().maxSessions();
    if (open.size() >= max) {
      turnAway(client, Phrase.of("proxy.turnAway.full", Integer.toString(max)));
      return;
    }
    String id = "s" + nextNumber.getAndIncrement();
    try {
      ProxySession session = new ProxySession(context, id, client, this::ended);
      open.add(session);
      context.threads().execute(session);
    } catch (IOException | RuntimeException e) {
      turnAway(client, Phrase.of("proxy.turnAway.cannotStart", String.valueOf(e.getMessage())));
    }
  }

  private void ended(ProxySession session) {
    lock.lock();
    try {
      open.remove(session);
      closedSessions++;
      sessionEnded.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void turnAway(Socket client, Phrase why) {
    InetSocketAddress address = (InetSocketAddress) client.getRemoteSocketAddress();
    try (client) {
      OutputStream out = client.getOutputStream();
      out.write(ReplyQueue.wire(WireText.reply(421, why, "; try again later.")));
      out.flush();
    } catch (IOException e) {
      // the client left already
    }
    context.events().turnedAway(address, why);
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration shortest(ProxySettings settings) {
    Duration idle = settings.idleTimeout();
    Duration transfer = settings.transferTimeout();
    return idle.compareTo(transfer) < 0 ? idle : transfer;
  }

  private static ExecutorService threads(int port) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t =
              new Thread(
                  null, r, "ftpseq-proxy-" + port + "-" + count.incrementAndGet(), 512 * 1024);
          t.setDaemon(true);
          return t;
        };
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
  }
}
