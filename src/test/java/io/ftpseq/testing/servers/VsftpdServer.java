package io.ftpseq.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** vsftpd 3.0.3, unpacked by {@code scripts/install-ftp-servers}, in the foreground. */
public final class VsftpdServer extends ProcessServer {

  static final Path BINARY = Path.of("/opt/ftpseq-servers/usr/sbin/vsftpd");
  static final Path PAM_SERVICE = Path.of("/etc/pam.d/ftpseq-vsftpd");
  static final Path SECURE_CHROOT = Path.of("/var/run/vsftpd/empty");

  private VsftpdServer(ServerProcess process, int port, TestUser.Account account) {
    super(process, port, account.name(), TestUser.PASSWORD, account.home());
  }

  /** What is missing to run it, if anything. */
  static Optional<String> missing() {
    return missing(BINARY, PAM_SERVICE, SECURE_CHROOT);
  }

  /** Starts vsftpd with a config file in {@code dir}. */
  public static VsftpdServer start(Path dir) throws IOException {
    int port = FreePorts.one();
    int passive = FreePorts.range(10);
    Path config = dir.resolve("vsftpd.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "listen=YES",
            "listen_ipv6=NO",
            "listen_address=127.0.0.1",
            "listen_port=" + port,
            "background=NO",
            "anonymous_enable=NO",
            "local_enable=YES",
            "write_enable=YES",
            "pasv_min_port=" + passive,
            "pasv_max_port=" + (passive + 9),
            "pasv_address=127.0.0.1",
            "seccomp_sandbox=NO",
            "secure_chroot_dir=" + SECURE_CHROOT,
            "pam_service_name=" + PAM_SERVICE.getFileName(),
            "xferlog_enable=NO",
            ""));
    ServerProcess process =
        ServerProcess.start("vsftpd", List.of(BINARY.toString(), config.toString()), dir, port);
    return new VsftpdServer(process, port, TestUser.account().orElseThrow());
  }
}
