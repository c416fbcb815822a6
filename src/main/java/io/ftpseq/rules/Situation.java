package io.ftpseq.rules;

import io.ftpseq.protocol.Verb;
import java.util.Optional;

/**
 * A place in a session where servers differ in what they answer: the vocabulary of server profiles
 * ({@link ServerProfile}), of the {@link ServerModel} that predicts replies, and of the probe
 * scenarios that measure them. Each order situation names the {@link Rule} it belongs to, so the
 * client rule and every server's reaction to it are found in one place: {@link
 * #RNTO_AFTER_INTERVENING_COMMAND} belongs to {@link Rule#RNTO_WITHOUT_RNFR}, and a profile's
 * reaction under that key is what the server answers when the rule is broken that way.
 *
 * <p>A profile keys its reactions by {@link SituationKey}: the situation, optionally qualified by a
 * verb ({@code BEFORE_LOGIN:NOOP}).
 */
public enum Situation {
  /**
   * A command in a legal position: the server's usual reply, keyed by verb ({@code REPLY:USER}).
   */
  REPLY(Kind.USUAL, null),
  /**
   * STAT with the path of a file: the file's status over the control connection (RFC 959 §4.1.3,
   * 213), as LIST would list it.
   */
  STAT_FILE(Kind.USUAL, null),
  /**
   * STAT with the path of a directory (RFC 959 §4.1.3, 212): one the session is known to be in or
   * under, or a path that ends with a slash.
   */
  STAT_DIRECTORY(Kind.USUAL, null),

  // RFC 959 §4.1.1 login
  /** A command before login; qualified by verb for the ones a server answers otherwise. */
  BEFORE_LOGIN(Kind.ORDER, Rule.LOGIN_REQUIRED),
  /**
   * {@code SITE HELP} before login. Servers that refuse SITE's actions before login may still give
   * its help (ProFTPD and pyftpdlib answer 214, yet 530 to {@code SITE CHMOD}), so it has a key of
   * its own; without one it is {@code BEFORE_LOGIN:SITE}.
   */
  SITE_HELP_BEFORE_LOGIN(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),
  /** PASS as the first command, with no USER before it. */
  PASS_WITHOUT_USER(Kind.ORDER, Rule.PASS_WITHOUT_USER),
  /** PASS again right after a wrong password, without a new USER. */
  PASS_AFTER_FAILED_LOGIN(Kind.ORDER, Rule.PASS_WITHOUT_USER),
  /** PASS once logged in. */
  PASS_AFTER_LOGIN(Kind.ORDER, Rule.PASS_WITHOUT_USER),
  /**
   * PASS after USER with another command between them ({@code USER}, {@code NOOP}, {@code PASS}):
   * RFC 959 §4.1.1 wants PASS immediately after USER, yet the servers tested log in.
   */
  PASS_AFTER_INTERVENING_COMMAND(Kind.ORDER, Rule.PASS_NOT_AFTER_USER),
  /** ACCT when no 332 asked for an account. */
  ACCT_NOT_REQUESTED(Kind.ORDER, Rule.ACCT_NOT_REQUESTED),
  /** USER again before PASS. */
  USER_TWICE(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),
  /** USER again once logged in. */
  USER_AFTER_LOGIN(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),

  // RFC 959 §4.1.3 rename
  /** RNTO with no RNFR before it. */
  RNTO_WITHOUT_RNFR(Kind.ORDER, Rule.RNTO_WITHOUT_RNFR),
  /** RNTO after RNFR answered 350 and another command in between. */
  RNTO_AFTER_INTERVENING_COMMAND(Kind.ORDER, Rule.RNTO_WITHOUT_RNFR),
  /** RNTO right after an RNFR that failed. */
  RNTO_AFTER_FAILED_RNFR(Kind.ORDER, Rule.RNTO_WITHOUT_RNFR),
  /** A second RNTO after a rename is done. */
  RNTO_AFTER_RNTO(Kind.ORDER, Rule.RNTO_WITHOUT_RNFR),
  /** Another command while a rename is pending; qualified by verb. */
  COMMAND_WHILE_RENAME_PENDING(Kind.ORDER, Rule.RNFR_NOT_FOLLOWED_BY_RNTO),

