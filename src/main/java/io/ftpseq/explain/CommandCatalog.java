package io.ftpseq.explain;

import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every command verb ftpseq explains, with the ordering rules that apply to it, computed from
 * {@link Rule#guardedVerbs()} so that the explanation and the checks never disagree.
 */
public final class CommandCatalog {

  private CommandCatalog() {}

  /** Every known verb: all of {@link Verb} except {@link Verb#OTHER}. */
  public static List<Verb> verbs() {
    return Arrays.stream(Verb.values()).filter(verb -> verb != Verb.OTHER).toList();
  }

  /** The verb for a word, in any case, when it is a known verb. */
  public static Optional<Verb> find(String word) {
    Verb verb = Verb.of(word);
    return verb == Verb.OTHER ? Optional.empty() : Optional.of(verb);
  }

  /** The client rules that judge commands with this verb, in the order of the rules table. */
  public static List<Rule> rulesFor(Verb verb) {
    return Arrays.stream(Rule.values()).filter(rule -> rule.guardedVerbs().contains(verb)).toList();
  }
}
