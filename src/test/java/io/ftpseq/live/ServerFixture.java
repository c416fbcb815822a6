package io.ftpseq.live;

import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/** Helpers the live tests share: connecting, a clean high-level session, slow streams. */
final class ServerFixture {

  static final String REPORT = "id,value\n1,42\n";

  private ServerFixture() {}

  static void connect(FTPClient client, EmbeddedFtpServer server) throws IOException {
    client.setDefaultTimeout(10_000);
    client.setConnectTimeout(10_000);
    client.connect("127.0.0.1", server.port());
  }

  /** Every high-level call a typical client makes, in correct order; expects report.csv. */
  static void cleanSession(FTPClient client) throws IOException {
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    client.listFiles();
    client.mlistDir();
    client.retrieveFile("report.csv", new ByteArrayOutputStream());
    client.storeFile("upload.txt", new ByteArrayInputStream(bytes("hello\n")));
    client.rename("upload.txt", "uploaded.txt");
    client.setRestartOffset(3);
    client.retrieveFile("report.csv", new ByteArrayOutputStream());
    client.deleteFile("uploaded.txt");
    client.logout();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A sink that takes its time, so a download outlasts the control keep-alive timeout. */
  static OutputStream slowSink(long pauseMillis) {
    return new OutputStream() {
      @Override
      public void write(int b) {}

      @Override
      public void write(byte[] b, int off, int len) {
        pause(pauseMillis);
      }
    };
  }

  /** A source of {@code size} zero bytes, 1 KiB per pause, so an upload outlasts the keep-alive. */
  static InputStream slowSource(int size, long pauseMillis) {
    return new InputStream() {
      private int sent;

      @Override
      public int read() {
        return sent++ < size ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (sent >= size) {
          return -1;
        }
        pause(pauseMillis);
        int n = Math.min(Math.min(len, 1024), size - sent);
        Arrays.fill(b, off, off + n, (byte) 0);
        sent += n;
        return n;
      }
    };
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
