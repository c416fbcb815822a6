package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.transcript.DialogueTranscript;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each row is a short dialogue and the rule ids it must produce, in order of line. Dialogues that
 * start with {@code S: 220} start from a known state.
 */
class RuleTest {

  private static final String LOGIN =
      """
      S: 220 ready
      C: USER u
      S: 331 need password
      C: PASS p
      S: 230 logged in
      """;

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "replyOtherThanTheProfilePredictsIsReported",
            "S: 220 (vsFTPd 3.0.5)\nC: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"
                + "C: RETR a.txt\nS: 150 Opening\nS: 226 Done\n",
            "TRANSFER_WITHOUT_DATA_CHANNEL",
            "REPLY_DIFFERS_FROM_PROFILE"),
        row(
            "replyTheProfilePredictsIsNotReported",
            "S: 220 (vsFTPd 3.0.5)\nC: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"
                + "C: RETR a.txt\nS: 425 Use PORT or PASV first.\n",
            "TRANSFER_WITHOUT_DATA_CHANNEL"),
        row(
            "rfcProfileLeavesDifferencesToReplyNotAllowed",
            "S: 220 ready\nC: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"
                + "C: RETR a.txt\nS: 425 no\n",
            "TRANSFER_WITHOUT_DATA_CHANNEL"),
        row(
            "aborAnsweredAloneDuringATransferIsNotTheTransfersReply",
            "S: 220 (vsFTPd 3.0.3)\nC: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"
                + "C: PASV\nS: 227 Entering Passive Mode (127,0,0,1,4,1).\nC: RETR big.bin\n"
                + "S: 150 Opening BINARY mode data connection.\nC: ABOR\n"
                + "S: 225 No transfer to ABOR.\nC: QUIT\nS: 221 Goodbye.\n"),
        row(
            "aborDuringATransferWith426Then226",
            "S: 220 ready\nC: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"
                + "C: PASV\nS: 227 Entering Passive Mode (127,0,0,1,4,1).\nC: RETR big.bin\n"
                + "S: 150 Opening\nC: ABOR\nS: 426 Transfer aborted.\nS: 226 ABOR ok.\n"),
        row(
            "notLoggedInBeforeLoginIsALegalAnswerToAnyCommand",
            "S: 220 ready\nC: OPTS UTF8 ON\nS: 530 Please login with USER and PASS.\n"
                + "C: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"),
        row(
            "notLoggedInWhereTheRecordMissesTheLoginIsALegalAnswer",
            "C: SYST\nS: 530 Please login with USER and PASS.\nC: HELP\nS: 530 Please login.\n"
                + "C: NOOP\nS: 530 Please login.\nC: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"),
        row(
            "notImplementedForThatParameterAnswersAnyCommandWithOne",
            LOGIN
                + "C: OPTS UTF8 ON\nS: 504 Unknown command\nC: OPTS MLST type;size;\n"
                + "S: 504 Unknown command\nC: SITE CHMOD 644 a.txt\nS: 504 Not for that\n"
                + "C: HELP SITE\nS: 504 No help for that\n"),
        row(
            "notImplementedForThatParameterWithoutOneIsFlagged",
            LOGIN + "C: NOOP\nS: 504 Not implemented for that parameter\n",
            "REPLY_NOT_ALLOWED"),
        row(
            "commandsTheRfcsAllowBeforeLoginAreNoError",
            "S: 220 ready\nC: TYPE I\nS: 200 ok\nC: MODE S\nS: 200 ok\nC: STRU F\nS: 200 ok\n"
                + "C: PWD\nS: 257 \"/\"\nC: ALLO 10\nS: 202 no need\n"
                + "C: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"),
        row(
            "commandTheRfcsAllowBeforeLoginIsLoginRequiredWhereTheServerRefusesIt",
            "S: 220 (vsFTPd 3.0.3)\nC: TYPE I\nS: 530 Please login with USER and PASS.\n"
                + "C: PWD\nS: 530 Please login with USER and PASS.\n",
            "LOGIN_REQUIRED",
            "LOGIN_REQUIRED"),
        row(
            "commandTheRfcsAllowBeforeLoginThatTheServerTakesIsClean",
            "S: 220 ProFTPD Server (Debian) [127.0.0.1]\nC: TYPE I\nS: 200 Type set to I\n"),
        row(
            "commandTheRfcsAllowBeforeLoginAcceptedWhereTheProfileRefusesItIsNoBadOrder",
            "S: 220 (vsFTPd 3.0.3)\nC: TYPE I\nS: 200 Switching to Binary mode.\n",
            "REPLY_DIFFERS_FROM_PROFILE"),
        row(
            "fileCommandBeforeLoginAcceptedIsABadOrderAccepted",
            "S: 220 ready\nC: CWD x\nS: 250 ok\n",
            "LOGIN_REQUIRED",
            "BAD_ORDER_ACCEPTED"),
        row(
            "notLoggedInToSystAfterLoginIsFlagged",
            LOGIN + "C: SYST\nS: 530 Please login with USER and PASS.\n",
            "REPLY_NOT_ALLOWED"),
        row(
            "vsftpdRefusesHelpBeforeLogin",
            "S: 220 (vsFTPd 3.0.3)\nC: HELP\nS: 530 Please login with USER and PASS.\n",
            "SERVER_SPECIFIC_REFUSAL"),
        row(
            "pureFtpdRefusesUserAndPassAfterLogin",
            "S: 220 Welcome to Pure-FTPd [privsep]\nC: USER u\nS: 331 pw\n"
                + "C: PASS p\nS: 230 ok\nC: USER u\nS: 530 You're already logged in\n"
                + "C: PASS p\nS: 530 We can't do that in the current session\n",
            "SERVER_SPECIFIC_REFUSAL",
            "SERVER_SPECIFIC_REFUSAL"),
        row(
            // XYZZY is in no order of the RFCs: vsftpd refuses it as unknown after login, and
            // asks for a login before it, neither a refusal of an order the RFCs allow
            "vsftpdRefusingAnUnknownVerbBeforeLoginIsNoOrderOfTheRfcs",
            "S: 220 (vsFTPd 3.0.3)\nC: XYZZY\nS: 530 Please login with USER and PASS.\n"),
        row(
            "aSequenceReplyToAnUnknownVerbIsNoReplyToALegalOrder",
            "S: 220 ready\nC: XYZZY\nS: 503 Login with USER first.\n"
                + LOGIN.substring(LOGIN.indexOf("C:"))
                + "C: FOO x\nS: 503 no\n"),
        row(
            "rfcProfileRaisesNoServerSpecificRefusal",
            "S: 220 ready\nC: HELP\nS: 530 Please login with USER and PASS.\n"),
        row(
            "predictedRefusalTheServerDidNotMakeIsOnlyADifference",
            "S: 220 (vsFTPd 3.0.3)\nC: HELP\nS: 214 Help OK.\n",
            "REPLY_DIFFERS_FROM_PROFILE"),
        row(
            "passFirstIsFlagged",
            "S: 220 ready\nC: PASS p\nS: 503 Login with USER first.\n",
            "PASS_WITHOUT_USER"),
        row(
            "passAfterRefusedUserIsFlagged",
            "S: 220 ready\nC: USER x\nS: 530 no\nC: PASS p\nS: 503 bad\n",
            "PASS_WITHOUT_USER"),
        row(
            "passAfterInterveningCommandIsFlagged",
            "S: 220 ready\nC: USER u\nS: 331 pw\nC: NOOP\nS: 200 ok\nC: PASS p\nS: 503 bad\n",
            "PASS_NOT_AFTER_USER"),
        row("passRightAfterUserIsClean", LOGIN),
        row(
            "passAgainAfterLoginIsFlagged",
            LOGIN + "C: PASS p\nS: 503 Already logged in.\n",
            "PASS_WITHOUT_USER"),
        row(
            "acctWithoutRequestIsFlagged",
            LOGIN + "C: ACCT a\nS: 202 superfluous\n",
            "ACCT_NOT_REQUESTED"),
        row(
            "acctAfter332IsClean",
            "S: 220 ready\nC: USER u\nS: 331 pw\nC: PASS p\nS: 332 account\nC: ACCT a\n"
                + "S: 230 ok\n"),
        row("rntoAloneIsFlagged", LOGIN + "C: RNTO b\nS: 503 RNFR first\n", "RNTO_WITHOUT_RNFR"),
        row(
            "rntoAfterRefusedRnfrIsFlagged",
            LOGIN + "C: RNFR a\nS: 550 no such file\nC: RNTO b\nS: 503 RNFR first\n",
            "RNTO_WITHOUT_RNFR"),
        row(
            "rnfrThenOtherCommandIsFlaggedTwice",
            LOGIN + "C: RNFR a\nS: 350 ready\nC: NOOP\nS: 200 ok\nC: RNTO b\nS: 250 ok\n",
            "RNFR_NOT_FOLLOWED_BY_RNTO",
            "RNTO_WITHOUT_RNFR",
            "BAD_ORDER_ACCEPTED"),
        row("renamePairIsClean", LOGIN + "C: RNFR a\nS: 350 ready\nC: RNTO b\nS: 250 ok\n"),
        row(
            "restBeforePasvIsFlagged",
            LOGIN
                + "C: REST 10\nS: 350 ok\nC: PASV\nS: 227 (1,2,3,4,5,6)\nC: RETR f\n"
                + "S: 150 go\nS: 226 done\n",
            "REST_NOT_BEFORE_TRANSFER"),
        row(
            "restRightBeforeRetrIsClean",
            LOGIN
                + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: REST 10\nS: 350 ok\nC: RETR f\n"
                + "S: 150 go\nS: 226 done\n"),
        row(
            "retrWithoutPasvIsFlagged",
            LOGIN + "C: RETR f\nS: 425 Use PORT or PASV first.\n",
            "TRANSFER_WITHOUT_DATA_CHANNEL"),
        row(
            "secondTransferNeedsItsOwnPasv",
            LOGIN
                + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: LIST\nS: 150 go\nS: 226 done\n"
                + "C: NLST\nS: 425 no data connection\n",
            "TRANSFER_WITHOUT_DATA_CHANNEL"),
        row(
            "transferAfterARefusedTransferIsNotJudgedWithoutAProfile",
            LOGIN
                + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: RETR missing\nS: 550 No such file\n"
                + "C: RETR f\nS: 150 go\nS: 226 done\n"),
        row(
            "pyftpdlibKeepsTheChannelAfterARefusedTransferAndAnswers125",
            "S: 220 pyftpdlib 1.5.7 ready.\nC: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"
                + "C: PASV\nS: 227 Entering passive mode (127,0,0,1,4,1).\n"
                + "C: RETR missing\nS: 550 No such file or directory.\n"
                + "C: RETR up.txt\nS: 125 Data connection already open. Transfer starting.\n"
                + "S: 226 Transfer complete.\n"),
        row(
            "proftpdDropsTheChannelAfterARefusedTransfer",
            "S: 220 ProFTPD Server (Debian) [127.0.0.1]\nC: USER u\nS: 331 pw\nC: PASS p\n"
                + "S: 230 ok\nC: PASV\nS: 227 Entering Passive Mode (127,0,0,1,4,1).\n"
                + "C: RETR missing\nS: 550 missing: No such file or directory\n"
                + "C: RETR up.txt\nS: 425 Unable to build data connection: Connection refused\n",
            "SERVER_SPECIFIC_REFUSAL"),
        row(
            "transferAfterAFailedDataConnectionNeedsANewPasv",
            LOGIN
                + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: RETR f\nS: 425 Can't open data connection\n"
                + "C: RETR f\nS: 425 Use PORT or PASV first.\n",
            "TRANSFER_WITHOUT_DATA_CHANNEL"),
        row(
            "transferThatStartedThenFailedUsedItsChannel",
            LOGIN
                + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: RETR f\nS: 150 go\nS: 451 local error\n"
                + "C: RETR f\nS: 425 Use PORT or PASV first.\n",
            "TRANSFER_WITHOUT_DATA_CHANNEL"),
        row(
            "unusedPasvIsFlaggedAtThePasv",
            LOGIN + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: QUIT\nS: 221 bye\n",
            "DATA_CHANNEL_UNUSED"),
        row(
            "epsvFallingBackToPasvIsClean",
            LOGIN
                + "C: EPSV\nS: 500 unknown\nC: PASV\nS: 227 (1,2,3,4,5,6)\nC: RETR f\n"
                + "S: 150 go\nS: 226 done\n"),
        row(
            "listBeforeLoginIsFlagged",
            "S: 220 ready\nC: LIST\nS: 530 Please login\n",
            "TRANSFER_WITHOUT_DATA_CHANNEL",
            "LOGIN_REQUIRED"),
        row(
            "pasvAfterEpsvAllIsFlagged",
            LOGIN + "C: EPSV ALL\nS: 200 ok\nC: PASV\nS: 500 Illegal PASV\n",
            "EPSV_ALL_VIOLATION"),
        row("pbszBeforeAuthIsFlagged", "S: 220 ready\nC: PBSZ 0\nS: 503 no\n", "PBSZ_WITHOUT_AUTH"),
        row(
            "protBeforePbszIsFlagged",
            "S: 220 ready\nC: AUTH TLS\nS: 234 ok\nC: PROT P\nS: 503 PBSZ first\n",
            "PROT_WITHOUT_PBSZ"),
        row(
            "tlsInOrderIsClean",
            "S: 220 ready\nC: AUTH TLS\nS: 234 ok\nC: PBSZ 0\nS: 200 ok\nC: PROT P\nS: 200 ok\n"
                + "C: USER u\nS: 331 pw\nC: PASS p\nS: 230 ok\n"),
        row(
            "protAfterCccIsFlagged",
            "S: 220 ready\nC: AUTH TLS\nS: 234 ok\nC: PBSZ 0\nS: 200 ok\nC: CCC\nS: 200 ok\n"
                + "C: PROT C\nS: 534 no\n",
            "SECURITY_AFTER_CCC"),
        row(
            "adatWithoutAuthIsFlagged",
            "S: 220 ready\nC: ADAT abc\nS: 503 no\n",
            "ADAT_WITHOUT_AUTH"),
        row("hostAfterLoginIsFlagged", LOGIN + "C: HOST h\nS: 503 bad\n", "HOST_AFTER_LOGIN"),
        row(
            "hostAfterUserIsFlagged",
            "S: 220 ready\nC: USER u\nS: 331 pw\nC: HOST h\nS: 220 ok\n",
            "HOST_AFTER_USER"),
        row("hostFirstIsClean", "S: 220 ready\nC: HOST h\nS: 220 ok\nC: USER u\nS: 331 pw\n"),
        row(
            "commandAfterQuitIsFlagged",
            LOGIN + "C: QUIT\nS: 221 bye\nC: NOOP\n",
            "COMMAND_AFTER_QUIT"),
        row(
            "unlistedReplyIsFlagged",
            LOGIN + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: RETR f\nS: 503 bad sequence\n",
            "REPLY_NOT_ALLOWED"),
        row(
            "restartOffsetRefusedByTheTransferIsAllowed",
            LOGIN
                + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: REST 100\nS: 350 ok\nC: RETR a.txt\n"
                + "S: 554 REST position (100) > file size (6)\n"),
        row(
            "refusedLegalRenameIsFlagged",
            LOGIN + "C: RNFR a\nS: 350 ok\nC: RNTO b\nS: 503 no RNFR\n",
            "SEQUENCE_REPLY_TO_LEGAL_ORDER"),
        row(
            "notLoggedInAfterLoginIsFlagged",
            LOGIN + "C: CWD x\nS: 530 Not logged in\n",
            "SEQUENCE_REPLY_TO_LEGAL_ORDER"),
        row(
            "rntoAcceptedWithoutRnfrIsFlagged",
            LOGIN + "C: RNTO b\nS: 250 renamed\n",
            "RNTO_WITHOUT_RNFR",
            "BAD_ORDER_ACCEPTED"),
        row("midSessionRntoIsNotAnError", "C: RNTO b\nS: 503 bad\n", "SEQUENCE_REPLY_UNEXPLAINED"),
        row("midSessionTransferIsNotAnError", "C: RETR f\nS: 150 go\nS: 226 done\n"),
        row("midSessionPassIsNotAnError", "C: PASS p\nS: 230 ok\n"),
        row(
            "midSessionLearnsFromWhatItSees",
            "S: 226 done\nC: NOOP\nS: 200 ok\nC: RNTO b\nS: 503 bad\n",
            "RNTO_WITHOUT_RNFR"),
        row("unknownVerbIsKeptNotAnError", LOGIN + "C: XYZZY plugh\nS: 500 unknown\n"),
        row(
            "keepAliveNoopDuringTransferIsClean",
            LOGIN
                + "C: PASV\nS: 227 (1,2,3,4,5,6)\nC: RETR f\nS: 150 go\nC: NOOP\n"
                + "S: 226 done\nS: 200 ok\n"),
        row("pipelinedLoginIsClean", "S: 220 ready\nC: USER u\nC: PASS p\nS: 331 pw\nS: 230 ok\n"),
        row(
            "transferTheServerCutOffByClosingTheConnectionIsAnError",
            LOGIN
                + "C: PASV\nS: 227 (127,0,0,1,4,1)\nC: RETR big.bin\nS: 150 go\n"
                + "# closed by the server: Connection closed without indication.\n",
            "CONNECTION_CLOSED_DURING_COMMAND"),
        row(
            "everyCommandWaitingWhenTheServerClosesIsCutOff",
            LOGIN
                + "C: PASV\nS: 227 (127,0,0,1,4,1)\nC: STOR up.bin\nS: 150 go\nC: NOOP\n"
                + "# closed by the server: Connection reset\n",
            "CONNECTION_CLOSED_DURING_COMMAND",
            "CONNECTION_CLOSED_DURING_COMMAND"),
        row(
            "commandUnansweredWhenTheServerClosesIsCutOff",
            LOGIN + "C: CWD x\n# closed by the server\n",
            "CONNECTION_CLOSED_DURING_COMMAND"),
        row(
            "serverClosingWithNothingWaitingIsClean",
            LOGIN + "C: NOOP\nS: 200 ok\n# closed by the server: idle\n"),
        row(
            "serverClosingAfterA421IsClean",
            LOGIN
                + "C: PASV\nS: 227 (127,0,0,1,4,1)\nC: RETR big.bin\nS: 150 go\n"
                + "S: 421 Shutting down\n# closed by the server: after 421\n"),
        row(
            "transferAbortedBeforeTheServerClosesIsNotCutOff",
            LOGIN
                + "C: PASV\nS: 227 (127,0,0,1,4,1)\nC: RETR big.bin\nS: 150 go\nC: ABOR\n"
                + "S: 226 ABOR ok\n# closed by the server\n"),
        row(
            "commandsAfterTheServerClosedAreOfUnknownState",
            LOGIN + "C: RNFR a\nS: 350 ok\n# closed by the server\nC: RNTO b\nS: 503 no\n",
            "SEQUENCE_REPLY_UNEXPLAINED"),
        row(
            "recordEndingDuringATransferIsSaid",
            LOGIN + "C: PASV\nS: 227 (127,0,0,1,4,1)\nC: LIST\nS: 150 Here it comes\n",
            "RECORD_ENDS_DURING_TRANSFER"),
        row(
            "recordEndingBeforeATransferIsAnsweredSaysNothing",
            LOGIN + "C: PASV\nS: 227 (127,0,0,1,4,1)\nC: RETR big.bin\n"),
        row(
            "recordEndingAfterAnAbortedTransfersAborReplyIsClean",
            LOGIN
                + "C: PASV\nS: 227 (127,0,0,1,4,1)\nC: RETR big.bin\nS: 150 go\nC: ABOR\n"
                + "S: 226 ABOR ok\n"),
        row(
            "commandsBeforeGreetingAreClean",
            "C: USER u\nS: 220 ready\nS: 331 pw\nC: PASS p\nS: 230 ok\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void dialogueGivesRules(String name, String dialogue, List<String> expected) throws IOException {
    assertThat(ruleIds(dialogue)).as(name).containsExactlyElementsOf(expected);
  }

  @Test
  void everyRuleHasARow() {
    Set<Rule> covered = EnumSet.noneOf(Rule.class);
    rows()
        .flatMap(a -> ((List<?>) a.get()[2]).stream())
        .forEach(id -> covered.add(Rule.valueOf((String) id)));
    assertThat(covered).containsExactlyInAnyOrder(Rule.values());
  }

  @Test
  void serverRulesHaveNoCommandCheck() {
    assertThat(Rule.REPLY_NOT_ALLOWED.isClientRule()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Rule.REPLY_NOT_ALLOWED.judge(SessionState.initial(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("REPLY_NOT_ALLOWED judges replies, not commands");
  }

  static List<String> ruleIds(String dialogue) throws IOException {
    // auto: a greeting that names a server checks with its profile; "220 ready" stays rfc.
    TranscriptChecker checker =
        new TranscriptChecker(ProfileChoice.AUTO, new DialogueTranscript(), null);
    TranscriptChecker.Result result =
        checker.check("test", new ByteArrayInputStream(dialogue.getBytes(StandardCharsets.UTF_8)));
    SessionCheck session = result.sessions().get(0);
    assertThat(session.problems()).isEmpty();
    return session.findings().stream().map(f -> f.rule().name()).collect(Collectors.toList());
  }

  private static Arguments row(String name, String dialogue, String... rules) {
    return Arguments.of(name, dialogue, Arrays.asList(rules));
  }
}
