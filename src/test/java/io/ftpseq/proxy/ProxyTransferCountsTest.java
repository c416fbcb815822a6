package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line that closes a session counts the transfer that was running when the session ended: its
 * data connection was still being relayed when the session's counts were read, so an upload cut
 * short by the client leaving (or by the server closing) was often "0 transfer(s), 0 byte(s)".
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyTransferCountsTest {

  /** Sessions tried: the counts were read in a race with the data connection's end. */
  private static final int SESSIONS = 20;

  @TempDir Path dir;

  @Test
  void anUploadRunningWhenItsClientLeavesIsCountedWithTheBytesRelayed() throws Exception {
    byte[] part = ProxyRig.randomBytes(100_000, 7);
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s)) {
      for (int i = 1; i <= SESSIONS; i++) {
        FTPClient client = rig.login();
        String name = "running" + i + ".bin";
        OutputStream upload = client.storeFileStream(name);
        assertThat(upload).as(client.getReplyString()).isNotNull();
        upload.write(part);
        upload.flush();
        long stored = awaitStored(rig.files.resolve(name));

        client.disconnect(); // the control connection only: the upload is still open
        rig.awaitClosed(i);
        upload.close();

        SessionSummary summary = rig.events().closed().get(i - 1);
        assertThat(summary.transfers()).as("session %d", i).isEqualTo(1);
        assertThat(summary.bytesToServer())
            .as("session %d", i)
            .isBetween(stored, (long) part.length);
      }
    }
  }

  /** Waits until the server has stored some of the upload, and says how much. */
  private static long awaitStored(Path file) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(file) || Files.size(file) == 0) {
      assertThat(System.nanoTime() - deadline).as("the server stores the upload").isNegative();
      Thread.sleep(10);
    }
    return Files.size(file);
  }
}
