package io.ftpseq.probe;

import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.protocol.Secrets;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A control connection that writes command lines verbatim and reads replies with a bound on every
 * wait. A reply line cut by a time-out is kept and completed by the next read. A secret a command
 * sent (the password) is masked in any reply that echoes it.
 */
final class ControlConnection implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ReplyAssembler assembler = new ReplyAssembler();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final Secrets secrets = new Secrets();
  private boolean closed;

  private ControlConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  static ControlConnection open(String host, int port, Duration timeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
      return new ControlConnection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends lines in one write, each ended by CRLF; a failed write means the server has gone. */
  void send(String... lines) {
    if (closed) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      secrets.learnCommand(line);
      text.append(line).append("\r\n");
    }
    try {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      closed = true;
    }
  }

  /**
   * The next complete reply, or {@code null} when none came within the time limit or the server
   * closed the connection ({@link #isClosed()} tells which).
   */
  Reply read(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!closed) {
      String line = readLine(deadline);
      if (line == null) {
        return null;
      }
      if (assembler.accept(line) instanceof ReplyAssembler.Complete complete) {
        Reply reply = complete.reply();
        // a server may echo the password it was sent; what the probe prints must not show it
        return new Reply(reply.code(), reply.lines().stream().map(secrets::mask).toList());
      }
    }
    return null;
  }

  /** Whether the server closed the connection (or it broke). */
  boolean isClosed() {
    return closed;
  }

  private String readLine(long deadline) {
    try {
      while (true) {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
          return null;
        }
        socket.setSoTimeout(Math.toIntExact(left));
        int b = in.read();
        if (b < 0) {
          closed = true;
          return null;
        }
        if (b == '\n') {
          String line = partial.toString(StandardCharsets.UTF_8);
          partial.reset();
          return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
        partial.write(b);
      }
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      closed = true;
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
