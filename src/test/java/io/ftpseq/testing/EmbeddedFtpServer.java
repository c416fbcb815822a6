package io.ftpseq.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A real Apache FtpServer in the test's JVM, on 127.0.0.1 and a port chosen free at start, with one
 * user whose home is a temporary directory. Close it to stop the server.
 */
public final class EmbeddedFtpServer implements AutoCloseable {

  /** The user's name. */
  public static final String USER = "alice";

  /** The user's password. */
  public static final String PASSWORD = "wonderland";

  /** Sessions logged in at once; FtpServer's default of 10 is below what the proxy tests run. */
  private static final int MAX_LOGINS = 1000;

  private final FtpServer server;
  private final int port;

  private EmbeddedFtpServer(FtpServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a server whose user's files live in {@code home}. */
  public static EmbeddedFtpServer start(Path home) throws FtpException, IOException {
    return start(home, Set.of());
  }

  /**
   * Starts a server that answers {@code 502 Command not implemented} to the given verbs, as servers
   * without EPSV do; the refusal comes from an Ftplet, FtpServer's own hook for this.
   */
  public static EmbeddedFtpServer start(Path home, Set<String> refused)
      throws FtpException, IOException {
    return start(home, refused, null, false, 0);
  }

  /** Starts a server on the given port, for a server restarted where clients expect it. */
  public static EmbeddedFtpServer startOn(Path home, int port) throws FtpException, IOException {
    return start(home, Set.of(), null, false, port);
  }

  /**
   * Starts a server that speaks FTPS with the key in {@code keystore} (see {@link TestKeystore}):
   * explicit (the client asks with {@code AUTH TLS}) or implicit (TLS from the first byte, the
   * greeting included). The data connection uses the same key when the client asks {@code PROT P}.
   */
  public static EmbeddedFtpServer startSecure(Path home, TestKeystore keystore, boolean implicit)
      throws FtpException, IOException {
    SslConfigurationFactory ssl = new SslConfigurationFactory();
    ssl.setKeystoreFile(keystore.file().toFile());
    ssl.setKeystoreType(TestKeystore.TYPE);
    ssl.setKeystorePassword(keystore.password());
    ssl.setKeyPassword(keystore.password());
    return start(home, Set.of(), ssl.createSslConfiguration(), implicit, 0);
  }

  private static EmbeddedFtpServer start(
      Path home, Set<String> refused, SslConfiguration ssl, boolean implicit, int port)
      throws FtpException, IOException {
    Files.createDirectories(home);
    FtpServerFactory factory = new FtpServerFactory();
    ConnectionConfigFactory connections = new ConnectionConfigFactory();
    connections.setMaxLogins(MAX_LOGINS); // the proxy tests run many sessions at once
    factory.setConnectionConfig(connections.createConnectionConfig());
    if (!refused.isEmpty()) {
      // FtpServer clears this map when it stops, so it must be mutable.
      Map<String, Ftplet> ftplets = new HashMap<>();
      ftplets.put("refuse", new Refuse(refused));
      factory.setFtplets(ftplets);
    }
    ListenerFactory listener = new ListenerFactory();
    listener.setServerAddress("127.0.0.1");
    listener.setPort(port);
    if (ssl != null) {
      listener.setSslConfiguration(ssl);
      listener.setImplicitSsl(implicit);
    }
    factory.addListener("default", listener.createListener());
    BaseUser user = new BaseUser();
    user.setName(USER);
    user.setPassword(PASSWORD);
    user.setHomeDirectory(home.toString());
    user.setAuthorities(List.of(new WritePermission()));
    factory.getUserManager().save(user);
    FtpServer server = factory.createServer();
    server.start();
    return new EmbeddedFtpServer(
        server, ((DefaultFtpServer) server).getListener("default").getPort());
  }

  private static final class Refuse extends DefaultFtplet {
    private final Set<String> verbs;

    Refuse(Set<String> verbs) {
      this.verbs = verbs;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request)
        throws FtpException, IOException {
      if (verbs.contains(request.getCommand().toUpperCase(Locale.ROOT))) {
        session.write(new DefaultFtpReply(502, "Command not implemented."));
        return FtpletResult.SKIP;
      }
      return super.beforeCommand(session, request);
    }
  }

  /**
   * Closes the socket of every session at once, without a reply, as a server that drops its
   * connections does; FtpServer then closes each session's data connection too. Returns once every
   * session is closed, bounded in time.
   */
  public void dropSessions() {
    for (FtpIoSession session :
        ((DefaultFtpServer) server).getListener("default").getActiveSessions()) {
      session.closeNow().awaitUninterruptibly(5_000);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.stop();
  }
}
