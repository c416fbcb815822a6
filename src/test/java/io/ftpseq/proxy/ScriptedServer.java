package io.ftpseq.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a broken FTP server, for what no real server does on purpose: answer garbage, name
 * a foreign or privileged passive port, stall. Each connection gets the greeting, then for each
 * command line the scripted answer (bytes sent as they are), until QUIT; the commands it received
 * are kept. Each connection has a thread of its own.
 */
final class ScriptedServer implements AutoCloseable {

  /** What the server answers to one command line. */
  interface Script {
    String answer(String command);
  }

  private final ServerSocket listener;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Thread thread;

  ScriptedServer(String greeting, Script script) throws IOException {
    listener = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
    thread =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  Socket socket = listener.accept();
                  Thread session =
                      new Thread(
                          () -> {
                            try (socket) {
                              serve(socket, greeting, script);
                            } catch (IOException e) {
                              // the connection ended
                            }
                          },
                          "scripted-ftp-session");
                  session.setDaemon(true);
                  session.start();
                } catch (IOException e) {
                  // closed
                }
              }
            },
            "scripted-ftp-server");
    thread.setDaemon(true);
    thread.start();
  }

  private void serve(Socket socket, String greeting, Script script) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(greeting.getBytes(StandardCharsets.ISO_8859_1));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      received.add(line);
      String answer = script.answer(line);
      if (answer == null) {
        return; // hang up
      }
      out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (line.equalsIgnoreCase("QUIT")) {
        return;
      }
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The command lines received, in order. */
  List<String> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
