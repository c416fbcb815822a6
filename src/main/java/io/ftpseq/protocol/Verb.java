package io.ftpseq.protocol;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * An FTP command verb, with the RFC that defines it, what kind of command it is, and the reply
 * codes the RFCs allow in answer to it (RFC 959 §5.4 and the extension RFCs).
 *
 * <p>Verbs that no RFC or common extension defines are {@link #OTHER}; the {@link Command} keeps
 * their raw text, so an unknown verb is never an error.
 */
@SuppressWarnings("ImmutableEnumChecker") // the reply set is unmodifiable
public enum Verb {
  // RFC 959 §4.1.1 access control
  USER(Kind.ACCESS, "RFC 959 §4.1.1", false, "230 232 331 332 336 530 500 501 421"),
  PASS(Kind.ACCESS, "RFC 959 §4.1.1", false, "230 202 332 530 500 501 503 421"),
  ACCT(Kind.ACCESS, "RFC 959 §4.1.1", false, "230 202 530 500 501 503 421"),
  CWD(Kind.FILE, "RFC 959 §4.1.1", true, "250 500 501 502 421 530 550"),
  CDUP(Kind.FILE, "RFC 959 §4.1.1", true, "200 250 500 501 502 421 530 550"),
  SMNT(Kind.FILE, "RFC 959 §4.1.1", true, "202 250 500 501 502 421 530 550"),
  REIN(Kind.ACCESS, "RFC 959 §4.1.1", false, "120 220 421 500 502"),
  QUIT(Kind.ACCESS, "RFC 959 §4.1.1", false, "221 500"),
  // RFC 959 §4.1.2 transfer parameters
  PORT(Kind.DATA_SETUP, "RFC 959 §4.1.2", true, "200 500 501 421 530"),
  PASV(Kind.DATA_SETUP, "RFC 959 §4.1.2", true, "227 500 501 502 421 530"),
  TYPE(Kind.PARAMETER, "RFC 959 §4.1.2", true, "200 500 501 504 421 530"),
  STRU(Kind.PARAMETER, "RFC 959 §4.1.2", true, "200 500 501 504 421 530"),
  MODE(Kind.PARAMETER, "RFC 959 §4.1.2", true, "200 500 501 504 421 530"),
  // RFC 959 §4.1.3 service commands
  RETR(Kind.TRANSFER, "RFC 959 §4.1.3", true, TransferReplies.RETR),
  STOR(Kind.TRANSFER, "RFC 959 §4.1.3", true, TransferReplies.STOR),
  STOU(Kind.TRANSFER, "RFC 959 §4.1.3", true, TransferReplies.STOR),
  APPE(Kind.TRANSFER, "RFC 959 §4.1.3", true, TransferReplies.STOR + " 502 550"),
  ALLO(Kind.PARAMETER, "RFC 959 §4.1.3", true, "200 202 500 501 504 421 530"),
  REST(Kind.PARAMETER, "RFC 959 §4.1.3; RFC 3659 §5", true, "350 500 501 502 421 530"),
  RNFR(Kind.FILE, "RFC 959 §4.1.3", true, "350 450 550 500 501 502 421 530"),
  RNTO(Kind.FILE, "RFC 959 §4.1.3", true, "250 532 553 500 501 502 503 421 530"),
  ABOR(Kind.INFO, "RFC 959 §4.1.3", false, "225 226 426 500 501 502 421"),
  DELE(Kind.FILE, "RFC 959 §4.1.3", true, "250 450 550 500 501 502 421 530"),
  RMD(Kind.FILE, "RFC 959 §4.1.3", true, "250 500 501 502 421 530 550"),
  MKD(Kind.FILE, "RFC 959 §4.1.3", true, "257 500 501 502 421 530 550"),
  PWD(Kind.FILE, "RFC 959 §4.1.3", true, "257 500 501 502 421 550"),
  LIST(Kind.TRANSFER, "RFC 959 §4.1.3", true, TransferReplies.LIST),
  NLST(Kind.TRANSFER, "RFC 959 §4.1.3", true, TransferReplies.LIST),
  SITE(Kind.INFO, "RFC 959 §4.1.3", false, "200 202 214 250 500 501 530 550"),
  SYST(Kind.INFO, "RFC 959 §4.1.3", false, "215 500 501 502 421"),
  STAT(Kind.INFO, "RFC 959 §4.1.3", false, "211 212 213 450 500 501 502 421 530"),
  HELP(Kind.INFO, "RFC 959 §4.1.3", false, "211 214 500 501 502 421"),
  NOOP(Kind.INFO, "RFC 959 §4.1.3", false, "200 500 421"),
  // RFC 775 experimental forms, still sent by some clients
  XCWD(Kind.FILE, "RFC 775", true, "250 500 501 502 421 530 550"),
  XCUP(Kind.FILE, "RFC 775", true, "200 250 500 501 502 421 530 550"),
  XMKD(Kind.FILE, "RFC 775", true, "257 500 501 502 421 530 550"),
  XRMD(Kind.FILE, "RFC 775", true, "250 500 501 502 421 530 550"),
  XPWD(Kind.FILE, "RFC 775", true, "257 500 501 502 421 550"),
  // RFC 1639 long addresses
  LPRT(Kind.DATA_SETUP, "RFC 1639", true, "200 500 501 521 421 530"),
  LPSV(Kind.DATA_SETUP, "RFC 1639", true, "228 500 501 502 421 530"),
  // RFC 2228 security extensions
  AUTH(Kind.SECURITY, "RFC 2228 §3", false, "234 334 502 504 534 431 500 501 421"),
  ADAT(Kind.SECURITY, "RFC 2228 §3", false, "235 335 503 501 535 500 421"),
  PBSZ(Kind.SECURITY, "RFC 2228 §3; RFC 4217 §9", false, "200 503 500 501 421 530"),
  PROT(Kind.SECURITY, "RFC 2228 §3; RFC 4217 §9", false, "200 504 536 503 534 431 500 501 421 530"),
  CCC(Kind.SECURITY, "RFC 2228 §3; RFC 4217 §5", false, "200 533 534 500"),
  MIC(Kind.SECURITY, "RFC 2228 §3", false, "535 533 500 501 421"),
  CONF(Kind.SECURITY, "RFC 2228 §3", false, "535 533 500 501 421"),
  ENC(Kind.SECURITY, "RFC 2228 §3", false, "535 533 500 501 421"),
  // RFC 2389 feature negotiation
  FEAT(Kind.INFO, "RFC 2389 §3", false, "211 500 501 502"),
  OPTS(Kind.PARAMETER, "RFC 2389 §4", false, "200 451 500 501 502"),
  // RFC 2428 IPv6 and NATs
  EPRT(Kind.DATA_SETUP, "RFC 2428 §2", true, "200 500 501 522 421 530"),
  EPSV(Kind.DATA_SETUP, "RFC 2428 §3", true, "200 229 500 501 522 421 530"),
  // RFC 2640 internationalization
  LANG(Kind.PARAMETER, "RFC 2640 §4", false, "200 500 501 502 504"),
  // RFC 3659 extensions
  MDTM(Kind.FILE, "RFC 3659 §3", true, "213 550 500 501 421 530"),
  SIZE(Kind.FILE, "RFC 3659 §4", true, "213 550 500 501 421 530"),
  MLST(Kind.FILE, "RFC 3659 §7", true, "250 500 501 503 504 530 550 553 421 450 451"),
  MLSD(Kind.TRANSFER, "RFC 3659 §7", true, TransferReplies.LIST + " 503 504 550 553"),
  // RFC 7151 virtual hosts
  HOST(Kind.ACCESS, "RFC 7151 §3", false, "220 120 421 500 501 502 503 504"),
  // Common extensions without an RFC
  CLNT(Kind.INFO, "extension", false, ""),
  CSID(Kind.INFO, "extension", false, ""),
  MFMT(Kind.FILE, "draft-somers-ftp-mfxx", true, ""),
  MFCT(Kind.FILE, "draft-somers-ftp-mfxx", true, ""),
  MFF(Kind.FILE, "draft-somers-ftp-mfxx", true, ""),
  AVBL(Kind.FILE, "draft-peterson-streamlined-ftp-command-extensions", true, ""),
  DSIZ(Kind.FILE, "draft-peterson-streamlined-ftp-command-extensions", true, ""),
  HASH(Kind.FILE, "draft-bryan-ftpext-hash", true, ""),
  RANG(Kind.PARAMETER, "draft-bryan-ftp-range", true, ""),
  XCRC(Kind.FILE, "extension", true, ""),
  XMD5(Kind.FILE, "extension", true, ""),
  XSHA1(Kind.FILE, "extension", true, ""),
  XSHA256(Kind.FILE, "extension", true, ""),
  XSHA512(Kind.FILE, "extension", true, ""),
  MD5(Kind.FILE, "draft-twine-ftpmd5", true, ""),
  MMD5(Kind.FILE, "draft-twine-ftpmd5", true, ""),
  SPSV(Kind.DATA_SETUP, "extension", true, ""),
  /** Any verb not listed above; the command keeps its raw text. */
  OTHER(Kind.UNKNOWN, "", false, "");

  /** What a verb does, as far as ordering is concerned. */
  public enum Kind {
    /** Login, logout and reinitialisation. */
    ACCESS,
    /** Sets a transfer parameter (TYPE, MODE, REST, ...). */
    PARAMETER,
    /** Prepares a data connection (PORT, PASV, EPRT, EPSV, ...). */
    DATA_SETUP,
    /** Moves data over a data connection (RETR, STOR, LIST, ...). */
    TRANSFER,
    /** Acts on a file or directory over the control connection. */
    FILE,
    /** Asks for information or does nothing. */
    INFO,
    /** RFC 2228 security exchange. */
    SECURITY,
    /** Not a known verb. */
    UNKNOWN
  }

  /** Codes any server may send to any command: shutting down, or not understood/implemented. */
  private static final BitSet ALWAYS_ALLOWED = codes("421 500 501 502");

  /** Every verb's {@link #packed} name, sorted, and the verbs in the same order. */
  private static final long[] PACKED_NAMES;

  private static final Verb[] BY_PACKED_NAME;

  static {
    BY_PACKED_NAME =
        Arrays.stream(values())
            .filter(verb -> verb != OTHER)
            .sorted(Comparator.comparingLong(verb -> packed(verb.name())))
            .toArray(Verb[]::new);
    PACKED_NAMES = Arrays.stream(BY_PACKED_NAME).mapToLong(verb -> packed(verb.name())).toArray();
  }

  private final Kind kind;
  private final String rfc;
  private final boolean needsLogin;
  private final Set<Integer> replies;
  // the same codes, looked up on every reply without boxing them
  private final BitSet replyBits;

  Verb(Kind kind, String rfc, boolean needsLogin, String replies) {
    this.kind = kind;
    this.rfc = rfc;
    this.needsLogin = needsLogin;
    this.replies =
        replies.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(
                new TreeSet<>(Arrays.stream(replies.split(" ")).map(Integer::valueOf).toList()));
    this.replyBits = codes(replies);
  }

  /** The codes of a space-separated list, as bits. */
  private static BitSet codes(String list) {
    BitSet bits = new BitSet();
    if (!list.isEmpty()) {
      Arrays.stream(list.split(" ")).mapToInt(Integer::parseInt).forEach(bits::set);
    }
    return bits;
  }

  /**
   * The verb for a command word, in any case; {@link #OTHER} when it is not a known verb.
   *
   * <p>For example {@code Verb.of("rnfr")} is {@link #RNFR} and {@code Verb.of("XYZZY")} is {@link
   * #OTHER}.
   */
  public static Verb of(String word) {
    return of(word, 0, word.length());
  }

  /**
   * The verb for the command word that stands in {@code text} from {@code start} to {@code end}, in
   * any case, read in place: every verb's name is at most eight ASCII letters and digits, packed
   * into a long.
   */
  static Verb of(CharSequence text, int start, int end) {
    if (end - start > Long.BYTES) {
      return OTHER; // upper-casing never makes a word shorter
    }
    long key = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        // upper-casing makes ASCII of some other letters ("paß" is PASS): the slow way
        String upper = text.subSequence(start, end).toString().toUpperCase(Locale.ROOT);
        return upper.chars().allMatch(letter -> letter < 0x80) ? of(upper) : OTHER;
      }
      if (c >= 'a' && c <= 'z') {
        key = key << 8 | (c - ('a' - 'A'));
      } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        key = key << 8 | c;
      } else {
        return OTHER;
      }
    }
    int at = Arrays.binarySearch(PACKED_NAMES, key);
    return at < 0 ? OTHER : BY_PACKED_NAME[at];
  }

  /** A verb's name as the long {@link #of(CharSequence, int, int)} looks up. */
  private static long packed(String name) {
    if (name.length() > Long.BYTES || !name.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalStateException("a verb's name must be at most eight letters or digits");
    }
    long key = 0;
    for (int i = 0; i < name.length(); i++) {
      key = key << 8 | name.charAt(i);
    }
    return key;
  }

  /** What kind of command this is. */
  public Kind kind() {
    return kind;
  }

  /** The RFC (and section) that defines this verb, or a note that it is an extension. */
  public String rfc() {
    return rfc;
  }

  /** Whether servers refuse this command before login (530 Not logged in). */
  public boolean needsLogin() {
    return needsLogin;
  }

  /**
   * Whether the RFCs require login before this command: it acts on the user's files (RFC 959
   * §4.1.1: the user identification is what the server requires "for access to its file system"),
   * and RFC 959 §5.4 lists 530 Not logged in for it. The transfer parameters (TYPE, MODE, STRU,
   * PORT, PASV and their extensions, REST, ALLO) touch no file, and PWD is listed without 530: a
   * server may still refuse them before login, as {@link #needsLogin()} says most do, but the RFCs
   * allow them there.
   */
  public boolean loginRequiredByRfc() {
    return needsLogin
        && (kind == Kind.FILE || kind == Kind.TRANSFER)
        && (replies.isEmpty() || replies.contains(530));
  }

  /** Whether this command moves data over a data connection. */
  public boolean isTransfer() {
    return kind == Kind.TRANSFER;
  }

  /** Whether this command prepares a data connection. */
  public boolean isDataSetup() {
    return kind == Kind.DATA_SETUP;
  }

  /** Whether the RFCs list the replies this command may get, so replies can be checked. */
  public boolean hasReplySet() {
    return !replies.isEmpty();
  }

  /** The reply codes the RFCs list for this command, in ascending order; empty when none. */
  public Set<Integer> replyCodes() {
    return replies;
  }

  /**
   * Whether the RFCs allow this code in answer to this command. Verbs without a reply set allow
   * every code; 421, 500, 501 and 502 are allowed for every command.
   */
  public boolean allowsReply(int code) {
    return replies.isEmpty() || (code >= 0 && (replyBits.get(code) || ALWAYS_ALLOWED.get(code)));
  }

  /**
   * Reply sets shared by the transfer commands (RFC 959 §5.4, with RFC 2228's 534 and 535, and for
   * those a REST can restart, the 554 and 555 of RFC 1123 §4.1.3.4 and RFC 3659 §5).
   */
  private static final class TransferReplies {
    static final String RETR =
        "110 125 150 226 250 425 426 451 450 550 500 501 421 530 534 535 554 555";
    static final String STOR =
        "110 125 150 226 250 425 426 451 551 552 532 450 452 553 500 501 421 530 534 535 554 555";
    static final String LIST = "125 150 226 250 425 426 451 450 500 501 502 421 530 534 535";
  }
}
