package io.ftpseq.proxy;

import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One data connection through the proxy: a socket listening for one peer, and once that peer
 * connects, a connection on to the other side and the bytes relayed both ways unchanged, each
 * direction closed when its sender closes.
 *
 * <p>In passive mode (PASV, EPSV) the client connects to the proxy, which connects to the port the
 * server named, on the server's address. In active mode (PORT, EPRT) the server connects to the
 * proxy, which connects to the port the client named, on the client's address. Either way the
 * listener takes a connection only from the expected peer's address, and the proxy connects only to
 * that session's client or server: no FTP bounce.
 */
final class DataLink implements Watchdog.Watched {

  /** Who connects to the proxy's listener. */
  enum Mode {
    /** The client connects; the proxy connects on to the server. */
    PASSIVE,
    /** The server connects; the proxy connects on to the client. */
    ACTIVE
  }

  /** What the link tells its session. */
  interface Owner {
    /** Bytes moved: the session is not idle. */
    void touch();

    /** Something the proxy refused or ended, for the operator and the transcript. */
    void notice(Phrase message);

    /** The link is done; its counts are final. */
    void closed(DataLink link);
  }

  private enum State {
    WAITING,
    RELAYING,
    CLOSED
  }

  private final Mode mode;
  private final ServerSocketChannel listener;
  private final InetAddress expectedPeer;
  private final InetSocketAddress target;
  private final InetAddress outboundLocal;
  private final TlsTermination tls;
  private final Owner owner;
  private final long connectMillis;
  private final long transferNanos;
  private final Duration transfer;
  private final CountDownLatch toClientDone = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile State state = State.WAITING;
  private volatile boolean announced;
  private volatile long lastActivity = System.nanoTime();
  private volatile long bytesToClient;
  private volatile long bytesToServer;
  private Executor executor;
  private SocketChannel accepted;
  private SocketChannel outbound;
  private Socket protectedSide;

  /**
   * A link that waits on {@code listener}.
   *
   * @param expectedPeer the only address a connection is taken from
   * @param target where the proxy connects on to
   * @param outboundLocal the proxy's address for the connection on
   * @param tls the TLS to end on the client's side (PROT P), or {@code null}
   */
  DataLink(
      Mode mode,
      ServerSocketChannel listener,
      InetAddress expectedPeer,
      InetSocketAddress target,
      InetAddress outboundLocal,
      TlsTermination tls,
      Owner owner,
      ProxySettings settings) {
    this.mode = mode;
    this.listener = listener;
    this.expectedPeer = expectedPeer;
    this.target = target;
    this.outboundLocal = outboundLocal;
    this.tls = tls;
    this.owner = owner;
    this.connectMillis = settings.connectTimeout().toMillis();
    this.transfer = settings.transferTimeout();
    this.transferNanos = transfer.toNanos();
  }

  /** The address the listener is bound to, for the reply or command that names it. */
  InetSocketAddress listening() {
    return (InetSocketAddress) listener.socket().getLocalSocketAddress();
  }

  Mode mode() {
    return mode;
  }

  long bytesToClient() {
    return bytesToClient;
  }

  long bytesToServer() {
    return bytesToServer;
  }

  /** Whether bytes were relayed at all, that is the peer connected and the other side too. */
  boolean connected() {
    return outbound != null;
  }

  /**
   * Starts waiting for the peer on one of the executor's threads; a second relays the other way.
   */
  void start(Executor threads) {
    this.executor = threads;
    threads.execute(this::run);
  }

