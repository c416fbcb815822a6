package io.ftpseq.explain;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Prediction;
import io.ftpseq.rules.ProfileBasis;
import io.ftpseq.rules.Reaction;
import io.ftpseq.rules.ReplyNames;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.Severity;
import io.ftpseq.rules.Situation;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.Source;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Explains rules, findings and reply codes in one language, from the {@code Messages} bundles.
 *
 * <p>Every finding message is formatted from the same arguments, so translations may use any of
 * them: {@code {0}} the command, {@code {1}} the related command, {@code {2}} its line, {@code {3}}
 * the server's reply, {@code {4}} the codes the RFCs allow, {@code {5}} what the server seems to
 * assume, {@code {6}} the reply the RFCs name for the breach, {@code {7}} the server profile's
 * title, {@code {8}} the reply the profile predicted (for a reply that differs from it), {@code
 * {9}} the situation of that prediction, {@code {10}} that situation in words ("before login").
 * With a server profile other than {@code rfc}, a client rule's message ends with what that server
 * answers, for example "vsftpd answers this with 425 Use PORT or PASV first."
 */
public final class Explainer {

  private static final String BUNDLE = "io.ftpseq.explain.Messages";
  private static final String REPLIES = "io.ftpseq.explain.Replies";
  private static final String COMMANDS = "io.ftpseq.explain.Commands";

  /** Each command's reply codes as a finding's message lists them, {@code 250, 350}: made once. */
  private static final Map<Verb, String> REPLY_CODE_LISTS = replyCodeLists();

