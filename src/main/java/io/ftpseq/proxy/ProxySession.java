package io.ftpseq.proxy;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One client's session through the proxy: its control connection to the client, its own connection
 * to the server, its data connections, and its record. The client's commands are read on the
 * session's thread ({@link ClientCommands}), the server's replies on a second ({@link
 * ServerReplies}); whatever ends the session, both stop, every socket is closed and the record is
 * finished exactly once.
 */
final class ProxySession implements Runnable, Watchdog.Watched, DataLink.Owner {

  /** How long a goodbye (421) may take before the sockets are closed regardless. */
  private static final long GOODBYE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final ProxyContext context;
  private final SessionInfo info;
  private final SessionLog log;
  private final ReplyQueue queue;
  private final Path transcript;
  private final Consumer<ProxySession> onEnd;
  private final DataLinks links = new DataLinks();
  private volatile Socket client;
  private volatile OutputStream clientOut;
  private volatile Socket server;
  private volatile long lastActivity = System.nanoTime();
  private volatile Phrase ending;
  private volatile Phrase unchecked;
  private volatile boolean greeted;
  private volatile boolean protectData;
  private Future<?> serverThread;

  ProxySession(ProxyContext context, String id, Socket client, Consumer<ProxySession> onEnd)
      throws IOException {
    this.context = context;
    this.client = client;
    this.onEnd = onEnd;
    this.info =
        new SessionInfo(
            id,
            (InetSocketAddress) client.getRemoteSocketAddress(),
            context.settings().upstream(),
            Instant.now());
    Writer writer = null;
    if (context.records() != null) {
      writer = context.records().open(id);
      this.transcript = context.records().transcript(id);
    } else {
      this.transcript = null;
    }
    this.log =
        new SessionLog(
            id, context.settings().profile(), context.settings().keepSteps(), writer, this::found);
    this.queue = new ReplyQueue(this::deliver);
    log.comment(
        "ftpseq proxy transcript of session "
            + id
            + ": client "
            + SessionInfo.show(info.client())
            + ", server "
            + SessionInfo.show(info.upstream())
            + ", from "
            + info.started());
  }

  SessionInfo info() {
    return info;
  }

  SessionLog log() {
    return log;
  }

  ReplyQueue queue() {
    return queue;
  }

  ProxySettings settings() {
    return context.settings();
  }

  ProxyContext context() {
    return context;
  }

  Socket client() {
    return client;
  }

  Socket server() {
    return server;
  }

  @Override
  public void run() {
    context.watchdog().watch(this);
    try {
      context.events().opened(info);
      client.setTcpNoDelay(true);
      client.setOOBInline(true); // an urgent ABOR (Telnet Synch) stays in the stream
      clientOut = client.getOutputStream();
      TlsTermination tls = context.settings().tls();
      if (tls != null && tls.implicit()) {
        upgradeClient(tls, new byte[0]);
        log.tlsFromConnect("implicit FTPS, ended by ftpseq proxy");
      }
      if (connectServer()) {
        serverThread = context.threads().submit(new ServerReplies(this));
        new ClientCommands(this).run();
      }
    } catch (ServerGone e) {
      if (!greeted) {
        unchecked = Phrase.of("proxy.end.serverClosedBeforeGreeting");
      }
      endQuietly(Phrase.of("proxy.end.serverLost", String.valueOf(e.getMessage())));
    } catch (IOException e) {
      if (ending == null) {
        ending = Phrase.of("proxy.end.clientFailed", PhrasedError.reasonOf(e));
      }
      closeSockets(); // the client cannot be told: its connection is what failed
    } finally {
      finish();
    }
  }

  /** Connects to the server; when it cannot, tells the client with 421 and returns false. */
  private boolean connectServer() throws IOException {
    Socket socket = new Socket();
    server = socket;
    try {
      socket.connect(
          context.settings().upstream(), (int) context.settings().connectTimeout().toMillis());
      socket.setTcpNoDelay(true);
      return true;
    } catch (IOException e) {
      Phrase why =
          Phrase.of(
              "proxy.end.cannotConnect",
              SessionInfo.show(info.upstream()),
              String.valueOf(e.getMessage()));
      ending = why;
      unchecked = why;
      notice(why);
      queue.outOfTurn(Reply.of(421, "ftpseq proxy " + WireText.english(why) + "."), why);
      return false;
    }
  }