  // RFC 959 §3.2 data channel
  /** A transfer with no PASV, EPSV, PORT or EPRT before it; qualified by verb. */
  TRANSFER_WITHOUT_DATA_CHANNEL(Kind.ORDER, Rule.TRANSFER_WITHOUT_DATA_CHANNEL),
  /** A transfer over a data channel an earlier transfer used. */
  TRANSFER_AFTER_USED_DATA_CHANNEL(Kind.ORDER, Rule.TRANSFER_WITHOUT_DATA_CHANNEL),
  /** A transfer after one that failed (a missing file) on the same data channel. */
  TRANSFER_AFTER_FAILED_TRANSFER(Kind.ORDER, Rule.TRANSFER_WITHOUT_DATA_CHANNEL),
  /** PASV right after an accepted PASV. */
  PASV_TWICE(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),

  // RFC 959 §4.1.3 and RFC 3659 §5 restart and allocation
  /** Another command right after REST; the plain key is measured with NOOP. */
  REST_THEN_OTHER(Kind.ORDER, Rule.REST_NOT_BEFORE_TRANSFER),
  /** STOU right after REST. */
  REST_THEN_STOU(Kind.ORDER, Rule.REST_NOT_BEFORE_TRANSFER),
  /** LIST, NLST or MLSD right after REST. */
  REST_THEN_LIST(Kind.ORDER, Rule.REST_NOT_BEFORE_TRANSFER),
  /** APPE right after REST (RFC 3659 §5.3 lets it act as STOR). */
  REST_THEN_APPE(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),
  /** REST with a non-zero offset in ASCII mode. */
  REST_IN_ASCII(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),
  /**
   * REST with offset 0 in ASCII mode: accepted as usual by most servers, refused by pyftpdlib,
   * which refuses REST in ASCII mode whatever the offset.
   */
  REST_ZERO_IN_ASCII(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),
  /** Another command right after ALLO; the plain key is measured with NOOP. */
  ALLO_THEN_OTHER(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),
  /** ABOR with no transfer under way. */
  ABOR_WITHOUT_TRANSFER(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),

  // RFC 2428 §3 EPSV ALL
  /** PASV after EPSV ALL was accepted. */
  PASV_AFTER_EPSV_ALL(Kind.ORDER, Rule.EPSV_ALL_VIOLATION, Verb.PASV),
  /** PORT after EPSV ALL was accepted. */
  PORT_AFTER_EPSV_ALL(Kind.ORDER, Rule.EPSV_ALL_VIOLATION, Verb.PORT),
  /** EPRT after EPSV ALL was accepted. */
  EPRT_AFTER_EPSV_ALL(Kind.ORDER, Rule.EPSV_ALL_VIOLATION, Verb.EPRT),

  // RFC 2228, RFC 4217 security
  /** PBSZ with no security exchange before it. */
  PBSZ_WITHOUT_AUTH(Kind.ORDER, Rule.PBSZ_WITHOUT_AUTH),
  /** PROT with no PBSZ before it. */
  PROT_WITHOUT_PBSZ(Kind.ORDER, Rule.PROT_WITHOUT_PBSZ),
  /** PROT with no security exchange at all. */
  PROT_WITHOUT_AUTH(Kind.ORDER, Rule.PROT_WITHOUT_PBSZ),
  /** ADAT with no AUTH answered 334. */
  ADAT_WITHOUT_AUTH(Kind.ORDER, Rule.ADAT_WITHOUT_AUTH),
  /** CCC with no security exchange. */
  CCC_WITHOUT_AUTH(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),

