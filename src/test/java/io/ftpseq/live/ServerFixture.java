package io.ftpseq.live;

import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.SocketFactory;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Helpers the live tests share: connecting, a clean high-level session, slow streams, a connection
 * that drops on cue.
 */
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

  /**
   * A control connection that a test can break on cue: the client's socket factory (a Mockito mock)
   * hands out a real socket whose input stream is a Mockito mock delegating to the real one, until
   * {@link #drop} makes every read fail as a reset connection does.
   */
  static final class DroppableConnection {
    private InputStream input;

    /** The factory to give the client with {@code setSocketFactory}; it makes one socket. */
    SocketFactory factory() throws IOException {
      Socket socket = spy(new Socket());
      doAnswer(
              call -> {
                input = mock(InputStream.class, delegatesTo(call.callRealMethod()));
                return input;
              })
          .when(socket)
          .getInputStream();
      SocketFactory factory = mock(SocketFactory.class);
      when(factory.createSocket()).thenReturn(socket);
      return factory;
    }

    /** From now on the connection reads nothing: every read throws "Connection reset". */
    void drop() throws IOException {
      doThrow(new SocketException("Connection reset"))
          .when(input)
          .read(any(byte[].class), anyInt(), anyInt());
      doThrow(new SocketException("Connection reset")).when(input).read();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