  /**
   * Waits until everything the server sent has reached the client, so that the transfer's final
   * reply does not overtake its last bytes, nor the connection itself: a fast server may have
   * connected, sent the file and answered 226 while the proxy was still connecting on to the
   * client, or before the proxy's thread had even taken the connection from its listener, and curl
   * in active mode then fails (exit 8) on a 226 with no data connection waiting.
   *
   * <p>Waits when the peer came, or when the server said the data connection was or is open (a 1xx
   * for the transfer, or a 2xx ending it); returns at once otherwise (a transfer refused before its
   * data connection opened).
   *
   * @param completed whether the final reply is a 2xx: the data connection was made
   */
  void awaitDrained(long millis, boolean completed) throws InterruptedException {
    boolean peerCame;
    synchronized (this) {
      peerCame = accepted != null;
    }
    if (state != State.CLOSED && (peerCame || announced || completed)) {
      toClientDone.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  /** The server answered 1xx to the transfer: its data connection is open or opening. */
  void announced() {
    announced = true;
  }

  @Override
  public boolean expired(long now) {
    return state != State.CLOSED && now - lastActivity > transferNanos;
  }

  @Override
  public void expire() {
    owner.notice(
        Phrase.of(
            outbound == null ? "proxy.notice.dataNotOpened" : "proxy.notice.dataStalled",
            Watchdog.shown(transfer)));
    close();
  }

  /** Ends the link at once: the listener and both connections are closed. */
  void close() {
    state = State.CLOSED;
    Quietly.close(listener);
    synchronized (this) {
      Quietly.close(protectedSide);
      Quietly.close(accepted);
      Quietly.close(outbound);
    }
    toClientDone.countDown();
  }

  /**
   * Ends the link after one side failed (a reset, a broken TLS stream): both connections are reset
   * rather than closed, so that neither peer takes the end for a complete transfer. A server that
   * saw a clean end of an upload cut short would store the part and answer 226.
   */
  private void abort() {
    synchronized (this) {
      Quietly.reset(accepted);
      Quietly.reset(outbound);
    }
    close();
  }

  private void run() {
    try {
      SocketChannel peer = acceptExpectedPeer();
      SocketChannel next = connectOn();
      SocketChannel clientSide = mode == Mode.PASSIVE ? peer : next;
      SocketChannel serverSide = mode == Mode.PASSIVE ? next : peer;
      if (tls == null) {
        relay(
            moved -> Pump.channels(clientSide, serverSide, moved),
            moved -> Pump.channels(serverSide, clientSide, moved));
      } else {
        Socket secure = protect(clientSide.socket());
        relay(
            moved -> Pump.streams(secure, serverSide.socket(), moved),
            moved -> Pump.streams(serverSide.socket(), secure, moved));
      }
    } catch (IOException e) {
      if (state != State.CLOSED) {
        owner.notice(Phrase.of("proxy.notice.dataFailed", String.valueOf(e.getMessage())));
      }
    } finally {
      close();
      owner.closed(this);
      ended.countDown();
    }
  }

  /**
   * Waits until the link has ended and its owner has its final counts: closing it ends its relay
   * threads soon, not at once.
   *
   * @return whether it ended within {@code nanos}
   */
  boolean awaitEnded(long nanos) throws InterruptedException {
    return ended.await(nanos, TimeUnit.NANOSECONDS);
  }

  private SocketChannel acceptExpectedPeer() throws IOException {
    while (true) {
      SocketChannel channel = listener.accept();
      InetAddress from = channel.socket().getInetAddress();
      if (from.equals(expectedPeer)) {
        Quietly.close(listener);
        synchronized (this) {
          accepted = channel;
          if (state == State.CLOSED) {
            throw new IOException("closed");
          }
        }
        touch();
        return channel;
      }
      owner.notice(
          Phrase.of(
              mode == Mode.PASSIVE
                  ? "proxy.notice.dataFromClientOnly"
                  : "proxy.notice.dataFromServerOnly",
              SessionInfo.host(from),
              SessionInfo.host(expectedPeer)));
      Quietly.close(channel);
    }
  }

  private SocketChannel connectOn() throws IOException {
    SocketChannel channel = SocketChannel.open();
    synchronized (this) {
      outbound = channel;
      if (state == State.CLOSED) {
        Quietly.close(channel);
        throw new IOException("closed");
      }
    }
    channel.bind(new InetSocketAddress(outboundLocal, 0));
    channel.socket().connect(target, (int) connectMillis);
    state = State.RELAYING;
    touch();
    return channel;
  }

  /** Ends TLS on the client's side of the connection (PROT P), the proxy the TLS server. */
  private Socket protect(Socket clientSide) throws IOException {
    clientSide.setSoTimeout((int) connectMillis);
    Socket secure = tls.serveData(clientSide);
    secure.setSoTimeout(0);
    synchronized (this) {
      protectedSide = secure;
      if (state == State.CLOSED) {
        throw new IOException("closed");
      }
    }
    return secure;
  }

  /** One direction of the relay: copies, reporting its running total, and returns the total. */
  private interface Direction {
    long copy(LongConsumer moved) throws IOException;
  }

  /** Relays both ways, toward the server on a second thread, until both directions have ended. */
  private void relay(Direction up, Direction down) {
    CountDownLatch upDone = new CountDownLatch(1);
    executor.execute(
        () -> {
          try {
            bytesToServer = up.copy(this::movedUp);
          } catch (IOException e) {
            abort(); // one direction failed: the transfer is over both ways
          } finally {
            upDone.countDown();
          }
        });
    try {
      bytesToClient = down.copy(this::movedDown);
    } catch (IOException e) {
      abort();
    } finally {
      toClientDone.countDown();
    }
    try {
      upDone.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void movedUp(long total) {
    bytesToServer = total;
    touch();
  }

  private void movedDown(long total) {
    bytesToClient = total;
    touch();
  }

  private void touch() {
    lastActivity = System.nanoTime();
    owner.touch();
  }
}