  // RFC 7151 HOST
  /** HOST after login. */
  HOST_AFTER_LOGIN(Kind.ORDER, Rule.HOST_AFTER_LOGIN),
  /** HOST between USER and PASS. */
  HOST_AFTER_USER(Kind.ORDER, Rule.HOST_AFTER_USER),
  /** HOST before USER, the order RFC 7151 asks for. */
  HOST_BEFORE_USER(Kind.ORDER, Rule.SERVER_SPECIFIC_REFUSAL),

  /** Any command after QUIT. */
  COMMAND_AFTER_QUIT(Kind.ORDER, Rule.COMMAND_AFTER_QUIT),

  // What the server supports, whatever the order
  /** A verb no RFC defines, after login. */
  UNKNOWN_COMMAND(Kind.CAPABILITY, null),
  /** AUTH TLS (or SSL). */
  AUTH_TLS(Kind.CAPABILITY, null),
  /** REIN. */
  REIN(Kind.CAPABILITY, null),
  /** EPSV ALL itself. */
  EPSV_ALL(Kind.CAPABILITY, null),
  /**
   * CWD with no path (RFC 959 §4.1.1 asks for one): refused by vsftpd and ProFTPD; Pure-FTPd,
   * pyftpdlib and Apache FtpServer go to the login directory, as a shell's {@code cd} does.
   */
  CWD_WITHOUT_PATH(Kind.CAPABILITY, null),
  /**
   * REST with an offset that is not a number (RFC 3659 §5.3: {@code "REST" SP 1*DIGIT}): refused by
   * most servers, read as 0 by vsftpd.
   */
  REST_OFFSET_NOT_A_NUMBER(Kind.CAPABILITY, null),
  /**
   * REST with a minus sign before the digits ({@code REST -5}); where a profile does not say, as
   * {@link #REST_OFFSET_NOT_A_NUMBER}. Apache FtpServer has its own words for it.
   */
  REST_OFFSET_NEGATIVE(Kind.CAPABILITY, null),
  /**
   * REST with a plus sign before the digits ({@code REST +5}): the offset to most servers, 0 to
   * vsftpd; where a profile does not say, the offset.
   */
  REST_OFFSET_WITH_PLUS(Kind.CAPABILITY, null),
  /**
   * REST with more than 15 digits whose value still fits 63 bits: vsftpd reads such a long offset
   * as 0; where a profile does not say, the offset.
   */
  REST_OFFSET_OVER_15_DIGITS(Kind.CAPABILITY, null),
  /**
   * REST with an offset past 2^63-1, the largest file offset of most servers: refused by Pure-FTPd
   * and Apache FtpServer, taken by ProFTPD and pyftpdlib; where a profile does not say, the offset.
   */
  REST_OFFSET_OVER_63_BITS(Kind.CAPABILITY, null),
  /**
   * A command sent without the argument it needs ({@code TYPE}, {@code REST}; RFC 959 §4.1.2 and
   * RFC 3659 §5.3 give them one), qualified by verb; CWD has {@link #CWD_WITHOUT_PATH}.
   */
  ARGUMENT_MISSING(Kind.CAPABILITY, null),
  /**
   * SIZE in ASCII mode, the mode a session starts in (RFC 3659 §4 sizes a file as it would be
   * sent): refused by ProFTPD and pyftpdlib whether the file exists or not.
   */
  SIZE_IN_ASCII(Kind.CAPABILITY, null),
  /**
   * {@code TYPE A}, ASCII (RFC 959 §3.1.1.1); {@code REPLY:TYPE} is the reply to {@code TYPE I}.
   */
  TYPE_ASCII(Kind.CAPABILITY, null),
  /** {@code TYPE A N}, ASCII with its default format named (RFC 959 §3.1.1.5). */
  TYPE_ASCII_NON_PRINT(Kind.CAPABILITY, null),
  /** {@code TYPE A T} or {@code TYPE A C}, ASCII with a Telnet or ASA format (RFC 959 §3.1.1.5). */
  TYPE_ASCII_OTHER_FORMAT(Kind.CAPABILITY, null),
  /** {@code TYPE L 8}, bytes of 8 bits, image by another name (RFC 959 §3.1.1.4). */
  TYPE_LOCAL_8(Kind.CAPABILITY, null),
  /**
   * {@code TYPE L 7}, bytes of 7 bits (RFC 959 §3.1.1.4): ProFTPD and pyftpdlib take it as ASCII,
   * Pure-FTPd as image, vsftpd and Apache FtpServer refuse it.
   */
  TYPE_LOCAL_7(Kind.CAPABILITY, null),
  /** {@code TYPE L} with a byte size other than 7 or 8 ({@code TYPE L 16}). */
  TYPE_LOCAL_OTHER(Kind.CAPABILITY, null),
  /**
   * {@code TYPE I} with a parameter, which RFC 959 §4.1.2 gives it none ({@code TYPE I N}): most
   * servers read the I alone.
   */
  TYPE_IMAGE_WITH_FORMAT(Kind.CAPABILITY, null),
  /** {@code TYPE A} with a format other than N, T or C ({@code TYPE A X}). */
  TYPE_ASCII_UNKNOWN_FORMAT(Kind.CAPABILITY, null),
  /** {@code TYPE E}, EBCDIC with or without a format (RFC 959 §3.1.1.2). */
  TYPE_EBCDIC(Kind.CAPABILITY, null),
  /** TYPE with a type code RFC 959 §4.1.2 does not define ({@code TYPE X}). */
  TYPE_UNKNOWN(Kind.CAPABILITY, null),

