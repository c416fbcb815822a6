package io.ftpseq.report.html;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Known;
import io.ftpseq.rules.Mark;
import io.ftpseq.rules.SessionState;
import io.ftpseq.rules.SessionState.Auth;
import io.ftpseq.rules.SessionState.Login;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step changed in the state that matters to the rules, in words: login, a pending rename, a
 * prepared data channel, a pending restart, the security exchange, EPSV ALL, HOST and QUIT. Facets
 * that became unknown are not listed one by one: a record that lost lines says so once.
 */
final class StateChanges {

  private StateChanges() {}

  /** The changes from one state to the next, in the order of the facets above. */
  static List<String> between(SessionState before, SessionState after, Explainer explainer) {
    List<String> changes = new ArrayList<>();
    if (after.equals(SessionState.unknown())) {
      if (!before.equals(after)) {
        changes.add(explainer.text("html.state.unknown"));
      }
      return changes;
    }
    if (after.login() != before.login() && after.login() != Login.UNKNOWN) {
      changes.add(explainer.text("html.state.login." + after.login().name()));
    }
    mark(changes, "rename", before.rename(), after.rename(), explainer);
    mark(changes, "data", before.data(), after.data(), explainer);
    mark(changes, "restart", before.restart(), after.restart(), explainer);
    Auth auth = after.security().auth();
    if (auth != before.security().auth() && auth != Auth.UNKNOWN) {
      changes.add(explainer.text("html.state.auth." + auth.name()));
    }
    turnedOn(changes, "pbsz", before.security().pbsz(), after.security().pbsz(), explainer);
    turnedOn(changes, "epsvAll", before.epsvAll(), after.epsvAll(), explainer);
    turnedOn(changes, "host", before.host(), after.host(), explainer);
    if (after.quit() && !before.quit()) {
      changes.add(explainer.text("html.state.quit"));
    }
    return changes;
  }

  private static void mark(
      List<String> changes, String facet, Mark before, Mark after, Explainer explainer) {
    if (after.equals(before)) {
      return;
    }
    if (after.isSet()) {
      changes.add(explainer.text("html.state." + facet + ".set", after.command().text()));
    } else if (after.isClear() && before.isSet()) {
      changes.add(explainer.text("html.state." + facet + ".clear"));
    }
  }

  private static void turnedOn(
      List<String> changes, String facet, Known before, Known after, Explainer explainer) {
    if (after == Known.YES && before != Known.YES) {
      changes.add(explainer.text("html.state." + facet));
    }
  }
}
