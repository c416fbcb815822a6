package io.ftpseq.proxy;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.session.Phrase;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Every event a proxy told, kept in order for a test to read. */
final class CollectedEvents implements ProxyEvents {

  /** A finding as it was reported live. */
  record Live(String session, Finding finding, boolean refused) {
    String rule() {
      return finding.rule().name();
    }
  }

  private final List<Live> findings = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final List<String> ownReplies = new ArrayList<>();
  private final List<SessionSummary> closed = new ArrayList<>();
  private final List<String> turnedAway = new ArrayList<>();
  private final List<SessionInfo> opened = new ArrayList<>();

  @Override
  public synchronized void opened(SessionInfo session) {
    opened.add(session);
  }

  @Override
  public synchronized void finding(
      SessionInfo session, Finding finding, ServerProfile profile, boolean refused) {
    findings.add(new Live(session.id(), finding, refused));
  }

  @Override
  public synchronized void notice(SessionInfo session, Phrase message) {
    notices.add(session.id() + ": " + message.english());
  }

  @Override
  public synchronized void ownReply(SessionInfo session, String reply, Phrase why) {
    ownReplies.add(session.id() + ": " + reply + " (" + why.english() + ")");
  }

  @Override
  public synchronized void closed(SessionSummary summary) {
    closed.add(summary);
  }

  @Override
  public synchronized void turnedAway(InetSocketAddress client, Phrase reason) {
    turnedAway.add(reason.english());
  }

  synchronized List<Live> findings() {
    return List.copyOf(findings);
  }

  synchronized List<String> rules() {
    return findings.stream().map(Live::rule).toList();
  }

  synchronized List<String> notices() {
    return List.copyOf(notices);
  }

  /** Every reply the proxy made itself, as {@code s1: REPLY (WHY)}. */
  synchronized List<String> ownReplies() {
    return List.copyOf(ownReplies);
  }

  synchronized List<SessionSummary> closed() {
    return List.copyOf(closed);
  }

  synchronized List<String> turnedAway() {
    return List.copyOf(turnedAway);
  }

  synchronized List<SessionInfo> opened() {
    return List.copyOf(opened);
  }
}
