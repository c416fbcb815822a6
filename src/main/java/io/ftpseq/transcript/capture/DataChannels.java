package io.ftpseq.transcript.capture;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data connections that control connections announced: the address in a 227 reply or a PORT
 * command (RFC 959 §4.1.2), the port in a 229 reply (RFC 2428 §3) or an EPRT command (§2). A TCP
 * connection to an announced end is a data connection of the control connection that announced it,
 * whatever its content; its content is counted, not read.
 */
final class DataChannels {

  /**
   * Who announced an end.
   *
   * @param owner the control connection that announced it
   * @param serverEnd whether the announced end is the FTP server's (PASV, EPSV) rather than the
   *     client's (PORT, EPRT)
   */
  record Announcement(FtpControlConnection owner, boolean serverEnd) {}

  private static final Pattern HOST_PORT =
      LinePatterns.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");
  private static final Pattern EXTENDED_PORT = LinePatterns.compile("\\((.)\\1\\1(\\d{1,5})\\1\\)");

  /** Announcements that never led to a connection are forgotten past this many. */
  private static final int MAX_EXPECTED = 4096;

  private final Map<Endpoint, Announcement> expected = new LinkedHashMap<>();

  /**
   * Notes the data end a reply announces; {@code server} is the control connection's server and
   * {@code owner} the control connection.
   */
  void reply(Reply reply, Endpoint server, FtpControlConnection owner) {
    int code = reply.code().value();
    String line = reply.firstLine();
    if (code == 227) {
      // the six numbers are the first match; none starts more than three digits before a comma
      int comma = line.indexOf(',');
      Matcher m =
          comma < 0 ? null : HOST_PORT.matcher(line).region(Math.max(0, comma - 3), line.length());
      if (m != null && m.find()) {
        Announcement announcement = new Announcement(owner, true);
        expect(hostPort(m), announcement);
        expect(server.withPort(port(m)), announcement);
      }
    } else if (code == 229) {
      int open = line.indexOf('(');
      Matcher m = open < 0 ? null : EXTENDED_PORT.matcher(line).region(open, line.length());
      if (m != null && m.find()) {
        expect(
            server.withPort(Integer.parseInt(m.group(2)) & 0xffff), new Announcement(owner, true));
      }
    }
  }

  /**
   * Notes the data end a PORT or EPRT command announces; {@code client} sent it on {@code owner}.
   */
  void command(Command command, Endpoint client, FtpControlConnection owner) {
    Announcement announcement = new Announcement(owner, false);
    if (command.verb() == Verb.PORT) {
      Matcher m = HOST_PORT.matcher(command.argument());
      if (m.matches()) {
        expect(hostPort(m), announcement);
        expect(client.withPort(port(m)), announcement);
      }
    } else if (command.verb() == Verb.EPRT && command.argument().length() > 1) {
      String argument = command.argument();
      String[] fields = argument.split(Pattern.quote(argument.substring(0, 1)), -1);
      if (fields.length >= 4 && fields[3].matches("\\d{1,5}")) {
        expect(client.withPort(Integer.parseInt(fields[3]) & 0xffff), announcement);
      }
    }
  }

  /**
   * The data connection that {@code connection} is, when it goes to or comes from an announced end
   * (the announcement is then used up), or {@code null}.
   */
  DataConnection claim(TcpConnection connection) {
    Endpoint responder = connection.responder();
    Endpoint initiator = connection.initiator();
    Announcement toResponder = expected.remove(responder);
    Announcement fromInitiator = expected.remove(initiator);
    if (toResponder != null) {
      Endpoint server = toResponder.serverEnd() ? responder : initiator;
      return new DataConnection(connection, toResponder.owner(), server.equals(responder));
    }
    if (fromInitiator != null) {
      Endpoint server = fromInitiator.serverEnd() ? initiator : responder;
      return new DataConnection(connection, fromInitiator.owner(), server.equals(responder));
    }
    return null;
  }

  /**
   * Forgets what a control connection that closed announced and no connection took up: a later
   * connection to one of those ends (its port number come round again in a long capture) is no data
   * connection of it, as a server takes none for a control connection that has closed.
   *
   * @param ends the ends it announced, the latest few
   */
  void closed(FtpControlConnection owner, Collection<Endpoint> ends) {
    for (Endpoint end : ends) {
      Announcement announcement = expected.get(end);
      if (announcement != null && announcement.owner() == owner) {
        expected.remove(end);
      }
    }
  }

  private void expect(Endpoint end, Announcement announcement) {
    if (expected.size() >= MAX_EXPECTED && !expected.containsKey(end)) {
      Iterator<Endpoint> oldest = expected.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    expected.put(end, announcement);
    announcement.owner().announced(end);
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
