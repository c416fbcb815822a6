package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model's predictions per profile in the key situations, each after a short session in which
 * the server answered as written ({@code VERB ARG -> code}); the last command is the one predicted.
 */
class ServerModelTest {

  private static final String LOGIN = "USER ftpuser -> 331; PASS secret -> 230; ";

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          vsftpd           | USER ftpuser -> 331; PASS secret -> 230; RETR a.txt | 425 | TRANSFER_WITHOUT_DATA_CHANNEL | Use PORT or PASV first.
          vsftpd           | PASS secret                                         | 503 | PASS_WITHOUT_USER             | Login with USER first.
          vsftpd           | NOOP                                                | 530 | BEFORE_LOGIN:NOOP             | Please login with USER and PASS.
          vsftpd           | CWD /                                               | 530 | BEFORE_LOGIN                  | Please login with USER and PASS.
          vsftpd           | USER ftpuser -> 331; PASS secret -> 230; EPSV ALL -> 200; EPRT x | 200 | EPRT_AFTER_EPSV_ALL | EPRT command successful. Consider using EPSV.
          vsftpd           | USER ftpuser -> 331; PASS secret -> 230; EPSV ALL -> 200; PASV | 550 | PASV_AFTER_EPSV_ALL | Permission denied.
          vsftpd           | USER ftpuser -> 331; PASS secret -> 230; RNFR a -> 350; NOOP -> 200; RNTO b | 250 | RNTO_AFTER_INTERVENING_COMMAND | Rename successful.
          vsftpd           | USER ftpuser -> 331; PASS secret -> 230; PASV -> 227; LIST -> 150; LIST | 425 | TRANSFER_AFTER_USED_DATA_CHANNEL | Use PORT or PASV first.
          vsftpd           | USER ftpuser -> 331; PASS secret -> 230; PASV -> 227; RETR gone -> 550; LIST | 150 | TRANSFER_AFTER_FAILED_TRANSFER | Here comes the directory listing.
          vsftpd           | USER ftpuser -> 331; PASS wrong -> 530; PASS secret | 503 | PASS_AFTER_FAILED_LOGIN | Login with USER first.
          apache-ftpserver | USER admin -> 331; PASS admin -> 230; RNFR a -> 350; NOOP -> 200; RNTO b | 503 | RNTO_AFTER_INTERVENING_COMMAND | Can't find the file which has to be renamed.
          apache-ftpserver | USER admin -> 331; PASS admin -> 230; RNFR a -> 350; NOOP -> 200; PWD -> 257; RNTO b | 503 | RNTO_WITHOUT_RNFR | Can't find the file which has to be renamed.
          vsftpd           | USER ftpuser -> 331; PASS secret -> 230; RNFR a -> 350; NOOP -> 200; PWD -> 257; RNTO b | 250 | REPLY:RNTO | Rename successful.
          proftpd          | USER u -> 331; PASS p -> 230; RNFR a -> 350; PWD -> 501; PWD | 501 | COMMAND_WHILE_RENAME_PENDING:PWD | Bad sequence of commands
          apache-ftpserver | USER admin -> 331; PASS admin -> 230; LIST | 503 | TRANSFER_WITHOUT_DATA_CHANNEL:LIST | PORT or PASV must be issued first
          apache-ftpserver | USER admin -> 331; PASS admin -> 230; PASV -> 227; LIST -> 150; LIST | 150 | TRANSFER_AFTER_USED_DATA_CHANNEL | File status okay; about to open data connection.
          apache-ftpserver | SYST                                                | 530 | BEFORE_LOGIN:SYST             | Access denied.
          proftpd          | USER u -> 331; PASS p -> 230; RNFR a -> 350; PWD    | 501 | COMMAND_WHILE_RENAME_PENDING:PWD | Bad sequence of commands
          proftpd          | USER u -> 331; PASS p -> 230; RNFR a -> 350; NOOP   | 200 | COMMAND_WHILE_RENAME_PENDING:NOOP | NOOP command successful
          proftpd          | USER u -> 331; PASS p -> 230; RNFR a -> 350; PWD -> 501; RNTO b | 250 | RNTO_AFTER_INTERVENING_COMMAND | Rename successful
          proftpd          | USER u -> 331; PASS p -> 230; EPSV ALL -> 200; EPRT x | 500 | EPRT_AFTER_EPSV_ALL | Illegal EPRT command, EPSV ALL in effect
          proftpd          | USER u -> 331; PASS p -> 230; HOST ftp.example.com  | 503 | HOST_AFTER_LOGIN              | Bad sequence of commands
          pure-ftpd        | PASS secret                                         | 530 | PASS_WITHOUT_USER             | Please tell me who you are
          pure-ftpd        | NOOP                                                | 200 | BEFORE_LOGIN:NOOP             | Zzz...
          pure-ftpd        | USER u -> 331; PASS p -> 230; PASV -> 227; LIST -> 150; LIST | 150 | TRANSFER_AFTER_USED_DATA_CHANNEL | Accepted data connection
          pure-ftpd        | USER u -> 331; PASS p -> 230; EPSV ALL -> 220; PASV | 227 | PASV_AFTER_EPSV_ALL           | Entering Passive Mode (<address>)
          pure-ftpd        | PBSZ 0                                              | 503 | PBSZ_WITHOUT_AUTH             | PBSZ=0
          pyftpdlib        | USER u -> 331; PASS p -> 230; REST 1                | 501 | REST_IN_ASCII                 | Resuming transfers not allowed in ASCII mode.
          pyftpdlib        | USER u -> 331; PASS p -> 230; TYPE I -> 200; REST 1 | 350 | REPLY:REST                    | Restarting at position 1.
          pyftpdlib        | USER u -> 331; PASS p -> 230; TYPE I -> 200; REST 1 -> 350; APPE a | 450 | REST_THEN_APPE | Can't APPE while REST request is pending.
          pyftpdlib        | USER u -> 331; PASS p -> 230; USER u            | 331 | USER_AFTER_LOGIN              | Previous account information was flushed, send password.
          pyftpdlib        | USER u -> 331; PASS p -> 230; USER u -> 331; CWD / | 530 | BEFORE_LOGIN               | Log in with USER and PASS first.
          bftpd            | NOOP                                                | 503 | BEFORE_LOGIN:NOOP             | USER expected.
          bftpd            | USER u -> 331; USER u                               | 503 | USER_TWICE                    | Username already given.
          bftpd            | USER u -> 331; PASS p -> 230; LIST                  | 425 | TRANSFER_WITHOUT_DATA_CHANNEL | Unable to establish data connection.
          pyftpdlib        | USER u -> 331; NOOP -> 200; PASS p                  | 230 | PASS_AFTER_INTERVENING_COMMAND | Login successful.
          vsftpd           | USER u -> 331; NOOP -> 530; PASS p                  | 230 | PASS_AFTER_INTERVENING_COMMAND | Login successful.
          rfc              | USER u -> 331; NOOP -> 200; PASS p                  | 503 | PASS_AFTER_INTERVENING_COMMAND | Bad sequence of commands.
          rfc              | USER u -> 331; PASS p                               | 230 | REPLY:PASS                    |
          bftpd            | USER u -> 331; PASS p -> 230; PASV -> 227; LIST -> 150; LIST | 425 | TRANSFER_AFTER_USED_DATA_CHANNEL | Unable to accept data connection.
          filezilla-server | USER u -> 331; PASS p -> 230; RETR a                | 425 | TRANSFER_WITHOUT_DATA_CHANNEL | Use PORT, PASV or EPSV first.
          rfc              | USER u -> 331; PASS p -> 230; RNTO b                | 503 | RNTO_WITHOUT_RNFR             | Bad sequence of commands.
          rfc              | USER u -> 331; PASS p -> 230; HOST example.com      | 503 | HOST_AFTER_LOGIN              | Bad sequence of commands.
          rfc              | USER u -> 331; PASS p -> 230; CDUP                  | 200 | REPLY:CDUP                    | Command okay.
          rfc              | CWD /                                               | 530 | BEFORE_LOGIN                  | Not logged in.
          rfc              | QUIT -> 221; NOOP                                   | 0   | COMMAND_AFTER_QUIT            | closed
          """)
  void predictsTheProfilesReaction(
      String profile, String session, int code, String key, String text) {
    Prediction prediction = predict(profile, session);

    assertThat(prediction.situation()).hasToString(key);
    assertThat(prediction.code()).isEqualTo(code);
    assertThat(prediction.text()).isEqualTo(text == null ? "" : text);
  }

  /**
   * REST with an offset that is not a number, answered as the real servers answer it (asked by
   * hand: vsftpd 3.0.3, ProFTPD 1.3.8, Pure-FTPd 1.0.50, pyftpdlib 1.5.7, Apache FtpServer 1.2.1):
   * vsftpd restarts at 0, the others refuse it, ProFTPD and Pure-FTPd before they look at the type.
   * Where nothing is known the model predicts nothing. An offset of zero written otherwise is still
   * zero.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          vsftpd           | TYPE I -> 200; REST abc   | 350 | REST_OFFSET_NOT_A_NUMBER | Restart position accepted (0).
          vsftpd           | TYPE I -> 200; REST 10abc | 350 | REST_OFFSET_NOT_A_NUMBER | Restart position accepted (0).
          vsftpd           | TYPE I -> 200; REST 100   | 350 | REPLY:REST               | Restart position accepted (100).
          proftpd          | TYPE I -> 200; REST abc   | 501 | REST_OFFSET_NOT_A_NUMBER | REST requires a value greater than or equal to 0
          proftpd          | TYPE I -> 200; REST -5    | 501 | REST_OFFSET_NEGATIVE     | REST requires a value greater than or equal to 0
          proftpd          | TYPE A -> 200; REST abc   | 501 | REST_OFFSET_NOT_A_NUMBER | REST requires a value greater than or equal to 0
          proftpd          | TYPE A -> 200; REST 00    | 350 | REPLY:REST               | Restarting at 0. Send STORE or RETRIEVE to initiate transfer
          proftpd          | TYPE I -> 200; REST +7    | 350 | REST_OFFSET_WITH_PLUS    | Restarting at 7. Send STORE or RETRIEVE to initiate transfer
          pure-ftpd        | TYPE I -> 200; REST abc   | 554 | REST_OFFSET_NOT_A_NUMBER | REST needs a numeric parameter
          pure-ftpd        | TYPE A -> 200; REST 0x10  | 554 | REST_OFFSET_NOT_A_NUMBER | REST needs a numeric parameter
          pyftpdlib        | TYPE I -> 200; REST abc   | 501 | REST_OFFSET_NOT_A_NUMBER | Invalid parameter.
          apache-ftpserver | TYPE I -> 200; REST abc   | 501 | REST_OFFSET_NOT_A_NUMBER | Not a valid marker.
          bftpd            | REST abc                  | 350 | REST_OFFSET_NOT_A_NUMBER |
          rfc              | REST abc                  | 501 | REST_OFFSET_NOT_A_NUMBER | Syntax error in parameters or arguments.
          filezilla-server | REST abc                  | 0   | REST_OFFSET_NOT_A_NUMBER |
          pyftpdlib        | TYPE A -> 200; REST 0     | 501 | REST_ZERO_IN_ASCII       | Resuming transfers not allowed in ASCII mode.
          pyftpdlib        | REST 00                   | 501 | REST_ZERO_IN_ASCII       | Resuming transfers not allowed in ASCII mode.
          pyftpdlib        | TYPE I -> 200; REST 0     | 350 | REPLY:REST               | Restarting at position 0.
          proftpd          | TYPE A -> 200; REST 0     | 350 | REPLY:REST               | Restarting at 0. Send STORE or RETRIEVE to initiate transfer
          vsftpd           | TYPE A -> 200; REST 0     | 350 | REPLY:REST               | Restart position accepted (0).
          """)
  void restWithAnOffsetThatIsNotANumberIsAnsweredAsEachServerDoes(
      String profile, String session, int code, String key, String text) {
    Prediction prediction = predict(profile, LOGIN + session);

    assertThat(prediction.situation()).hasToString(key);
    assertThat(prediction.code()).isEqualTo(code);
    assertThat(prediction.text()).isEqualTo(text == null ? "" : text);
  }

  /**
   * TYPE and REST by the form of their argument, as the real servers answered them (probed with
   * vsftpd 3.0.3, ProFTPD 1.3.8, Pure-FTPd 1.0.50, pyftpdlib 1.5.7, Apache FtpServer 1.2.1): ASCII
   * in its own words, the forms a server refuses refused, a missing argument as each answers it,
   * and the offsets some servers read otherwise (a sign, more than 15 digits, past 2^63-1). Where a
   * profile does not say, the model predicts nothing rather than the reply to {@code TYPE I} or
   * {@code REST 1}.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          vsftpd           | TYPE A                                  | 200 | TYPE_ASCII                 | Switching to ASCII mode.
          vsftpd           | TYPE a n                                | 200 | TYPE_ASCII_NON_PRINT       | Switching to ASCII mode.
          vsftpd           | TYPE A T                                | 500 | TYPE_ASCII_OTHER_FORMAT    | Unrecognised TYPE command.
          vsftpd           | TYPE L 8                                | 200 | TYPE_LOCAL_8               | Switching to Binary mode.
          vsftpd           | TYPE E                                  | 500 | TYPE_EBCDIC                | Unrecognised TYPE command.
          vsftpd           | TYPE                                    | 500 | ARGUMENT_MISSING:TYPE      | Unrecognised TYPE command.
          vsftpd           | TYPE I                                  | 200 | REPLY:TYPE                 | Switching to Binary mode.
          proftpd          | TYPE A                                  | 200 | TYPE_ASCII                 | Type set to A
          proftpd          | TYPE X                                  | 504 | TYPE_UNKNOWN               | TYPE not implemented for 'X' parameter
          proftpd          | TYPE                                    | 500 | ARGUMENT_MISSING:TYPE      | 'TYPE' not understood
          pure-ftpd        | TYPE A                                  | 200 | TYPE_ASCII                 | TYPE is now ASCII
          pure-ftpd        | TYPE E                                  | 504 | TYPE_EBCDIC                | Unknown TYPE: E
          pyftpdlib        | TYPE A N                                | 504 | TYPE_ASCII_NON_PRINT       | Unsupported type "A N".
          pyftpdlib        | TYPE                                    | 501 | ARGUMENT_MISSING:TYPE      | Syntax error: command needs an argument.
          apache-ftpserver | TYPE L 8                                | 504 | TYPE_LOCAL_8               | Command TYPE not implemented for the parameter L 8.
          apache-ftpserver | TYPE X                                  | 504 | TYPE_UNKNOWN               | Command TYPE not implemented for the parameter X.
          filezilla-server | TYPE E                                  | 0   | TYPE_EBCDIC                |
          filezilla-server | TYPE L 7                                | 0   | TYPE_LOCAL_7               |
          filezilla-server | TYPE L 8 X                              | 0   | REPLY:TYPE                 |
          proftpd          | TYPE L 7                                | 200 | TYPE_LOCAL_7               | Type set to L
          pyftpdlib        | TYPE l 7                                | 200 | TYPE_LOCAL_7               | Type set to: ASCII.
          vsftpd           | TYPE L 7                                | 500 | TYPE_LOCAL_7               | Unrecognised TYPE command.
          apache-ftpserver | TYPE L 16                               | 504 | TYPE_LOCAL_OTHER           | Command TYPE not implemented for the parameter L 16.
          pure-ftpd        | TYPE L 16                               | 200 | TYPE_LOCAL_OTHER           | Missing argument
          proftpd          | TYPE I X                                | 200 | TYPE_IMAGE_WITH_FORMAT     | Type set to I
          pyftpdlib        | TYPE I N                                | 504 | TYPE_IMAGE_WITH_FORMAT     | Unsupported type "I N".
          proftpd          | TYPE A X                                | 200 | TYPE_ASCII_UNKNOWN_FORMAT  | Type set to A
          vsftpd           | TYPE a x                                | 500 | TYPE_ASCII_UNKNOWN_FORMAT  | Unrecognised TYPE command.
          proftpd          | TYPE I -> 200; TYPE L 7 -> 200; SIZE a  | 550 | SIZE_IN_ASCII              | SIZE not allowed in ASCII mode
          pyftpdlib        | TYPE I -> 200; TYPE L 7 -> 200; SIZE a  | 550 | SIZE_IN_ASCII              | SIZE not allowed in ASCII mode.
          proftpd          | TYPE A -> 200; TYPE I X -> 200; SIZE a  | 213 | REPLY:SIZE                 | <size>
          iis              | TYPE A                                  | 200 | TYPE_ASCII                 |
          rfc              | TYPE A                                  | 200 | TYPE_ASCII                 | Command okay.
          vsftpd           | TYPE I -> 200; REST                     | 350 | ARGUMENT_MISSING:REST      | Restart position accepted (0).
          vsftpd           | TYPE I -> 200; REST +5                  | 350 | REST_OFFSET_WITH_PLUS      | Restart position accepted (0).
          vsftpd           | TYPE I -> 200; REST 1234567890123456    | 350 | REST_OFFSET_OVER_15_DIGITS | Restart position accepted (0).
          vsftpd           | TYPE I -> 200; REST 123456789012345     | 350 | REPLY:REST                 | Restart position accepted (123456789012345).
          proftpd          | TYPE I -> 200; REST                     | 500 | ARGUMENT_MISSING:REST      | 'REST' not understood
          proftpd          | TYPE I -> 200; REST 9223372036854775808 | 350 | REST_OFFSET_OVER_63_BITS   | Restarting at 9223372036854775808. Send STORE or RETRIEVE to initiate transfer
          pure-ftpd        | TYPE I -> 200; REST 9223372036854775808 | 554 | REST_OFFSET_OVER_63_BITS   | REST needs a numeric parameter
          pure-ftpd        | TYPE I -> 200; REST 9223372036854775807 | 350 | REST_OFFSET_OVER_15_DIGITS | Restarting at 9223372036854775807
          pyftpdlib        | TYPE A -> 200; REST abc                 | 501 | REST_IN_ASCII              | Resuming transfers not allowed in ASCII mode.
          pyftpdlib        | TYPE I -> 200; REST                     | 501 | ARGUMENT_MISSING:REST      | Syntax error: command needs an argument.
          apache-ftpserver | TYPE I -> 200; REST -5                  | 501 | REST_OFFSET_NEGATIVE       | Marker can't be negetive.
          apache-ftpserver | TYPE I -> 200; REST 9223372036854775808 | 501 | REST_OFFSET_OVER_63_BITS   | Not a valid marker.
          apache-ftpserver | TYPE I -> 200; REST +5                  | 350 | REST_OFFSET_WITH_PLUS      | Restarting at +5. Send STORE or RETRIEVE to initiate transfer.
          apache-ftpserver | TYPE I -> 200; REST 007                 | 350 | REPLY:REST                 | Restarting at 007. Send STORE or RETRIEVE to initiate transfer.
          vsftpd           | SIZE a.txt                              | 213 | REPLY:SIZE                 | <size>
          apache-ftpserver | TYPE I -> 200; REST                     | 501 | ARGUMENT_MISSING:REST      | Syntax error in parameters or arguments.
          filezilla-server | REST                                    | 0   | ARGUMENT_MISSING           |
          rfc              | REST                                    | 501 | ARGUMENT_MISSING           | Syntax error in parameters or arguments.
          """)
  void typeAndRestAreAnsweredByTheFormOfTheirArgument(
      String profile, String session, int code, String key, String text) {
    Prediction prediction = predict(profile, LOGIN + session);

    assertThat(prediction.situation()).hasToString(key);
    assertThat(prediction.code()).isEqualTo(code);
    assertThat(prediction.text()).isEqualTo(text == null ? "" : text);
  }

  /**
   * STAT with a path: the status of that file (213) or directory (212) of RFC 959 §4.1.3 and §5.4,
   * as each server answers it (asked by hand); RFC 959's code where the profile does not say. A
   * path is a directory's when it ends with a slash, is made of {@code .} and {@code ..} alone
   * (wherever the session is), names the working directory or one above it, or one the session made
   * or entered; a file's when the session stored, fetched or sized it. Any other path is answered
   * only where the server answers a file and a directory alike.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          vsftpd           | STAT                          | 211 | REPLY:STAT     | FTP server status:
          vsftpd           | STAT a.txt                    | 213 | STAT_FILE      | Status follows:
          vsftpd           | STAT sub                      | 213 | STAT_FILE      | Status follows:
          vsftpd           | STAT .                        | 213 | STAT_DIRECTORY | Status follows:
          proftpd          | SIZE a.txt -> 213; STAT a.txt | 213 | STAT_FILE      | Status of a.txt:
          proftpd          | STAT a.txt                    | 0   | STAT_FILE      |
          proftpd          | MKD sub -> 257; STAT sub      | 212 | STAT_DIRECTORY | Status of sub:
          proftpd          | MKD sub -> 257; RMD sub -> 250; STAT sub | 0 | STAT_FILE |
          proftpd          | STOR sub -> 150; STAT sub     | 213 | STAT_FILE      | Status of sub:
          proftpd          | STAT sub/                     | 212 | STAT_DIRECTORY | Status of sub/:
          proftpd          | CWD /srv/data -> 250; STAT /srv | 212 | STAT_DIRECTORY | Status of /srv:
          proftpd          | CWD /srv/data -> 250; STAT ../data | 212 | STAT_DIRECTORY | Status of ../data:
          proftpd          | CWD /srv/data -> 250; STAT ../other | 0 | STAT_FILE    |
          proftpd          | CWD /srv/other -> 250; CWD /srv/data -> 250; STAT ../other | 212 | STAT_DIRECTORY | Status of ../other:
          pure-ftpd        | STAT a.txt                    | 213 | STAT_FILE      | STAT
          pyftpdlib        | CWD sub -> 250; STAT a.txt    | 213 | STAT_FILE      | Status of "/sub/a.txt":
          pyftpdlib        | STAT /                        | 213 | STAT_DIRECTORY | Status of "/":
          apache-ftpserver | RETR a.txt -> 150; STAT a.txt | 213 | STAT_FILE      |
          apache-ftpserver | CWD sub -> 250; CDUP -> 250; STAT sub | 212 | STAT_DIRECTORY |
          apache-ftpserver | STAT ..                       | 212 | STAT_DIRECTORY |
          bftpd            | STAT a.txt                    | 213 | STAT_FILE      | Status of a.txt:
          rfc              | MDTM a.txt -> 213; STAT a.txt | 213 | STAT_FILE      | File status.
          rfc              | STAT a.txt                    | 0   | STAT_FILE      |
          rfc              | STAT .                        | 212 | STAT_DIRECTORY | Directory status.
          filezilla-server | SIZE a.txt -> 213; STAT a.txt | 213 | STAT_FILE      |
          filezilla-server | CWD ~ -> 250; STAT ~          | 0   | STAT_FILE      |
          filezilla-server | CWD ~ -> 250; STAT ..         | 212 | STAT_DIRECTORY |
          iis              | CWD ~ -> 250; STAT .          | 212 | STAT_DIRECTORY |
          iis              | CWD ~ -> 250; STAT ./../.     | 212 | STAT_DIRECTORY |
          iis              | SIZE a.txt -> 213; STAT a.txt | 213 | STAT_FILE      |
          iis              | STAT ~                        | 0   | STAT_FILE      |
          """)
  void statWithAPathIsTheStatusOfThatFileOrDirectory(
      String profile, String session, int code, String key, String text) {
    Prediction prediction = predict(profile, LOGIN + session);

    assertThat(prediction.situation()).hasToString(key);
    assertThat(prediction.code()).isEqualTo(code);
    assertThat(prediction.text()).isEqualTo(text == null ? "" : text);
  }

  /**
   * CWD with no path, as each server answers it (asked by hand): vsftpd and ProFTPD refuse it,
   * Pure-FTPd, pyftpdlib and Apache FtpServer go to the login directory, as a shell's {@code cd}.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          vsftpd           | CWD /srv -> 250; CWD             | 550 | CWD_WITHOUT_PATH | Failed to change directory.
          proftpd          | CWD /srv -> 250; CWD             | 501 | CWD_WITHOUT_PATH | Invalid number of parameters
          pure-ftpd        | CWD /srv -> 250; CWD             | 250 | CWD_WITHOUT_PATH | OK. Current directory is /home/ftpuser
          pyftpdlib        | CWD /srv -> 250; CWD             | 250 | CWD_WITHOUT_PATH | "/" is the current directory.
          apache-ftpserver | CWD /srv -> 250; CWD             | 250 | CWD_WITHOUT_PATH | Directory changed to /
          pure-ftpd        | CWD /srv -> 250; CWD -> 250; PWD | 257 | REPLY:PWD        | "/home/ftpuser" is your current location
          vsftpd           | CWD /srv -> 250; CWD -> 550; PWD | 257 | REPLY:PWD        | "/srv" is the current directory
          iis              | CWD                              | 0   | CWD_WITHOUT_PATH |
          """)
  void cwdWithNoPathIsAnsweredAsEachServerDoes(
      String profile, String session, int code, String key, String text) {
    Prediction prediction = predict(profile, LOGIN + session);

    assertThat(prediction.situation()).hasToString(key);
    assertThat(prediction.code()).isEqualTo(code);
    assertThat(prediction.text()).isEqualTo(text == null ? "" : text);
  }

  @ParameterizedTest(name = "rfc: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          USER u -> 331; PASS p -> 230; EPSV ALL                 | EPSV_ALL
          USER u -> 331; PASS p -> 230; EPSV ALL -> 200; PASV    | PASV_AFTER_EPSV_ALL
          USER u -> 331; PASS p -> 230; TYPE I -> 200; REST 5 -> 350; NOOP | REST_THEN_OTHER
          USER u -> 331; PASS p -> 230; RNFR a -> 350; PWD       | COMMAND_WHILE_RENAME_PENDING
          PWD                                                    | BEFORE_LOGIN:PWD
          """)
  void rfcProfilePredictsNothingWhereTheRfcsSayNothing(String session, String key) {
    Prediction prediction = predict("rfc", session);

    assertThat(prediction.situation()).hasToString(key);
    assertThat(prediction.predicts()).isFalse();
    assertThat(prediction.text()).startsWith("RFC ");
  }

  @Test
  void aSituationTheProfileLacksPredictsNothingRatherThanTheUsualReply() {
    Prediction prediction = predict("iis", LOGIN + "RNTO b");

    assertThat(prediction.situation()).hasToString("RNTO_WITHOUT_RNFR");
    assertThat(prediction.predicts()).isFalse();
  }

  @Test
  void usualRepliesComeFromTheProfileOrTheBuiltInDefault() {
    assertThat(predict("vsftpd", "USER ftpuser"))
        .isEqualTo(
            new Prediction(331, "Please specify the password.", SituationKey.parse("REPLY:USER")));
    assertThat(predict("iis", LOGIN + "PASV"))
        .isEqualTo(new Prediction(227, "", SituationKey.parse("REPLY:PASV")));
    assertThat(predict("iis", LOGIN + "SITE CHMOD 644 a").predicts()).isFalse();
  }

  @Test
  void theViewFollowsTheRealRepliesNotThePredictions() {
    // vsftpd would refuse NOOP before login; this server answered, and USER then got 230 at once.
    ServerModel model = profile("vsftpd").newModel();
    ModelSteps.step(model, "NOOP -> 200; USER anonymous -> 230");

    assertThat(model.predict(Command.parse("CWD /")).situation()).hasToString("REPLY:CWD");
  }

  @Test
  void switchingProfileKeepsTheView() {
    ServerModel model = profile("rfc").newModel();
    ModelSteps.step(model, LOGIN);

    ServerModel vsftpd = model.withProfile(profile("vsftpd"));

    assertThat(vsftpd.predict(Command.parse("RETR a")).code()).isEqualTo(425);
    assertThat(model.predict(Command.parse("RETR a")).code()).isEqualTo(150);
  }

  private static Prediction predict(String profile, String session) {
    return ModelSteps.predict(profile(profile).newModel(), session);
  }

  private static ServerProfile profile(String name) {
    return ServerProfiles.builtIn(name).orElseThrow();
  }
}
