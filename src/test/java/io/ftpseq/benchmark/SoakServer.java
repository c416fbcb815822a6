package io.ftpseq.benchmark;

import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * The server side of {@link ProxySoak}, a process of its own so the soak can kill it: an Apache
 * FtpServer on a given port ({@code ftp PORT HOME}), or a server that answers every connection with
 * garbage ({@code garbage PORT}): a greeting that is not a reply, NUL bytes, random bytes.
 */
public final class SoakServer {

  private SoakServer() {}

  /** Runs until killed. */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    if (args[0].equals("ftp")) {
      EmbeddedFtpServer.startOn(Path.of(args[2]), port);
      System.out.println("ready");
      Thread.sleep(Long.MAX_VALUE);
    }
    try (ServerSocket listener = new ServerSocket(port, 512, InetAddress.getLoopbackAddress())) {
      System.out.println("ready");
      Random random = new Random(port);
      while (true) {
        Socket socket = listener.accept();
        byte[] noise = new byte[512];
        random.nextBytes(noise);
        Thread answer =
            new Thread(
                () -> {
                  try (socket) {
                    OutputStream out = socket.getOutputStream();
                    out.write("hello, this is not FTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(noise);
                    out.write("\0\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().read(new byte[64]);
                  } catch (IOException e) {
                    // the proxy hung up, as it should
                  }
                });
        answer.setDaemon(true);
        answer.start();
      }
    }
  }
}