  private final ResourceBundle bundle;
  private final ResourceBundle replies;
  private final ResourceBundle commands;
  private final Locale locale;
  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Explainer(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NoFallback.INSTANCE);
    this.replies = ResourceBundle.getBundle(REPLIES, locale, NoFallback.INSTANCE);
    this.commands = ResourceBundle.getBundle(COMMANDS, locale, NoFallback.INSTANCE);
  }

  /** The base names of every bundle the explainer reads, for completeness checks. */
  public static List<String> bundleNames() {
    return List.of(BUNDLE, REPLIES, COMMANDS);
  }

  /** An explainer in the given language; English when the language has no bundle. */
  public static Explainer forLocale(Locale locale) {
    return new Explainer(locale);
  }

  /** The language the texts are in. */
  public Locale locale() {
    return locale;
  }

  /** The language of the texts as a tag: {@code en}, {@code fr} or {@code ja}. */
  public String languageTag() {
    return locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
  }

  /** The text for a key, formatted with the arguments. */
  public String text(String key, Object... args) {
    String pattern = bundle.getString(key);
    if (args.length == 0) {
      return pattern;
    }
    // a format is read from its pattern once, and copied for each use: it is not thread-safe
    MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
    return ((MessageFormat) format.clone()).format(args);
  }

  /**
   * A plain text about a reply code from the {@code Replies} bundle, for example {@code reply(503,
   * "when")}. Fields: {@code description}, {@code when}, {@code client}, {@code server}, and {@code
   * servers} for the codes whose handling differs from server to server.
   */
  public String reply(int code, String field) {
    return replies.getString(code + "." + field);
  }

  /** Whether the {@code Replies} bundle has the field for the code. */
  public boolean hasReply(int code, String field) {
    return replies.containsKey(code + "." + field);
  }

  /** What the command does, in a sentence or two, from the {@code Commands} bundle. */
  public String command(Verb verb) {
    return commands.getString(verb.name());
  }

  /**
   * A count as this language writes it, grouped as the texts group the numbers they are given:
   * 11,400 in English and Japanese, 11 400 (a narrow no-break space) in French.
   */
  public String number(long count) {
    return new MessageFormat("{0}", locale).format(new Object[] {count});
  }

  /** ftpseq's own words in this language. */
  public String say(Phrase phrase) {
    return phrase.in(bundle, locale);
  }

  /** What is wrong in a problem, in this language. */
  public String problem(Problem problem) {
    return say(problem.phrase());
  }

  /**
   * What went wrong, in this language when ftpseq's words are known as a phrase ({@link
   * PhrasedError}: a value that is not valid, a proxy that could not start), else the exception's
   * own message.
   */
  public String reason(Throwable error) {
    return PhrasedError.phraseOf(error).map(this::say).orElseGet(error::getMessage);
  }

  /** A note's detail, in this language when it is ftpseq's words rather than the input's. */
  public String detail(Note note) {
    return note.phrase() == null ? note.detail() : say(note.phrase());
  }

  /** Whether the bundle has a text for the key. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /**
   * A transcript format's name in this language ({@code format.name.vsftpd}: "vsftpd log"), for a
   * sentence that names the format a session was read as; the identifier itself when it has no
   * name.
   */
  public String formatName(String format) {
    String key = "format.name." + format;
    return has(key) ? text(key) : format;
  }

  /** The rule's one-line summary, for the rules table. */
  public String title(Rule rule) {
    return text("rule." + rule.name() + ".title");
  }

  /** Why the rule exists, in a sentence or two. */
  public String explanation(Rule rule) {
    return text("rule." + rule.name() + ".explanation");
  }

  /** How to fix a breach of the rule. */
  public String fix(Rule rule) {
    return text("rule." + rule.name() + ".fix");
  }

  /** The severity's name. */
  public String severity(Severity severity) {
    return text("severity." + severity.name());
  }

  /** What the finding says happened, with its command, context and reply. */
  public String message(Finding finding, ServerProfile profile) {
    String key = "rule." + finding.rule().name() + ".message";
    if (finding.context() == null && has(key + ".alone")) {
      key += ".alone";
    } else if (aboutTheServer(finding) && has(key + ".server")) {
      key += ".server";
    } else if (finding.reply() == null && has(key + ".noReply")) {
      key += ".noReply"; // a message that quotes the reply, for a command that got none
    }
    return text(key, arguments(finding, profile)) + serverAnswer(finding, profile);
  }

  /**
   * The finding as a report line says it after its position: its severity, its rule and its
   * message, {@code error RNTO_WITHOUT_RNFR: RNTO was sent ...}, punctuated as the language writes
   * a colon (a no-break space before it in French).
   */
  public String finding(Finding finding, ServerProfile profile) {
    return text(
        "report.finding",
        severity(finding.severity()),
        finding.rule().name(),
        message(finding, profile));
  }

  /**
   * The finding's message from other patterns than the rule's own, with the same arguments and the
   * same ending about the profile's server: a strict client says with them that it refused the
   * command before sending it, where the rule's message says it was sent.
   *
   * @param patterns patterns keyed by rule id, and {@code ID.alone} for a finding without context
   * @return the message, or empty when {@code patterns} has none for the finding's rule
   */
  public Optional<String> message(Finding finding, ServerProfile profile, ResourceBundle patterns) {
    String key = finding.rule().name();
    if (finding.context() == null && patterns.containsKey(key + ".alone")) {
      key += ".alone";
    } else if (aboutTheServer(finding) && patterns.containsKey(key + ".server")) {
      key += ".server";
    }
    if (!patterns.containsKey(key)) {
      return Optional.empty();
    }
    MessageFormat pattern = new MessageFormat(patterns.getString(key), locale);
    return Optional.of(
        pattern.format(arguments(finding, profile)) + serverAnswer(finding, profile));
  }

  /**
   * Whether the finding breaks a rule the RFCs leave to the server for its command (LOGIN_REQUIRED
   * for TYPE before login), so it is reported only because the session's server enforces it: its
   * message names that server ({@code .server} patterns) rather than the RFCs.
   */
  private static boolean aboutTheServer(Finding finding) {
    Rule rule = finding.rule();
    return rule.serverMustRefuse() && !rule.serverMustRefuse(verb(finding));
  }

  /** The arguments of a finding's message pattern, {@code {0}} to {@code {10}}. */
  private Object[] arguments(Finding finding, ServerProfile profile) {
    Verb verb = verb(finding);
    String assumes = has("assumes." + verb.name()) ? "assumes." + verb.name() : "assumes.default";
    int predicted = finding.rule().rfcReply();
    Prediction prediction = finding.prediction();
    return new Object[] {
      finding.command() == null ? "" : finding.command().text(),
      finding.context() == null ? "" : finding.context().text(),
      finding.contextSource() == null ? "" : position(finding.contextSource(), finding.source()),
      finding.reply() == null ? "" : finding.reply().toString(),
      REPLY_CODE_LISTS.get(verb),
      text(assumes),
      predicted == 0 ? "" : predicted + " " + standardText(predicted),
      profile.title(),
      prediction == null ? "" : shown(prediction.code(), prediction.text()),
      prediction == null ? "" : prediction.situation().toString(),
      prediction == null ? "" : situation(prediction.situation().situation())
    };
  }

  private static Map<Verb, String> replyCodeLists() {
    Map<Verb, String> lists = new EnumMap<>(Verb.class);
    for (Verb verb : Verb.values()) {
      lists.put(
          verb, verb.replyCodes().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    return lists;
  }

  private static Verb verb(Finding finding) {
    return finding.command() == null ? Verb.OTHER : finding.command().verb();
  }

  /**
   * What the profile's server answers to the command of a client rule's finding: the model's
   * prediction when the finding carries one, else the reaction for the rule's situation.
   */
  private String serverAnswer(Finding finding, ServerProfile profile) {
    if (profile.isRfc() || !finding.rule().isClientRule()) {
      return "";
    }
    Verb verb = verb(finding);
    Optional<Reaction> found;
    if (finding.prediction() != null) {
      found = Optional.of(finding.prediction().reaction());
    } else {
      found =
          Situation.of(finding.rule(), verb)
              .flatMap(s -> reaction(profile, s, verb))
              .map(r -> filled(r, finding.command()));
    }
    if (found.isEmpty()) {
      return "";
    }
    Reaction reaction = found.get();
    if (reaction.closes()) {
      return " " + text("profile.closes", profile.title());
    }
    if (!reaction.predicts()) {
      return "";
    }
    String first = shown(reaction.code(), reaction.text());
    return reaction.failsAfterStart()
        ? " "
            + text(
                "profile.answersThen",
                profile.title(),
                first,
                shown(reaction.finalCode(), reaction.finalText()))
        : " " + text("profile.answers", profile.title(), first);
  }

  /** The reaction with its text's placeholders filled as far as the command alone shows them. */
  private static Reaction filled(Reaction reaction, Command command) {
    return new Reaction(
        reaction.code(),
        ReplyNames.UNKNOWN.fill(reaction.text(), command),
        reaction.finalCode(),
        reaction.finalText());
  }

  /**
   * The profile's reaction for the situation and verb. The plain key of an "X then another command"
   * situation ({@code REST_THEN_OTHER}) is measured with NOOP, so other verbs need their own key.
   */
  private static Optional<Reaction> reaction(
      ServerProfile profile, Situation situation, Verb verb) {
    boolean thenOther =
        situation == Situation.REST_THEN_OTHER || situation == Situation.ALLO_THEN_OTHER;
    if (thenOther && verb != Verb.NOOP) {
      return profile.reaction(situation.key(verb));
    }
    return profile.reaction(situation, verb);
  }

  /**
   * Where a command stands in a situation, in words that end a sentence about it: "before login",
   * "right after REST".
   */
  public String situation(Situation situation) {
    return text("situation." + situation.name());
  }

  /** A reply as a message shows it: the code and the text without its final full stop. */
  private static String shown(int code, String text) {
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return trimmed.isEmpty() ? Integer.toString(code) : code + " " + trimmed;
  }

  /**
   * The report line that says which profile a session was checked with and why; empty for the
   * default, {@code rfc} named or by default.
   *
   * @param session the session's name as the report shows it
   */
  public String profileNote(String session, ServerProfile profile, ProfileBasis basis) {
    return switch (basis.kind()) {
      case NAMED -> profile.isRfc() ? "" : text("profile.named", session, profile.name());
      case GREETING -> text("profile.auto.greeting", session, profile.name(), basis.evidence());
      case SYST -> text("profile.auto.syst", session, profile.name(), basis.evidence());
      case UNRECOGNISED -> text("profile.auto.none", session, profile.name());
    };
  }

  /** Where a source is, in words: "line 12" in a text, "packet 12" in a capture. */
  public String position(Source source) {
    return text("source." + source.unit().name(), Long.toString(source.line()));
  }

  /**
   * Where a source is, in words, seen from another place: "line 12" in the same file, "line 12 of
   * ftp.log.1" in another (a server's rotated logs are checked as one stream).
   */
  public String position(Source source, Source from) {
    if (source.file().equals(from.file())) {
      return position(source);
    }
    String name = source.file().substring(source.file().lastIndexOf('/') + 1);
    return text("source." + source.unit().name() + ".in", Long.toString(source.line()), name);
  }

  /** What a kind of note says, for example "data connection opened". */
  public String note(NoteKind kind) {
    return text("note." + kind.name());
  }

  /** The standard text of a reply code, for example "Bad sequence of commands" for 503. */
  public String standardText(int code) {
    String key = "reply." + code;
    return has(key) ? text(key) : text("reply.unknown");
  }

  /** The class of a reply code from its first digit, for example "Permanent Negative". */
  public String category(ReplyCode code) {
    return text("category." + code.category().name());
  }

  /** A reply code's class and meaning in one line, for annotating replies. */
  public String meaning(ReplyCode code) {
    return text("reply.meaning", category(code), standardText(code.value()));
  }

  /** Loads only the requested language and the base bundle: never the machine's own locale. */
  private static final class NoFallback extends ResourceBundle.Control {
    static final NoFallback INSTANCE = new NoFallback();

    @Override
    public Locale getFallbackLocale(String baseName, Locale locale) {
      return null;
    }
  }
}
