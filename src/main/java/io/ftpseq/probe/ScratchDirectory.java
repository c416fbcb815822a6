package io.ftpseq.probe;

import io.ftpseq.session.Phrase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/**
 * The directory a scenario works in, made and removed on a connection of its own: a fresh directory
 * under the user's login directory holding one small file.
 *
 * @param path the directory's absolute path on the server
 * @param name the directory's own name (the last part of the path)
 */
record ScratchDirectory(String path, String name) {

  /** The small file every scenario finds in its directory. */
  static final String FILE = "probe.txt";

  /** A name that never exists in the directory. */
  static final String MISSING = "missing.txt";

  /** What the small file holds: a few lines, so that REST 1 has something to skip. */
  static final byte[] CONTENT =
      "ftpseq probe file\r\nsecond line\r\n".getBytes(StandardCharsets.US_ASCII);

  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

  /** The path of the small file. */
  String file() {
    return path + "/" + FILE;
  }

  /** The directory the scratch directory was made in: the login directory. */
  String parent() {
    String parent = path.substring(0, path.length() - name.length() - 1);
    return parent.isEmpty() ? "/" : parent;
  }

  /** The path of a file that does not exist. */
  String missing() {
    return path + "/" + MISSING;
  }

  /** Makes a fresh directory with its file, on a logged-in connection. */
  static ScratchDirectory create(FTPClient client) throws IOException {
    if (!FTPReply.isPositiveCompletion(client.pwd())) {
      throw new ProbeFailure(Phrase.of("probe.failure.pwd", client.getReplyString().strip()));
    }
    Matcher quoted = QUOTED.matcher(client.getReplyString());
    if (!quoted.find()) {
      throw new ProbeFailure(Phrase.of("probe.failure.pwdPath", client.getReplyString().strip()));
    }
    String home = quoted.group(1).replace("\"\"", "\"");
    String name = "probe-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String path = (home.endsWith("/") ? home : home + "/") + name;
    if (!client.makeDirectory(path)) {
      throw new ProbeFailure(Phrase.of("probe.failure.mkd", path, client.getReplyString().strip()));
    }
    if (!client.storeFile(path + "/" + FILE, new ByteArrayInputStream(CONTENT))) {
      throw new ProbeFailure(Phrase.of("probe.failure.stor", client.getReplyString().strip()));
    }
    return new ScratchDirectory(path, name);
  }

  /**
   * Removes the directory, on a logged-in connection, with whatever the scenario left in it (files,
   * and directories one level down); returns whether the directory is gone.
   */
  boolean remove(FTPClient client) throws IOException {
    if (!client.changeWorkingDirectory(path)) {
      return false;
    }
    String[] names = client.listNames();
    for (String entry : names == null ? new String[0] : names) {
      String own = entry.substring(entry.lastIndexOf('/') + 1);
      if (!client.deleteFile(own)) {
        client.removeDirectory(own);
      }
    }
    client.changeToParentDirectory();
    return client.removeDirectory(path);
  }

  /**
   * How to log in for setup and teardown.
   *
   * @param host the server's address
   * @param port its control port
   * @param user the user name
   * @param password the password
   * @param timeout the bound on every wait
   */
  record Login(String host, int port, String user, String password, Duration timeout) {

    FTPClient open() throws IOException {
      FTPClient client = new FTPClient();
      client.setConnectTimeout(Math.toIntExact(timeout.toMillis()));
      client.setDefaultTimeout(Math.toIntExact(timeout.toMillis()));
      client.setDataTimeout(timeout);
      client.connect(host, port);
      client.setSoTimeout(Math.toIntExact(timeout.toMillis()));
      if (!client.login(user, password) || !client.setFileType(FTP.BINARY_FILE_TYPE)) {
        String reply = client.getReplyString().strip();
        close(client);
        throw new ProbeFailure(Phrase.of("probe.failure.login", user, reply));
      }
      client.enterLocalPassiveMode();
      return client;
    }

    void close(FTPClient client) {
      try {
        client.logout();
      } catch (IOException e) {
        // the connection is dropped below either way
      }
      try {
        client.disconnect();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }
}
