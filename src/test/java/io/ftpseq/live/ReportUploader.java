package io.ftpseq.live;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Code as a user of ftpseq would write it: a small class that uploads a report under a temporary
 * name, renames it into place and downloads reports, resuming where asked. {@link #careless} gives
 * a hand-rolled variant with three ordering bugs.
 */
class ReportUploader {

  final FTPClient client;

  ReportUploader(FTPClient client) {
    this.client = client;
  }

  /** The variant that sends raw commands and gets their order wrong. */
  static ReportUploader careless(FTPClient client) {
    return new ReportUploader(client) {
      @Override
      void login(String user, String password) throws IOException {
        client.pass(password); // bug: PASS before USER
        client.user(user);
        client.pass(password);
      }

      @Override
      void publish(String name, byte[] content) throws IOException {
        client.enterLocalPassiveMode();
        client.storeFile(name + ".part", new ByteArrayInputStream(content));
        client.rnto(name); // bug: no RNFR
      }

      @Override
      byte[] download(String name) throws IOException {
        client.retr(name); // bug: no PASV, no data connection
        return new byte[0];
      }
    };
  }

  void login(String user, String password) throws IOException {
    client.login(user, password);
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.setControlKeepAliveTimeout(Duration.ofSeconds(1));
  }

  void publish(String name, byte[] content) throws IOException {
    client.enterLocalPassiveMode();
    client.storeFile(name + ".part", new ByteArrayInputStream(content));
    client.rename(name + ".part", name);
  }

  byte[] download(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client.retrieveFile(name, out);
    return out.toByteArray();
  }

  byte[] resume(String name, long offset) throws IOException {
    client.setRestartOffset(offset);
    return download(name);
  }
}
