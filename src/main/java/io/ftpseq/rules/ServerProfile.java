package io.ftpseq.rules;

import io.ftpseq.protocol.Verb;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one server answers in each sequence situation, as data: a map from a {@link SituationKey} to
 * a {@link Reaction}, plus what identifies the server for {@code --profile auto}.
 *
 * <p>Keys are {@link Situation}s, optionally qualified by a verb after a colon; the qualified key
 * wins over the plain one. For example {@code BEFORE_LOGIN:NOOP} is the reply to NOOP before login
 * and {@code BEFORE_LOGIN} the reply to any other command that needs login. {@code REPLY:<VERB>} is
 * the server's usual reply to the verb in a legal position.
 *
 * @param name the profile's name as given to {@code --profile}, for example {@code vsftpd}
 * @param title the server's name as written in messages, for example {@code Pure-FTPd}
 * @param description what the profile describes and where its data comes from
 * @param greeting a regular expression found in the server's 220 greeting, or empty
 * @param syst a regular expression found in the server's reply to SYST, or empty
 * @param tilde how the server reads {@code ~} in a path; {@link Tilde#UNKNOWN} when not known
 * @param reactions the reactions by situation key, sorted by key
 * @param known steps of the probe scenarios on which the server is known to disagree with this
 *     profile's prediction, as {@code scenario/step} (for example {@code pasv-twice/4}) to the
 *     reason: a server that is not deterministic there, or state the model deliberately does not
 *     follow; sorted by step
 */
public record ServerProfile(
    String name,
    String title,
    String description,
    String greeting,
    String syst,
    Tilde tilde,
    SortedMap<SituationKey, Reaction> reactions,
    SortedMap<String, String> known) {

  /** The name of the profile of the RFCs as written, the default. */
  public static final String RFC_NAME = "rfc";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final Pattern STEP = Pattern.compile("[a-z0-9][a-z0-9-]*/[1-9][0-9]*");

  /** Validates the parts and copies the reactions. */
  public ServerProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(greeting, "greeting");
    Objects.requireNonNull(syst, "syst");
    Objects.requireNonNull(tilde, "tilde");
    checkName(name);
    compile(greeting, "greeting");
    compile(syst, "syst");
    for (Map.Entry<SituationKey, Reaction> entry : reactions.entrySet()) {
      Objects.requireNonNull(entry.getKey(), "key");
      Objects.requireNonNull(entry.getValue(), entry.getKey().toString());
    }
    reactions = new Reactions(reactions);
    TreeMap<String, String> steps = new TreeMap<>();
    for (Map.Entry<String, String> entry : known.entrySet()) {
      checkKnown(entry.getKey(), entry.getValue());
      steps.put(entry.getKey(), entry.getValue());
    }
    known = Collections.unmodifiableSortedMap(steps);
  }

  /** A profile that records no known disagreement and does not say how its server reads ~. */
  public ServerProfile(
      String name,
      String title,
      String description,
      String greeting,
      String syst,
      SortedMap<SituationKey, Reaction> reactions) {
    this(name, title, description, greeting, syst, Tilde.UNKNOWN, reactions, new TreeMap<>());
  }

  /** Why the server may disagree with this profile on a scenario's step, if it is known to. */
  public Optional<String> knownDisagreement(String scenario, int step) {
    return Optional.ofNullable(known.get(scenario + "/" + step));
  }

  /** Whether this is the profile of the RFCs as written. */
  public boolean isRfc() {
    return name.equals(RFC_NAME);
  }

  /** The reaction stored under exactly this key. */
  public Optional<Reaction> reaction(SituationKey key) {
    return Optional.ofNullable(reactions.get(key));
  }

  /** The prediction of the reaction under the key, or null when the profile has none. */
  Prediction prediction(SituationKey key) {
    return ((Reactions) reactions).prediction(key); // the compact constructor made it one
  }

  /** The reaction stored under the situation for every verb. */
  public Optional<Reaction> reaction(Situation situation) {
    return reaction(situation.key());
  }

  /**
   * The reaction for a situation and a command's verb: the one under {@code SITUATION:VERB} if
   * present, else the one under {@code SITUATION}.
   */
  public Optional<Reaction> reaction(Situation situation, Verb verb) {
    return reaction(situation.key(verb)).or(() -> reaction(situation));
  }

  /** A copy of this profile with the reaction set under the key (replacing any there). */
  public ServerProfile withReaction(SituationKey key, Reaction reaction) {
    TreeMap<SituationKey, Reaction> changed = new TreeMap<>(reactions);
    changed.put(key, reaction);
    return new ServerProfile(name, title, description, greeting, syst, tilde, changed, known);
  }

  /** Whether the server's greeting (all its lines) identifies this server. */
  public boolean matchesGreeting(String text) {
    return !greeting.isEmpty() && compile(greeting, "greeting").matcher(text).find();
  }

  /** Whether the server's reply to SYST identifies this server. */
  public boolean matchesSyst(String text) {
    return !syst.isEmpty() && compile(syst, "syst").matcher(text).find();
  }

  /** A fresh model of a session with this server, just connected. */
  public ServerModel newModel() {
    return new ServerModel(this, SessionState.initial());
  }

  /** A model of a session with this server that starts in the given state. */
  public ServerModel newModel(SessionState start) {
    return new ServerModel(this, start);
  }

  /**
   * Refuses a name that {@code --profile} could not take.
   *
   * @throws BadValue naming the name
   */
  static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new BadValue(Phrase.of("profile.invalid.name", name));
    }
  }

  /**
   * The pattern of the greeting or SYST reply.
   *
   * @param what {@code greeting} or {@code syst}, for the message
   * @throws BadValue with the JDK's description of what is wrong in it
   */
  static Pattern compile(String regex, String what) {
    try {
      return Pattern.compile(regex, Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      throw new BadValue(Phrase.of("profile.invalid.pattern", what, e.getDescription()));
    }
  }

  /**
   * Refuses a known disagreement that names no step of a scenario, or gives no reason.
   *
   * @throws BadValue naming the step
   */
  static void checkKnown(String step, String reason) {
    if (!STEP.matcher(step).matches() || reason.isBlank()) {
      throw new BadValue(Phrase.of("profile.invalid.known", step));
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
