package io.ftpseq.transcript.capture;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data connections that control connections announced: the address in a 227 reply or a PORT
 * command (RFC 959 §4.1.2), the port in a 229 reply (RFC 2428 §3) or an EPRT command (§2). A TCP
 * connection to an announced end is a data connection, whatever its content, and is not read.
 */
final class DataChannels {

  private static final Pattern HOST_PORT =
      Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");
  private static final Pattern EXTENDED_PORT = Pattern.compile("\\((.)\\1\\1(\\d{1,5})\\1\\)");

  /** Announcements that never led to a connection are forgotten past this many. */
  private static final int MAX_EXPECTED = 4096;

  private final Set<Endpoint> expected = new LinkedHashSet<>();

  /** Notes the data end a reply announces; {@code server} is the control connection's server. */
  void reply(Reply reply, Endpoint server) {
    int code = reply.code().value();
    if (code == 227) {
      Matcher m = HOST_PORT.matcher(reply.firstLine());
      if (m.find()) {
        expect(hostPort(m));
        expect(server.withPort(port(m)));
      }
    } else if (code == 229) {
      Matcher m = EXTENDED_PORT.matcher(reply.firstLine());
      if (m.find()) {
        expect(server.withPort(Integer.parseInt(m.group(2)) & 0xffff));
      }
    }
  }

  /** Notes the data end a PORT or EPRT command announces; {@code client} sent it. */
  void command(Command command, Endpoint client) {
    if (command.verb() == Verb.PORT) {
      Matcher m = HOST_PORT.matcher(command.argument());
      if (m.matches()) {
        expect(hostPort(m));
        expect(client.withPort(port(m)));
      }
    } else if (command.verb() == Verb.EPRT && command.argument().length() > 1) {
      String argument = command.argument();
      String[] fields = argument.split(Pattern.quote(argument.substring(0, 1)));
      if (fields.length >= 4 && fields[3].matches("\\d{1,5}")) {
        expect(client.withPort(Integer.parseInt(fields[3]) & 0xffff));
      }
    }
  }

  /** Whether the connection goes to or comes from an announced end; the announcement is used up. */
  boolean claims(TcpConnection connection) {
    boolean responder = expected.remove(connection.responder());
    boolean initiator = expected.remove(connection.initiator());
    return responder || initiator;
  }

  private void expect(Endpoint end) {
    if (expected.size() >= MAX_EXPECTED) {
      Iterator<Endpoint> oldest = expected.iterator();
      oldest.next();
      oldest.remove();
    }
    expected.add(end);
  }

  private static int port(Matcher m) {
    return (Integer.parseInt(m.group(5)) & 0xff) * 256 + (Integer.parseInt(m.group(6)) & 0xff);
  }

  private static Endpoint hostPort(Matcher m) {
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      address[i] = (byte) Integer.parseInt(m.group(i + 1));
    }
    return new Endpoint(address, port(m));
  }
}
