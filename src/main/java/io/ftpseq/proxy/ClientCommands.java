package io.ftpseq.proxy;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Finding;
import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The client's side of a session: reads its commands line by line and forwards each to the server
 * unchanged, except where the proxy must step in. PORT and EPRT are checked (strictly parsed, the
 * client's own address, no port below 1024) and rewritten to name the proxy; AUTH, and PBSZ, PROT
 * and CCC under TLS, are answered by the proxy, which ends TLS itself; with strict checking a
 * command that breaks a rule is answered by the proxy and not forwarded.
 */
final class ClientCommands {

  private final ProxySession session;
  private final ProxySettings settings;
  private LineInput input;
  private boolean tls;
  private boolean pbsz;
  private boolean bareLf;

  ClientCommands(ProxySession session) throws IOException {
    this.session = session;
    this.settings = session.settings();
    this.input = new LineInput(session.client().getInputStream(), settings.maxLine());
    this.tls = settings.tls() != null && settings.tls().implicit();
  }

  /** Relays until the client closes, or the session ends. */
  void run() throws IOException {
    while (true) {
      byte[] line;
      try {
        line = input.readLine();
      } catch (LineInput.TooLong e) {
        session.endInTurn(Phrase.of("proxy.end.clientLineTooLong", e.cap()));
        return;
      }
      if (line == null) {
        session.clientClosed();
        return;
      }
      session.touch();
      if (ControlText.hasNul(line)) {
        session.endInTurn(Phrase.of("proxy.end.clientNul"));
        return;
      }
      command(crlf(line));
    }
  }

  /**
   * The line as the server gets it: ended by CRLF, also when the client ended it by LF alone, so
   * that a server that ends commands at CRLF only reads the command the proxy recorded.
   */
  private byte[] crlf(byte[] line) {
    byte[] relayed = ControlText.crlf(line);
    if (relayed != line && !bareLf) {
      bareLf = true;
      session.notice(Phrase.of("proxy.notice.clientBareLf"));
    }
    return relayed;
  }

  private void command(byte[] wire) throws IOException {
    String text = ControlText.of(wire);
    if (text.isBlank()) {
      session
          .queue()
          .local(null, Reply.of(500, "Empty command line."), Phrase.of("proxy.why.emptyLine"));
      return;
    }
    session.log().learn(text);
    Command command = Command.parse(text);
    if (settings.strictAt() != null && refused(command)) {
      return;
    }
    switch (command.verb()) {
      case PORT, EPRT -> active(command);
      case AUTH -> auth(command);
      case PBSZ, PROT, CCC -> {
        if (tls) {
          security(command);
        } else {
          session.forward(command, wire);
        }
      }
      case ABOR -> {
        session.forward(command, wire);
        session.closeLinks();
      }
      case QUIT -> {
        session.forward(command, wire);
        session.quitSent();
      }
      default -> session.forward(command, wire);
    }
  }

  /**
   * With strict checking: waits until the commands before are answered, so the state is known, then
   * answers a command that breaks a rule at the strict level itself. ABOR and QUIT are never held
   * back.
   */
  private boolean refused(Command command) throws IOException {
    if (command.verb() == Verb.ABOR || command.verb() == Verb.QUIT) {
      return false;
    }
    try {
      session.queue().awaitAnswered(settings.idleTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientFailure(Phrase.of("proxy.failure.interrupted"), e);
    }
    List<Finding> broken =
        session.log().judge(command).stream()
            .filter(f -> f.severity().atLeast(settings.strictAt()))
            .filter(f -> Refusal.refusable(command, f.rule()))
            .toList();
    if (broken.isEmpty()) {
      return false;
    }
    Reply reply =
        Refusal.reply(command, broken, session.log().predict(command), session.log().profile());
    long line = session.log().command(command);
    session.log().refused(line);
    session.queue().local(command, reply, Phrase.of("proxy.why.strict"));
    return true;
  }

  /** PORT or EPRT: checked, then rewritten to a port the proxy listens on for the server. */
  private void active(Command command) throws IOException {
    DataAddress.Parsed parsed =
        command.verb() == Verb.PORT
            ? DataAddress.port(command.argument())
            : DataAddress.extendedPort(command.argument());
    InetAddress clientAddress = session.client().getInetAddress();
    Phrase refusal = null;
    if (!parsed.ok()) {
      refusal = parsed.error();
    } else if (!parsed.address().getAddress().equals(clientAddress)) {
      refusal =
          Phrase.of(
              "proxy.refusal.bounce",
              command.verb().name(),
              SessionInfo.host(parsed.address().getAddress()),
              SessionInfo.host(clientAddress));
    } else if (parsed.address().getPort() < 1024) {
      refusal =
          Phrase.of(
              "proxy.refusal.lowPort",
              command.verb().name(),
              Integer.toString(parsed.address().getPort()));
    }
    if (refusal != null) {
      session.answer(
          command, WireText.reply(501, refusal, "."), Phrase.of("proxy.why.notForwarded", refusal));
      return;
    }
    InetAddress serverLocal = session.server().getLocalAddress();
    ServerSocketChannel listener;
    try {
      listener = session.context().dataPorts().listen(serverLocal);
    } catch (IOException e) {
      session.answer(
          command,
          Reply.of(501, "ftpseq proxy cannot listen for the data connection: " + e.getMessage()),
          Phrase.of("proxy.why.noDataPort"));
      return;
    }
    DataLink link =
        new DataLink(
            DataLink.Mode.ACTIVE,
            listener,
            session.server().getInetAddress(),
            parsed.address(),
            session.client().getLocalAddress(),
            session.dataTls(),
            session,
            settings);
    InetSocketAddress proxyEnd = link.listening();
    boolean six = command.verb() == Verb.PORT && proxyEnd.getAddress().getAddress().length == 4;
    String rewritten =
        six ? "PORT " + DataAddress.six(proxyEnd) : "EPRT " + DataAddress.extended(proxyEnd);
    session.forward(command, (rewritten + "\r\n").getBytes(StandardCharsets.US_ASCII));
    session.startLink(link);
  }

  /** AUTH: answered by the proxy, which ends TLS itself, or refused when TLS is not set up. */
  private void auth(Command command) throws IOException {
    TlsTermination termination = settings.tls();
    String mechanism = command.argument().toUpperCase(Locale.ROOT);
    if (termination == null) {
      session.answer(
          command,
          Reply.of(
              534,
              "ftpseq proxy: TLS is not configured (start the proxy with --tls-keystore);"
                  + " the session goes on in clear text."),
          Phrase.of("proxy.why.tlsOff"));
      return;
    }
    if (!mechanism.equals("TLS") && !mechanism.equals("SSL") && !mechanism.startsWith("TLS-")) {
      session.answer(
          command,
          Reply.of(
              504, "ftpseq proxy: only AUTH TLS is supported, not " + command.argument() + "."),
          Phrase.of("proxy.why.mechanism"));
      return;
    }
    if (tls) {
      session.answer(
          command, Reply.of(503, "ftpseq proxy: TLS is already on."), Phrase.of("proxy.why.tlsOn"));
      return;
    }
    session.log().command(command);
    boolean done;
    try {
      done =
          session
              .queue()
              .whenIdle(
                  settings.idleTimeout(),
                  () -> {
                    session.answerNow(
                        Reply.of(234, "AUTH " + mechanism + " OK; TLS ends at ftpseq proxy."),
                        Phrase.of("proxy.why.tlsHere"));
                    session.upgradeClient(termination, input.unread());
                  });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientFailure(Phrase.of("proxy.failure.interrupted"), e);
    }
    if (!done) {
      throw new ClientFailure(Phrase.of("proxy.failure.noRepliesBeforeAuth"), null);
    }
    tls = true;
    input = new LineInput(session.client().getInputStream(), settings.maxLine());
  }

  /** PBSZ, PROT and CCC on a control connection the proxy protects: the proxy answers. */
  private void security(Command command) throws IOException {
    String argument = command.argument().toUpperCase(Locale.ROOT);
    Reply reply;
    if (command.verb() == Verb.PBSZ) {
      pbsz = true;
      reply = Reply.of(200, "PBSZ=0");
    } else if (command.verb() == Verb.CCC) {
      reply = Reply.of(534, "ftpseq proxy keeps the control connection protected; CCC refused.");
    } else if (!pbsz) {
      reply = Reply.of(503, "PBSZ first (RFC 4217 §9).");
    } else if (argument.equals("P") || argument.equals("C")) {
      session.protectData(argument.equals("P"));
      reply = Reply.of(200, "Protection level set to " + argument + ".");
    } else if (argument.equals("S") || argument.equals("E")) {
      reply = Reply.of(536, "Protection level " + argument + " is not supported; use P or C.");
    } else {
      reply = Reply.of(504, "PROT takes C, S, E or P.");
    }
    session.answer(command, reply, Phrase.of("proxy.why.tlsHere"));
  }
}
