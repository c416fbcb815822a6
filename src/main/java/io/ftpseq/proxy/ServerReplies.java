package io.ftpseq.proxy;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's side of a session: reads its replies line by line, assembles multi-line replies and
 * passes each on whole. A 227 or 229 reply is checked and rewritten to name a port the proxy
 * listens on for the client; a line that is not a reply ends the session, since the client could
 * not read it either; a transfer's final reply waits until the data the server sent has reached the
 * client.
 */
final class ServerReplies implements Runnable {

  /** The longest a transfer's final reply waits for its data to drain to the client. */
  private static final long LINGER_MILLIS = 10_000;

  private final ProxySession session;
  private final ProxySettings settings;
  private boolean bareLf;

  ServerReplies(ProxySession session) {
    this.session = session;
    this.settings = session.settings();
  }

  @Override
  public void run() {
    try {
      LineInput input = new LineInput(session.server().getInputStream(), settings.maxLine());
      ReplyAssembler assembler = new ReplyAssembler();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      byte[] line;
      while ((line = input.readLine()) != null) {
        session.touch();
        String text = ControlText.of(line);
        raw.write(crlf(line));
        if (ControlText.hasNul(line)) {
          garbage(text, Phrase.of("problem.nulInReply"));
          return;
        }
        if (!accept(assembler.accept(text), text, raw)) {
          return;
        }
      }
      session.serverClosed();
    } catch (LineInput.TooLong e) {
      session.endForServer(Phrase.of("proxy.end.serverLineTooLong", e.cap()));
    } catch (IOException e) {
      session.serverClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      session.serverClosed();
    }
  }

  /**
   * The line as the client gets it: ended by CRLF, also when the server ended it by LF alone, so
   * that a client that ends replies at CRLF only reads the reply the proxy recorded.
   */
  private byte[] crlf(byte[] line) {
    byte[] relayed = ControlText.crlf(line);
    if (relayed != line && !bareLf) {
      bareLf = true;
      session.notice(Phrase.of("proxy.notice.serverBareLf"));
    }
    return relayed;
  }

  /**
   * Acts on what a reply line did: a complete reply is passed on; a line that is not a reply, or a
   * reply that grows without end, ends the session.
   *
   * @return whether to read on
   */
  private boolean accept(ReplyAssembler.Outcome outcome, String text, ByteArrayOutputStream raw)
      throws IOException, InterruptedException {
    if (outcome instanceof ReplyAssembler.Complete complete) {
      reply(complete.reply(), raw.toByteArray());
      raw.reset();
      return true;
    }
    if (outcome instanceof ReplyAssembler.Malformed) {
      garbage(text, Phrase.of("problem.notACode"));
      return false;
    }
    if (outcome instanceof ReplyAssembler.Overlong overlong) {
      // bounded in bytes, not lines: STAT of a big directory is a reply of many short lines
      session.endForServer(
          Phrase.of(
              "proxy.end.replyOverlong",
              overlong.reply().code().toString(),
              Integer.toString(ReplyAssembler.MAX_REPLY_MEGABYTES),
              Integer.toString(overlong.reply().lines().size())));
      return false;
    }
    return true;
  }

  private void garbage(String text, Phrase reason) {
    String shown = session.log().mask(ControlText.printable(text));
    session
        .log()
        .garbage(shown, Phrase.of("problem.unreadableReply", reason, Problem.quoteReply(shown)));
    session.endForServer(Phrase.of("proxy.end.notAReply", shown));
  }

  private void reply(Reply reply, byte[] raw) throws IOException, InterruptedException {
    session.greeted();
    Command command = session.queue().awaiting();
    Verb verb = command == null ? Verb.OTHER : command.verb();
    int code = reply.code().value();
    Reply out = reply;
    if (verb == Verb.PASV && code == 227) {
      out = passive(reply, false);
    } else if (verb == Verb.EPSV && code == 229 && !command.isEpsvAll()) {
      out = passive(reply, true);
    } else if ((verb == Verb.PORT || verb == Verb.EPRT) && code >= 300) {
      DataLink link = session.currentLink();
      if (link != null && link.mode() == DataLink.Mode.ACTIVE && !link.connected()) {
        link.close(); // the server refused the port, so it will never connect
      }
    } else if (verb.isTransfer()) {
      DataLink link = session.currentLink();
      if (link != null && !reply.code().isFinal()) {
        link.announced();
      } else if (link != null) {
        link.awaitDrained(
            Math.min(LINGER_MILLIS, settings.transferTimeout().toMillis()), code / 100 == 2);
      }
    }
    // a reply made in place of the server's is the proxy's own, recorded and shown as such
    Phrase instead =
        out.code().equals(reply.code()) ? null : Phrase.of("proxy.why.instead", reply.firstLine());
    byte[] wire = out.equals(reply) ? raw : ReplyQueue.wire(out);
    session.queue().fromServer(out, wire, instead);
  }

  /**
   * A 227 or 229 reply: the proxy listens for the client and will connect to the port the server
   * named, on the server's own address whatever address a 227 names (a server cannot send the proxy
   * elsewhere). A malformed reply or a port below 1024 becomes a 501 and nothing is opened.
   */
  private Reply passive(Reply reply, boolean extended) {
    InetAddress serverAddress = session.server().getInetAddress();
    String text = String.join(" ", reply.lines());
    DataAddress.Parsed parsed =
        extended
            ? DataAddress.extendedPassiveReply(text, serverAddress)
            : DataAddress.passiveReply(text);
    if (!parsed.ok()) {
      return refuse(parsed.error());
    }
    int port = parsed.address().getPort();
    if (port < 1024) {
      return refuse(Phrase.of("proxy.refusal.passiveLowPort", Integer.toString(port)));
    }
    InetAddress clientSide = session.client().getLocalAddress();
    if (!extended && clientSide.getAddress().length != 4) {
      return refuse(Phrase.of("proxy.refusal.ipv6In227"));
    }
    ServerSocketChannel listener;
    try {
      listener = session.context().dataPorts().listen(clientSide);
    } catch (IOException e) {
      return refuse(Phrase.of("proxy.refusal.noListen", String.valueOf(e.getMessage())));
    }
    DataLink link =
        new DataLink(
            DataLink.Mode.PASSIVE,
            listener,
            session.client().getInetAddress(),
            new java.net.InetSocketAddress(serverAddress, port),
            session.server().getLocalAddress(),
            session.dataTls(),
            session,
            settings);
    session.startLink(link);
    return rewritten(reply, extended, link);
  }

  /** The reply with the proxy's address in place of the server's, the rest of its text kept. */
  private static Reply rewritten(Reply reply, boolean extended, DataLink link) {
    List<String> lines = new ArrayList<>(reply.lines());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String changed =
          extended
              ? DataAddress.rewriteExtendedPassive(line, link.listening().getPort())
              : DataAddress.rewritePassive(line, link.listening());
      if (!changed.equals(line)) {
        lines.set(i, changed);
        break;
      }
    }
    return new Reply(reply.code(), lines);
  }

  private static Reply refuse(Phrase why) {
    return WireText.reply(501, why, "; not forwarded.");
  }
}
