package io.ftpseq.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Command;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the probe records a reply: each row is a short session of a scenario ({@code COMMAND ->
 * CODE}, with the probe's real scratch directory {@code /home/ftpseq/probe-1a2b3c4d} and user
 * {@code ftpseq}), the reply the server sent to its last command, and the text the profile keeps.
 */
class ProbeNamesTest {

  private static final ScratchDirectory SCRATCH =
      new ScratchDirectory("/home/ftpseq/probe-1a2b3c4d", "probe-1a2b3c4d");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiterString = " | ",
      textBlock =
          """
          RETR /home/ftpseq/probe-1a2b3c4d/probe.txt | Opening BINARY mode data connection for /home/ftpseq/probe-1a2b3c4d/probe.txt (32 bytes). | Opening BINARY mode data connection for {path} ({size} bytes).
          REST 1 -> 350; RETR /home/ftpseq/probe-1a2b3c4d/probe.txt | Opening BINARY mode data connection for /home/ftpseq/probe-1a2b3c4d/probe.txt (31 bytes) | Opening BINARY mode data connection for {path} ({size} bytes)
          SIZE /home/ftpseq/probe-1a2b3c4d/probe.txt | 32 | {size}
          SIZE /home/ftpseq/probe-1a2b3c4d/other.txt | 32 | 32
          REST 1 | Restarting at 1. Send STORE or RETRIEVE to initiate transfer | Restarting at {offset}. Send STORE or RETRIEVE to initiate transfer
          REST 1 | Restart position accepted (1). | Restart position accepted ({offset}).
          REST +05 | Restarting at +05. Send STORE or RETRIEVE to initiate transfer. | Restarting at {argument}. Send STORE or RETRIEVE to initiate transfer.
          REST +05 | Restarting at 5. Send STORE or RETRIEVE to initiate transfer | Restarting at {offset}. Send STORE or RETRIEVE to initiate transfer
          REST +05 | Restart position accepted (0). | Restart position accepted (0).
          TYPE I | Type set to I | Type set to {argument}
          TYPE A N | Unsupported type "A N". | Unsupported type "{argument}".
          TYPE I | Switching to Binary mode. | Switching to Binary mode.
          RETR /home/ftpseq/probe-1a2b3c4d/missing.txt | /home/ftpseq/probe-1a2b3c4d/missing.txt: No such file or directory | {path}: No such file or directory
          DELE /home/ftpseq/probe-1a2b3c4d/probe.txt | Deleted /home/ftpseq/probe-1a2b3c4d/probe.txt | Deleted {path}
          CWD /home/ftpseq/probe-1a2b3c4d -> 250; STOR upload.bin | Opening BINARY mode data connection for upload.bin | Opening BINARY mode data connection for {path}
          CWD /home/ftpseq/probe-1a2b3c4d -> 250; MKD sub | "/home/ftpseq/probe-1a2b3c4d/sub" created | "{dir}/{path}" created
          CWD /home/ftpseq/probe-1a2b3c4d -> 250; MKD sub | "sub" : The directory was successfully created | "{path}" : The directory was successfully created
          CWD /home/ftpseq/probe-1a2b3c4d -> 250; RMD sub | Remove directory operation successful. | Remove directory operation successful.
          CWD /home/ftpseq/probe-1a2b3c4d | OK. Current directory is /home/ftpseq/probe-1a2b3c4d | OK. Current directory is {dir}
          CWD /home/ftpseq/probe-1a2b3c4d -> 250; CDUP | OK. Current directory is /home/ftpseq | OK. Current directory is {dir}
          CWD /home/ftpseq/probe-1a2b3c4d -> 250; PWD | "/home/ftpseq/probe-1a2b3c4d" is the current directory | "{dir}" is the current directory
          PWD | "/home/ftpseq" is the current directory | "/home/{user}" is the current directory
          USER ftpseq -> 331; PASS secret | OK. Current directory is /home/ftpseq | OK. Current directory is /home/{user}
          ALLO 100 | ALLO command ignored for 100 bytes | ALLO command ignored for 100 bytes
          XYZZY | XYZZY not understood | {command} not understood
          xyzzy | Command "XYZZY" not understood. | Command "{command}" not understood.
          XYZZY | Command YZZY not implemented. | Command YZZY not implemented.
          PLUGH | Command PLUGH not implemented. | Command {command} not implemented.
          LANG fr | Command "LANG" not understood. | Command "LANG" not understood.
          """)
  void theProbesOwnNamesAndNumbersAreRecordedAsPlaceholders(
      String session, String reply, String recorded) {
    ProbeNames names = new ProbeNames(SCRATCH, "ftpseq");
    String[] steps = session.split("; ", -1);
    for (int i = 0; i < steps.length - 1; i++) {
      String[] step = steps[i].split(" -> ", -1);
      names.answered(Command.parse(step[0]), Integer.parseInt(step[1]));
    }

    assertThat(names.reply(Command.parse(steps[steps.length - 1]), reply)).isEqualTo(recorded);
  }
}
