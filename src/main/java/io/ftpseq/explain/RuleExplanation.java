package io.ftpseq.explain;

import io.ftpseq.explain.Page.Section;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the page for one ordering rule: its summary, severity, RFC reference, why it exists, how
 * to fix a breach, the commands it judges and the reply the RFCs name for a breach.
 */
public final class RuleExplanation {

  private final Explainer explainer;
  private final ReplyExplanation replies;

  /** Explanations in the explainer's language. */
  public RuleExplanation(Explainer explainer) {
    this.explainer = explainer;
    this.replies = new ReplyExplanation(explainer);
  }

  /** The page for a rule. */
  public Page page(Rule rule) {
    List<Section> sections = new ArrayList<>();
    sections.add(
        Section.text(
            "severity",
            explainer.text("page.heading.severity"),
            explainer.severity(rule.severity())));
    sections.add(
        Section.text("reference", explainer.text("page.heading.reference"), rule.reference()));
    sections.add(
        Section.text("why", explainer.text("page.heading.why"), explainer.explanation(rule)));
    sections.add(Section.text("fix", explainer.text("page.heading.fix"), explainer.fix(rule)));
    sections.add(Section.text("verbs", explainer.text("page.heading.verbs"), verbs(rule)));
    sections.add(Section.text("reply", explainer.text("page.heading.reply"), reply(rule)));
    String title = explainer.text("page.rule.title", rule.name(), explainer.title(rule));
    return new Page("rule", rule.name(), explainer.languageTag(), title, sections, facts(rule));
  }

  /** The verbs the rule judges: listed, or "every command (except ...)" when most of them. */
  private String verbs(Rule rule) {
    if (!rule.isClientRule()) {
      return explainer.text("page.verbs.server");
    }
    Set<Verb> guarded = rule.guardedVerbs();
    Set<Verb> others = EnumSet.complementOf(EnumSet.copyOf(guarded));
    others.remove(Verb.OTHER);
    if (others.isEmpty()) {
      return explainer.text("page.verbs.all");
    }
    if (others.size() < guarded.size()) {
      return explainer.text("page.verbs.allExcept", replies.verbList(List.copyOf(others)));
    }
    return replies.verbList(List.copyOf(guarded));
  }

  private String reply(Rule rule) {
    String refuse = explainer.text(rule.serverMustRefuse() ? "page.refuse.yes" : "page.refuse.no");
    String named =
        rule.rfcReply() == 0
            ? explainer.text("page.reply.none")
            : explainer.text("page.reply.code", replies.title(rule.rfcReply()));
    return explainer.text("page.reply.line", named, refuse);
  }

  private static Map<String, Object> facts(Rule rule) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("rule", rule.name());
    facts.put("severity", rule.severity().name());
    facts.put("reference", rule.reference());
    facts.put("clientRule", rule.isClientRule());
    facts.put("verbs", rule.guardedVerbs().stream().map(Verb::name).toList());
    facts.put("rfcReply", rule.rfcReply());
    facts.put("serverMustRefuse", rule.serverMustRefuse());
    return facts;
  }
}
