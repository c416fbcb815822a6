package io.ftpseq.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A control connection driven byte by byte, for what no FTP client library sends: pipelined
 * commands, split lines, garbage, half-closes. Every read waits at most ten seconds.
 */
final class RawControl implements AutoCloseable {

  final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  RawControl(int port) throws IOException {
    this(port, null);
  }

  /** Connects from {@code local} (for example 127.0.0.2), or any address when {@code null}. */
  RawControl(int port, String local) throws IOException {
    socket = new Socket();
    if (local != null) {
      socket.bind(new InetSocketAddress(local, 0));
    }
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
  }

  /** Sends text as it is (add the CRLF). */
  RawControl send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  RawControl send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads one whole reply; its lines joined by newlines, or {@code null} at the end. */
  String reply() throws IOException {
    String first = in.readLine();
    if (first == null) {
      return null;
    }
    List<String> lines = new ArrayList<>(List.of(first));
    if (first.length() > 3 && first.charAt(3) == '-') {
      String end = first.substring(0, 3) + " ";
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        if (line.startsWith(end)) {
          break;
        }
      }
    }
    return String.join("\n", lines);
  }

  /** The codes of the next {@code n} replies. */
  List<String> codes(int n) throws IOException {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String reply = reply();
      codes.add(reply == null ? "EOF" : reply.substring(0, 3));
    }
    return codes;
  }

  /** Reads until the proxy closes the connection; returns every line read. */
  List<String> rest() throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      lines.add(line);
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
