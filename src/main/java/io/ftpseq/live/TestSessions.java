package io.ftpseq.live;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The FTP sessions of one test, kept in the test's {@link ExtensionContext.Store} so tests running
 * in parallel never share one. Closed by JUnit after the test: clients the extension made are
 * disconnected.
 */
// CloseableResource, deprecated since JUnit 5.13 for AutoCloseable, is what JUnit 5.11 and 5.12
// close; users bring their own JUnit from 5.11 on, so it stays until they no longer may.
// AutoCloseable as well: JUnit from 5.13 on closes that, once, and warns under every test of a
// value that is only a CloseableResource.
@SuppressWarnings("deprecation")
final class TestSessions implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private final String testName;
  private final CheckMode mode;
  private final Severity blockAt;
  private final ProfileChoice profile;
  private final List<FtpSessionWatch> watches = new ArrayList<>();
  private final List<FTPClient> made = new ArrayList<>();

  TestSessions(String testName, CheckMode mode, Severity blockAt, ProfileChoice profile) {
    this.testName = testName;
    this.mode = mode;
    this.blockAt = blockAt;
    this.profile = profile;
  }

  synchronized FtpSessionWatch watch(FTPClient client) {
    FtpSessionWatch watch = FtpSeq.watch(client, nextName(), profile);
    if (!watches.contains(watch)) {
      watches.add(watch.recordingCallSites());
    }
    return watch;
  }

  synchronized CheckedFtpClient newClient() {
    CheckedFtpClient client = new CheckedFtpClient(mode, blockAt, nextName(), profile);
    made.add(client);
    watches.add(client.watch().recordingCallSites());
    return client;
  }

  synchronized CheckedFtpsClient newSecureClient() {
    CheckedFtpsClient client = new CheckedFtpsClient(mode, blockAt, nextName(), profile);
    made.add(client);
    watches.add(client.watch().recordingCallSites());
    return client;
  }

  synchronized List<FtpSessionWatch> watches() {
    return List.copyOf(watches);
  }

  private String nextName() {
    return testName + "#" + (watches.size() + 1);
  }

  @Override
  public synchronized void close() {
    for (FTPClient client : made) {
      if (client.isConnected()) {
        try {
          client.disconnect();
        } catch (IOException e) {
          // The test is over and its result stands; a failed close only leaks a socket briefly.
        }
      }
    }
  }
}
