package io.ftpseq.proxy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command lines that make curl, lftp and ftplib run the sessions of the client tests. */
final class ClientSessions {

  /** Downloads f.bin to got.bin and uploads in.bin as up.bin, then logs out. */
  private static final String FTPLIB_TRANSFER =
      String.join(
          "\n",
          "import ftplib, sys",
          "port, user, password, passive = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]",
          "ftp = ftplib.FTP()",
          "ftp.connect('127.0.0.1', port, timeout=20)",
          "ftp.login(user, password)",
          "ftp.set_pasv(passive == 'passive')",
          "with open('got.bin', 'wb') as out:",
          "    ftp.retrbinary('RETR f.bin', out.write)",
          "with open('in.bin', 'rb') as source:",
          "    ftp.storbinary('STOR up.bin', source)",
          "ftp.quit()",
          "");

  /** Logs in and sends RNTO with no RNFR before it. */
  private static final String FTPLIB_OUT_OF_ORDER =
      String.join(
          "\n",
          "import ftplib, sys",
          "port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]",
          "ftp = ftplib.FTP()",
          "ftp.connect('127.0.0.1', port, timeout=20)",
          "ftp.login(user, password)",
          "try:",
          "    print(ftp.sendcmd('RNTO x'))",
          "except ftplib.error_perm as refused:",
          "    print(refused)",
          "ftp.quit()",
          "");

  private ClientSessions() {}

  static Clients.Run transfer(
      ProxyClientsTest.Client client, ProxyRig rig, Path dir, boolean passive)
      throws IOException, InterruptedException {
    String url = "ftp://127.0.0.1:" + rig.port() + "/";
    return switch (client) {
      case CURL -> {
        List<String> active = passive ? List.of() : List.of("--ftp-port", "127.0.0.1");
        List<String> command =
            new ArrayList<>(List.of("curl", "-sS", "-u", rig.user + ":" + rig.password));
        command.addAll(active);
        command.addAll(List.of("-o", "got.bin", url + "f.bin"));
        Clients.Run download = Clients.run(dir, command);
        if (download.exit() != 0) {
          yield download;
        }
        List<String> upload =
            new ArrayList<>(List.of("curl", "-sS", "-u", rig.user + ":" + rig.password));
        upload.addAll(active);
        upload.addAll(List.of("-T", "in.bin", url + "up.bin"));
        yield Clients.run(dir, upload);
      }
      case LFTP ->
          Clients.run(
              dir,
              List.of(
                  "lftp",
                  "-c",
                  lftpSettings(passive)
                      + open(rig)
                      + "get f.bin -o got.bin; put in.bin -o up.bin; bye"));
      case FTPLIB ->
          Clients.python(
              dir,
              FTPLIB_TRANSFER,
              String.valueOf(rig.port()),
              rig.user,
              rig.password,
              passive ? "passive" : "active");
    };
  }

  static Clients.Run outOfOrder(ProxyClientsTest.Client client, ProxyRig rig, Path dir)
      throws IOException, InterruptedException {
    return switch (client) {
      case CURL ->
          Clients.run(
              dir,
              List.of(
                  "curl",
                  "-sS",
                  "-v",
                  "-u",
                  rig.user + ":" + rig.password,
                  "-Q",
                  "RNTO x",
                  "ftp://127.0.0.1:" + rig.port() + "/"));
      case LFTP ->
          Clients.run(
              dir, List.of("lftp", "-c", lftpSettings(true) + open(rig) + "quote RNTO x; bye"));
      case FTPLIB ->
          Clients.python(
              dir, FTPLIB_OUT_OF_ORDER, String.valueOf(rig.port()), rig.user, rig.password);
    };
  }

  /** lftp in clear text (it tries AUTH TLS first otherwise), bounded in time, one try. */
  private static String lftpSettings(boolean passive) {
    return "set ftp:ssl-allow no; set net:max-retries 1; set net:timeout 15;"
        + " set ftp:passive-mode "
        + (passive ? "on" : "off")
        + "; ";
  }

  private static String open(ProxyRig rig) {
    return "open -u " + rig.user + "," + rig.password + " -p " + rig.port() + " 127.0.0.1; ";
  }
}
