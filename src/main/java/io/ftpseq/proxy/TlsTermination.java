package io.ftpseq.proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * TLS ended at the proxy, so FTPS clients can be checked too: the proxy is the TLS server for the
 * client's control and protected data connections (RFC 4217), with the key of a keystore, and
 * speaks to the server in clear. Explicit ({@code AUTH TLS}, then {@code PBSZ} and {@code PROT},
 * answered by the proxy) or implicit (TLS from the first byte, port 990 style).
 */
public final class TlsTermination {

  /** The TLS version of protected data connections; see {@link #serveData}. */
  private static final String DATA_PROTOCOL = "TLSv1.2";

  private final SSLContext context;
  private final boolean implicit;

  private TlsTermination(SSLContext context, boolean implicit) {
    this.context = context;
    this.implicit = implicit;
  }

  /**
   * Loads the key from a keystore file (PKCS12 or JKS).
   *
   * @param keystore the keystore file
   * @param password the keystore's and the key's password
   * @param implicit TLS from connect, rather than after {@code AUTH TLS}
   * @throws IOException when the file cannot be read or the password is wrong
   * @throws GeneralSecurityException when the keystore holds no usable key
   */
  public static TlsTermination load(Path keystore, char[] password, boolean implicit)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(keystore.toFile(), password);
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return new TlsTermination(context, implicit);
  }

  /** Whether the client speaks TLS from connect. */
  public boolean implicit() {
    return implicit;
  }

  /**
   * Makes the proxy the TLS server on a connected socket and completes the handshake.
   *
   * @param plain the connection
   * @param consumed bytes already read from it that belong to the handshake
   */
  SSLSocket serve(Socket plain, byte[] consumed) throws IOException {
    InputStream read = consumed.length == 0 ? null : new ByteArrayInputStream(consumed);
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, read, true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    return tls;
  }

  /**
   * Makes the proxy the TLS server of a protected data connection, with TLS 1.2. A TLS 1.3 server
   * sends session tickets after the handshake; a client that only uploads never reads them, and
   * closing a socket with unread data makes the kernel reset the connection and drop what it had
   * not yet sent: the end of the upload. In TLS 1.2 the ticket is part of the handshake.
   */
  SSLSocket serveData(Socket plain) throws IOException {
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, null, true);
    tls.setUseClientMode(false);
    if (List.of(tls.getSupportedProtocols()).contains(DATA_PROTOCOL)) {
      tls.setEnabledProtocols(new String[] {DATA_PROTOCOL});
    }
    tls.startHandshake();
    return tls;
  }
}