  /**
   * Makes the client's control connection TLS, the proxy the TLS server.
   *
   * @param consumed bytes already read from the client that belong to the handshake
   */
  void upgradeClient(TlsTermination tls, byte[] consumed) throws IOException {
    Socket plain = client;
    plain.setSoTimeout((int) context.settings().connectTimeout().toMillis());
    Socket secure = tls.serve(plain, consumed);
    secure.setSoTimeout(0);
    client = secure;
    clientOut = secure.getOutputStream();
  }

  /**
   * Sends a reply to the client, recording it first; called with the reply queue held. Every reply
   * the proxy makes itself passes here: it is recorded after a {@code # not from the server} note,
   * so no check takes it for the server's, and the console is told.
   *
   * @param own why the proxy made the reply, or {@code null} for the server's
   */
  private void deliver(Reply reply, byte[] wire, Phrase own) throws IOException {
    if (own == null) {
      log.reply(reply);
    } else {
      log.ownReply(reply, own.english());
      context.events().ownReply(info, log.mask(reply.firstLine()), own.masked(log::mask));
    }
    clientOut.write(wire);
    clientOut.flush();
    touch();
  }

  /**
   * Answers the client from the proxy at once, for a reply that must go out while the reply queue
   * is held idle ({@link ReplyQueue#whenIdle}): the 234 to AUTH, before TLS starts.
   */
  void answerNow(Reply reply, Phrase why) throws IOException {
    deliver(reply, ReplyQueue.wire(reply), why);
  }

  /** Sets whether the client asked for protected data connections (PROT P, PROT C). */
  void protectData(boolean on) {
    protectData = on;
  }

  /** The TLS to end on the client's side of data connections, or {@code null} for clear ones. */
  TlsTermination dataTls() {
    return protectData ? context.settings().tls() : null;
  }

  /** Forwards a command to the server, recording it as the client sent it. */
  void forward(Command command, byte[] wire) throws IOException {
    log.command(command);
    queue.forwarded(command);
    try {
      server.getOutputStream().write(wire);
    } catch (IOException e) {
      throw new ServerGone(e);
    }
    touch();
  }

  /** Writing to the server failed: the client can still be told why the session ends. */
  static final class ServerGone extends IOException {
    private static final long serialVersionUID = 1L;