  // What depends on files and passwords the record does not show
  /** PASS with a wrong password. */
  LOGIN_FAILED(Kind.OUTCOME, null),
  /** RNFR of a file that does not exist. */
  RNFR_MISSING_FILE(Kind.OUTCOME, null),
  /** RETR of a file that does not exist, with a data channel prepared. */
  MISSING_FILE(Kind.OUTCOME, null),
  /** RETR of a file that does not exist, with no data channel: which check comes first. */
  MISSING_FILE_WITHOUT_DATA_CHANNEL(Kind.OUTCOME, null);

  /** What a situation is about. */
  public enum Kind {
    /** A command in a legal position. */
    USUAL,
    /** Where the command stands in the session: the server's reaction depends on the order. */
    ORDER,
    /** What the server implements, whatever the order. */
    CAPABILITY,
    /** Files or passwords the record does not show. */
    OUTCOME
  }

  private final Kind kind;
  private final Rule rule;
  private final Verb verb;

  Situation(Kind kind, Rule rule) {
    this(kind, rule, null);
  }

  Situation(Kind kind, Rule rule, Verb verb) {
    this.kind = kind;
    this.rule = rule;
    this.verb = verb;
  }

  /** What the situation is about. */
  public Kind kind() {
    return kind;
  }

  /**
   * The rule this situation belongs to: the RFC order rule a command breaks here, or {@link
   * Rule#SERVER_SPECIFIC_REFUSAL} for an order the RFCs allow and some servers refuse; empty for
   * situations that are not about order.
   */
  public Optional<Rule> rule() {
    return Optional.ofNullable(rule);
  }

  /** Whether this situation only arises for the given verb's commands. */
  boolean fits(Verb command) {
    return verb == null || verb == command;
  }

  /**
   * The situation a command with the given verb that breaks the rule is in, when nothing more is
   * known about the session: the rule's first situation that fits the verb.
   */
  public static Optional<Situation> of(Rule rule, Verb verb) {
    for (Situation situation : values()) {
      if (situation.rule == rule && situation.fits(verb)) {
        return Optional.of(situation);
      }
    }
    return Optional.empty();
  }

  /** The key of this situation for the given verb. */
  public SituationKey key(Verb verb) {
    return SituationKey.of(this, verb);
  }

  /** The key of this situation for every verb. */
  public SituationKey key() {
    return SituationKey.of(this, null);
  }
}
