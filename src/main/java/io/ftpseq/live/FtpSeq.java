package io.ftpseq.live;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.util.Objects;
import org.apache.commons.net.ftp.FTPClient;

/**
 * The entry point for checking a running Commons Net client.
 *
 * <pre>{@code
 * FTPClient client = new FTPClient();
 * FtpSessionWatch watch = FtpSeq.watch(client); // before connect, so the greeting is seen
 * client.connect(host, port);
 * client.login(user, password);
 * client.rename("report.csv", "done/report.csv");
 * client.logout();
 * assertThat(watch.findings()).isEmpty();
 * Files.writeString(Path.of("session.txt"), watch.transcript()); // ftpseq check session.txt
 * }</pre>
 *
 * To refuse out-of-order commands before they are sent, use {@link CheckedFtpClient} in {@link
 * CheckMode#STRICT}; in JUnit 5 tests, {@link FtpSeqExtension}.
 */
public final class FtpSeq {

  private FtpSeq() {}

  /**
   * Watches a client (an {@code FTPSClient} too) through its listener, checked with the RFC
   * profile. Attach it before {@code connect}: attached later, the session's start is unknown and
   * only what follows is judged.
   */
  public static FtpSessionWatch watch(FTPClient client) {
    return watch(client, "ftp-session", ProfileChoice.of(ServerProfiles.RFC));
  }

  /**
   * Watches a client checked with the given profile choice: {@code ProfileChoice.AUTO} picks the
   * built-in profile of the server whose greeting the watch sees (as {@code ftpseq check --profile
   * auto} does), {@code ProfileChoice.of(profile)} names one.
   */
  public static FtpSessionWatch watch(FTPClient client, ProfileChoice profile) {
    return watch(client, "ftp-session", profile);
  }

  /**
   * Watches a client under the given name (the file name in findings and reports), checked with the
   * given profile. A {@link CheckedFtpClient} already records itself: its own watch is returned.
   */
  public static FtpSessionWatch watch(FTPClient client, String name, ServerProfile profile) {
    return watch(client, name, ProfileChoice.of(profile));
  }

  /**
   * Watches a client under the given name, checked with the given profile choice. A {@link
   * CheckedFtpClient} already records itself: its own watch is returned.
   */
  public static FtpSessionWatch watch(FTPClient client, String name, ProfileChoice profile) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(profile, "profile");
    if (client instanceof CheckedFtpClient checked) {
      return checked.watch();
    }
    if (client instanceof CheckedFtpsClient checked) {
      return checked.watch();
    }
    SessionRecorder recorder = new SessionRecorder(name, profile, false);
    if (client.isConnected()) {
      recorder.note(NoteKind.START_MISSING, "watch attached after the session started");
    }
    WatchListener listener = new WatchListener(client, recorder);
    client.addProtocolCommandListener(listener);
    return new FtpSessionWatch(
        recorder, listener::settle, () -> client.removeProtocolCommandListener(listener));
  }
}
