package io.ftpseq.explain;

import io.ftpseq.explain.Page.Section;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the page for one command verb: what it does, the RFC that defines it, whether it needs
 * login, the ordering rules that judge it (from {@link Rule#guardedVerbs()}) and the replies it may
 * get (from {@link Verb#replyCodes()}).
 */
public final class CommandExplanation {

  private final Explainer explainer;
  private final ReplyExplanation replies;

  /** Explanations in the explainer's language. */
  public CommandExplanation(Explainer explainer) {
    this.explainer = explainer;
    this.replies = new ReplyExplanation(explainer);
  }

  /**
   * The page for a verb.
   *
   * @throws IllegalArgumentException for {@link Verb#OTHER}, which has nothing to explain
   */
  public Page page(Verb verb) {
    if (verb == Verb.OTHER) {
      throw new IllegalArgumentException("OTHER stands for unknown verbs and has no explanation");
    }
    List<Section> sections = new ArrayList<>();
    sections.add(
        Section.text("summary", explainer.text("page.heading.summary"), explainer.command(verb)));
    sections.add(Section.text("rfc", explainer.text("page.heading.rfc"), rfc(verb)));
    sections.add(
        Section.text(
            "login",
            explainer.text("page.heading.login"),
            explainer.text(verb.needsLogin() ? "page.login.yes" : "page.login.no")));
    sections.add(rules(verb));
    sections.add(replies(verb));
    String title = explainer.text("page.verb.title", verb.name());
    return new Page("command", verb.name(), explainer.languageTag(), title, sections, facts(verb));
  }

  /** Where the verb is defined: an RFC section, an Internet-Draft, or a common extension. */
  private String rfc(Verb verb) {
    String rfc = verb.rfc();
    if (rfc.startsWith("RFC")) {
      return rfc;
    }
    if (rfc.startsWith("draft-")) {
      return explainer.text("page.rfc.draft", rfc);
    }
    return explainer.text("page.rfc.extension");
  }

  private Section rules(Verb verb) {
    String heading = explainer.text("page.heading.rules");
    List<Rule> rules = CommandCatalog.rulesFor(verb);
    if (rules.isEmpty()) {
      return Section.text("rules", heading, explainer.text("page.rules.none"));
    }
    return Section.list("rules", heading, rules.stream().map(replies::ruleLine).toList());
  }

  private Section replies(Verb verb) {
    String heading = explainer.text("page.heading.replies");
    if (!verb.hasReplySet()) {
      return Section.text("replies", heading, explainer.text("page.replies.none"));
    }
    List<String> items = verb.replyCodes().stream().map(replies::title).toList();
    return new Section(
        "replies", heading, 1, List.of(explainer.text("page.replies.always")), items, false);
  }

  private static Map<String, Object> facts(Verb verb) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("verb", verb.name());
    facts.put("rfc", verb.rfc());
    facts.put("kind", verb.kind().name());
    facts.put("needsLogin", verb.needsLogin());
    facts.put("rules", CommandCatalog.rulesFor(verb).stream().map(Rule::name).toList());
    facts.put("replies", List.copyOf(verb.replyCodes()));
    return facts;
  }
}
