package io.ftpseq.proxy;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

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
    void notice(String message);

    /** The link is done; its counts are final. */
    void closed(DataLink link);
  }

  private static final int BUFFER = 64 * 1024;

  private enum State {
    WAITING,
    RELAYING,
    CLOSED
  }

  private final Mode mode;
  private final ServerSocket listener;
  private final InetAddress expectedPeer;
  private final InetSocketAddress target;
  private final InetAddress outboundLocal;
  private final TlsTermination tls;
  private final Owner owner;
  private final long connectMillis;
  private final long transferNanos;
  private final CountDownLatch toClientDone = new CountDownLatch(1);
  private volatile State state = State.WAITING;
  private volatile long lastActivity = System.nanoTime();
  private volatile long bytesToClient;
  private volatile long bytesToServer;
  private volatile boolean timedOut;
  private Executor executor;
  private Socket accepted;
  private Socket outbound;

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
      ServerSocket listener,
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
    this.transferNanos = settings.transferTimeout().toNanos();
  }

  /** The address the listener is bound to, for the reply or command that names it. */
  InetSocketAddress listening() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
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
   * reply does not overtake its last bytes. Returns at once when nothing is being relayed.
   */
  void awaitDrained(long millis) throws InterruptedException {
    if (state == State.RELAYING) {
      toClientDone.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public boolean expired(long now) {
    return state != State.CLOSED && now - lastActivity > transferNanos;
  }

  @Override
  public void expire() {
    timedOut = true;
    close();
  }

  /** Ends the link at once: the listener and both connections are closed. */
  void close() {
    state = State.CLOSED;
    quietly(listener);
    synchronized (this) {
      quietly(accepted);
      quietly(outbound);
    }
    toClientDone.countDown();
  }

  private void run() {
    try {
      Socket peer = acceptExpectedPeer();
      Socket next = connectOn();
      Socket clientSide = mode == Mode.PASSIVE ? peer : next;
      Socket serverSide = mode == Mode.PASSIVE ? next : peer;
      if (tls != null) {
        clientSide.setSoTimeout((int) connectMillis);
        clientSide = tls.serve(clientSide, new byte[0]);
        clientSide.setSoTimeout(0);
        remember(mode == Mode.PASSIVE, clientSide);
      }
      relay(clientSide, serverSide);
    } catch (IOException e) {
      if (state != State.CLOSED) {
        owner.notice("data connection failed: " + e.getMessage());
      }
    } finally {
      if (timedOut) {
        owner.notice(
            "data connection "
                + (outbound == null ? "not opened" : "stalled")
                + " for "
                + TimeUnit.NANOSECONDS.toSeconds(transferNanos)
                + " s; closed by the proxy");
      }
      close();
      owner.closed(this);
    }
  }

  private Socket acceptExpectedPeer() throws IOException {
    while (true) {
      Socket socket = listener.accept();
      if (socket.getInetAddress().equals(expectedPeer)) {
        quietly(listener);
        synchronized (this) {
          accepted = socket;
          if (state == State.CLOSED) {
            throw new IOException("closed");
          }
        }
        touch();
        return socket;
      }
      owner.notice(
          "refused a data connection from "
              + socket.getInetAddress().getHostAddress()
              + ": only "
              + expectedPeer.getHostAddress()
              + (mode == Mode.PASSIVE ? ", this session's client," : ", this session's server,")
              + " may connect");
      quietly(socket);
    }
  }

  private Socket connectOn() throws IOException {
    Socket socket = new Socket();
    synchronized (this) {
      outbound = socket;
      if (state == State.CLOSED) {
        throw new IOException("closed");
      }
    }
    socket.bind(new InetSocketAddress(outboundLocal, 0));
    socket.connect(target, (int) connectMillis);
    state = State.RELAYING;
    touch();
    return socket;
  }

  private synchronized void remember(boolean wasAccepted, Socket replacement) {
    if (wasAccepted) {
      accepted = replacement;
    } else {
      outbound = replacement;
    }
  }

  private void relay(Socket clientSide, Socket serverSide) throws IOException {
    InputStream fromClient = clientSide.getInputStream();
    OutputStream toServer = serverSide.getOutputStream();
    InputStream fromServer = serverSide.getInputStream();
    OutputStream toClient = clientSide.getOutputStream();
    CountDownLatch toServerDone = new CountDownLatch(1);
    executor.execute(
        () -> {
          try {
            bytesToServer = pump(fromClient, toServer, serverSide, false);
          } finally {
            toServerDone.countDown();
          }
        });
    try {
      bytesToClient = pump(fromServer, toClient, clientSide, true);
    } finally {
      toClientDone.countDown();
    }
    try {
      toServerDone.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Copies until the sender closes, then closes that direction; returns how many bytes. */
  private long pump(InputStream in, OutputStream out, Socket to, boolean toClient) {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        total += n;
        if (toClient) {
          bytesToClient = total;
        } else {
          bytesToServer = total;
        }
        touch();
      }
      out.flush();
      if (to instanceof SSLSocket) {
        to.close(); // TLS has no half-close; close_notify ends the stream
      } else {
        to.shutdownOutput();
      }
    } catch (IOException e) {
      close(); // one direction failed: the transfer is over both ways
    }
    return total;
  }

  private void touch() {
    lastActivity = System.nanoTime();
    owner.touch();
  }

  private static void quietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // closing is best effort: the socket is gone either way
    }
  }
}
