package io.ftpseq.live;

import java.util.List;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Injected by {@link FtpSeqExtension} into a test method: registers the clients the code under test
 * creates, so the extension checks their sessions when the test ends.
 *
 * <pre>{@code
 * @Test
 * void uploadsTheReport(FtpSeqRecorder ftpseq) throws IOException {
 *   ReportUploader uploader = new ReportUploader(host, port);
 *   ftpseq.watch(uploader.client());
 *   uploader.upload(report);
 * }
 * }</pre>
 */
public final class FtpSeqRecorder {

  private final TestSessions sessions;

  FtpSeqRecorder(TestSessions sessions) {
    this.sessions = sessions;
  }

  /** Watches the client for the rest of the test; attach it before {@code connect}. */
  public FtpSessionWatch watch(FTPClient client) {
    return sessions.watch(client);
  }

  /** A new checked client in the extension's mode, watched for the rest of the test. */
  public CheckedFtpClient newClient() {
    return sessions.newClient();
  }

  /** The watches of this test so far, in the order they were made. */
  public List<FtpSessionWatch> watches() {
    return sessions.watches();
  }
}