    ServerGone(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Records a command and answers it from the proxy, in turn. */
  void answer(Command command, Reply reply, Phrase reason) throws IOException {
    log.command(command);
    queue.local(command, reply, reason);
  }

  /** Starts a data connection and keeps it until it closes. */
  void startLink(DataLink link) {
    if (ending != null) {
      link.close();
      return;
    }
    links.add(link);
    context.watchdog().watch(link);
    link.start(context.threads());
  }

  /** The newest data connection, or {@code null}. */
  DataLink currentLink() {
    return links.newest();
  }

  /** Closes every data connection: ABOR, or the session's end. */
  void closeLinks() {
    links.closeAll();
  }

  @Override
  public void closed(DataLink link) {
    context.watchdog().forget(link);
    links.ended(link);
  }

  @Override
  public void touch() {
    lastActivity = System.nanoTime();
  }

  @Override
  public void notice(Phrase message) {
    // the transcript is a record that check reads back, in English as every transcript
    log.comment("ftpseq proxy: " + message.english());
    context.events().notice(info, message.masked(log::mask));
  }

  private void found(Finding finding, ServerProfile profile, boolean refused) {
    context.events().finding(info, finding, profile, refused);
  }

  @Override
  public boolean expired(long now) {
    return ending == null && now - lastActivity > context.settings().idleTimeout().toNanos();
  }

  @Override
  public void expire() {
    stop(Phrase.of("proxy.end.idle", Watchdog.shown(context.settings().idleTimeout())));
  }

  /**
   * Ends the session from outside its threads (a timeout, the proxy stopping): the client is told
   * with 421 on another thread, and the sockets are closed soon after whether or not it listened.
   */
  void stop(Phrase why) {
    if (ending != null) {
      return;
    }
    ending = why;
    if (!greeted && unchecked == null) {
      unchecked = Phrase.of("proxy.end.noGreeting");
    }
    notice(why);
    afterGoodbye(this::closeSockets);
    try {
      context.threads().execute(() -> endQuietly(why));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      closeSockets();
    }
  }

  /** The server's first reply came: from now on the session can be checked. */
  void greeted() {
    greeted = true;
  }

  /**
   * The server sent what the proxy cannot relay (a line over --max-line, a reply without end, a
   * line that is not FTP): the session ends, and the run counts it as not checked in full.
   */
  void endForServer(Phrase why) {
    if (unchecked == null) {
      unchecked = why;
    }
    endQuietly(why);
  }

  /**
   * The client sent a line the proxy cannot take (a NUL byte, a line over --max-line): nothing more
   * is read from it, and the 421 that ends the session goes out in turn, after the replies to the
   * commands it sent before that line, so a client that pipelines reads them in order. The server
   * has the time it has for any reply: a session that goes quiet meanwhile ends at --idle-timeout.
   */
  void endInTurn(Phrase why) {
    try {
      queue.last(
          WireText.reply(421, why, "."),
          why,
          () -> {
            if (ending == null) {
              ending = why;
            }
            closeSockets();
          });
    } catch (IOException | RuntimeException e) {
      endQuietly(why); // the client is gone; closing is all that is left
    }
  }

  /** Tells the client why the session ends (421), then closes its sockets. */
  void endQuietly(Phrase why) {
    if (ending == null) {
      ending = why;
    }
    if (client.isClosed()) {
      return; // ended already, and the client told or gone
    }
    try {
      queue.outOfTurn(WireText.reply(421, why, "."), why);
    } catch (IOException | RuntimeException e) {
      // the client is gone; closing is all that is left
    }
    closeSockets();
  }

  /** The server closed its control connection: the session is over once the client knows. */
  void serverClosed() {
    if (ending == null) {
      ending = Phrase.of("proxy.end.serverClosed");
      if (!greeted) {
        unchecked = Phrase.of("proxy.end.serverClosedBeforeGreeting");
        ending = unchecked;
      }
    }
    closeSockets();
  }

  /**
   * The client closed its side: the server is told the same way and the session drains, for as long
   * as a goodbye may take; a server that keeps its side open longer (it never answers) does not
   * keep the session open until --idle-timeout.
   */
  void clientClosed() {
    if (ending == null) {
      ending = Phrase.of("proxy.end.clientClosed");
    }
    try {
      server.shutdownOutput();
    } catch (IOException e) {
      closeSockets();
      return;
    }
    afterGoodbye(
        () -> {
          if (!server.isClosed()) {
            ending = Phrase.of("proxy.end.clientClosedServerSilent", goodbyeShown());
            closeSockets();
          }
        });
  }

  /**
   * The client sent QUIT: a server that has not answered it once a goodbye may have taken ends the
   * session, with 421 to a client that still waits, not at --idle-timeout. While a transfer runs
   * the server answers QUIT only once it is over (RFC 959 §4.1.1), so the wait starts again.
   */
  void quitSent() {
    afterGoodbye(
        () -> {
          if (server.isClosed() || queue.answered()) {
            return;
          }
          DataLink transfer = links.newest();
          if (transfer != null && transfer.connected()) {
            quitSent();
          } else {
            stop(Phrase.of("proxy.end.quitUnanswered", goodbyeShown()));
          }
        });
  }

  /** Runs {@code check} on the watchdog's thread once a goodbye may have taken its time. */
  private void afterGoodbye(Runnable check) {
    long deadline = System.nanoTime() + GOODBYE_NANOS;
    context
        .watchdog()
        .watch(
            new Watchdog.Watched() {
              @Override
              public boolean expired(long now) {
                return now - deadline > 0;
              }

              @Override
              public void expire() {
                check.run();
              }
            });
  }

  private static String goodbyeShown() {
    return Watchdog.shown(Duration.ofNanos(GOODBYE_NANOS));
  }

  void closeSockets() {
    queue.close();
    Quietly.close(client);
    Quietly.close(server);
    closeLinks();
  }

  private void finish() {
    awaitServerThread();
    closeSockets();
    awaitLinks();
    context.watchdog().forget(this);
    SessionCheck check = log.finish();
    try {
      context
          .events()
          .closed(
              new SessionSummary(
                  info,
                  check,
                  log.summary(),
                  links.transfers(),
                  links.bytesToClient(),
                  links.bytesToServer(),
                  (ending == null ? Phrase.of("proxy.end.ended") : ending).masked(log::mask),
                  transcript,
                  unchecked == null ? null : unchecked.masked(log::mask)));
    } finally {
      onEnd.accept(this);
    }
  }

  /**
   * Waits until the data connections just closed have ended, for as long as a goodbye may take: a
   * transfer cut by the session's end is counted only once its relay threads have stopped, and the
   * counts read before that missed it.
   */
  private void awaitLinks() {
    try {
      links.awaitEnded(GOODBYE_NANOS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitServerThread() {
    if (serverThread == null) {
      return;
    }
    try {
      serverThread.get(context.settings().idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeSockets();
    } catch (ExecutionException | TimeoutException e) {
      closeSockets();
    }
  }
}
