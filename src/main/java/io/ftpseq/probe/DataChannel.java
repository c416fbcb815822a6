package io.ftpseq.probe;

import io.ftpseq.protocol.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of data connections: connects after a 227 or 229 reply, listens for PORT and
 * EPRT, and moves the bytes of one transfer. Every wait is bounded.
 */
final class DataChannel implements AutoCloseable {

  /** What uploads send. */
  static final byte[] UPLOAD = "ftpseq probe upload\r\n".getBytes(StandardCharsets.US_ASCII);

  private static final Pattern PASV =
      Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");
  private static final Pattern EPSV = Pattern.compile("\\((.)\\1\\1(\\d{1,5})\\1\\)");

  private final String host;
  private final Duration timeout;
  private InetSocketAddress lastPassive;
  private Socket connected;
  private ServerSocket listening;

  DataChannel(String host, Duration timeout) {
    this.host = host;
    this.timeout = timeout;
  }

  /** Opens a listener for PORT or EPRT, replacing any channel prepared before; returns its port. */
  int listen() throws IOException {
    close();
    lastPassive = null;
    listening = new ServerSocket(0, 1, InetAddress.getByName(host));
    return listening.getLocalPort();
  }

  /**
   * Connects to the address a 227 or 229 reply names, replacing any channel prepared before. A
   * reply that names no address, or a connection that fails, leaves no channel.
   */
  void connectAfter(Reply reply) {
    close();
    Matcher pasv = PASV.matcher(reply.text());
    Matcher epsv = EPSV.matcher(reply.text());
    int port;
    if (reply.code().value() == 227 && pasv.find()) {
      port = Integer.parseInt(pasv.group(5)) * 256 + Integer.parseInt(pasv.group(6));
    } else if (reply.code().value() == 229 && epsv.find()) {
      port = Integer.parseInt(epsv.group(2));
    } else {
      return;
    }
    lastPassive = new InetSocketAddress(host, port);
    reconnect();
  }

  /** Whether a 227 or 229 reply has named an address on this connection. */
  boolean hasPassiveAddress() {
    return lastPassive != null;
  }

  /** Connects again to the address the last 227 or 229 named; returns whether that worked. */
  boolean reconnect() {
    Socket socket = new Socket();
    try {
      socket.connect(lastPassive, millis());
      connected = socket;
      return true;
    } catch (IOException e) {
      closeQuietly(socket);
      return false;
    }
  }

  /** Whether a connection or a listener is ready for the next transfer. */
  boolean isPrepared() {
    return connected != null || listening != null;
  }

  /**
   * Moves the data of one transfer the server has started: sends {@link #UPLOAD} for an upload,
   * reads to the end otherwise. The channel is used up afterwards, as FTP's data connections are.
   */
  void transfer(boolean upload) {
    try (Socket socket = take()) {
      if (socket == null) {
        return;
      }
      socket.setSoTimeout(millis());
      if (upload) {
        OutputStream out = socket.getOutputStream();
        out.write(UPLOAD);
        out.flush();
      } else {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (in.read(buffer) >= 0) {
          // the listing or file itself is not recorded, only that it arrived
        }
      }
    } catch (IOException e) {
      // a refused, reset or timed-out data connection shows in the server's final reply
    }
  }

  private Socket take() throws IOException {
    if (connected != null) {
      Socket socket = connected;
      connected = null;
      return socket;
    }
    if (listening != null) {
      try (ServerSocket server = listening) {
        listening = null;
        server.setSoTimeout(millis());
        return server.accept();
      }
    }
    return null;
  }

  private int millis() {
    return Math.toIntExact(timeout.toMillis());
  }

  @Override
  public void close() {
    closeQuietly(connected);
    closeQuietly(listening);
    connected = null;
    listening = null;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // closing a socket that is already gone changes nothing
    }
  }
}
