package io.ftpseq.transcript.capture;

import io.ftpseq.session.Problem;
import io.ftpseq.transcript.LineTally;
import io.ftpseq.transcript.LineUse;
import io.ftpseq.transcript.TranscriptSink;
import java.util.HashSet;
import java.util.Set;

/**
 * Unwraps each frame down to TCP and hands the segment to the connection table. A frame that is
 * damaged, or framed in a way that cannot be read, is a problem at its packet number; reading goes
 * on with the next frame.
 */
final class PacketDecoder implements FrameSink {

  private final PacketSources sources;
  private final TranscriptSink sink;
  private final LineTally tally;
  private final DataChannels channels = new DataChannels();
  private final TcpConnections connections;
  private final Set<Integer> unsupported = new HashSet<>();
  private final Ipv4Fragments fragments = new Ipv4Fragments(this::gaveUp);
  private long frames;
  private long controlConnections;

  PacketDecoder(String source, TranscriptSink sink, LineTally tally) {
    this.sources = new PacketSources(source);
    this.sink = sink;
    this.tally = tally;
    this.connections = new TcpConnections(this::reader, this::closed);
  }

  @Override
  public void frame(long number, int linkType, long time, byte[] data, int offset, int length) {
    frames = number;
    sources.time(number, time);
    LineUse use = decode(number, linkType, data, offset, length);
    if (use != null) {
      tally.add(use, 1);
    }
  }

  /**
   * Decodes one frame down to TCP and says what it was; a TCP segment of a connection is counted
   * when the connection ends, once it is known whether it was FTP.
   */
  private LineUse decode(long number, int linkType, byte[] data, int offset, int length) {
    if (!LinkLayer.supports(linkType)) {
      if (unsupported.add(linkType)) {
        problem(
            number,
            "link type "
                + linkType
                + " is not supported: packet "
                + number
                + " and the others of this link type are skipped");
      }
      return LineUse.PROBLEM;
    }
    int ipStart = LinkLayer.ipStart(linkType, data, offset, length);
    if (ipStart == LinkLayer.NO_IP) {
      return LineUse.SKIPPED;
    }
    IpPacket ip = IpPacket.parse(data, ipStart, offset + length);
    if (ip == null) {
      problem(number, "packet " + number + " has a damaged or cut-short IP header");
      return LineUse.PROBLEM;
    }
    if (ip.protocol() != IpPacket.TCP) {
      return LineUse.SKIPPED;
    }
    if (!ip.fragment()) {
      return tcp(number, data, ip);
    }
    if (ip.source().length != 4) {
      problem(
          number,
          "packet "
              + number
              + " is a fragment of an IPv6 datagram carrying TCP;"
              + " IPv6 fragments are not reassembled, so its bytes count as not captured");
      return LineUse.PROBLEM;
    }
    byte[] whole = fragments.fragment(number, data, ipStart, ip);
    // a fragment held for reassembly is counted with the others of its datagram as skipped
    return whole == null
        ? LineUse.SKIPPED
        : tcp(number, whole, IpPacket.parse(whole, 0, whole.length));
  }

  private LineUse tcp(long number, byte[] data, IpPacket ip) {
    TcpSegment segment = TcpSegment.parse(data, ip);
    if (segment == null) {
      problem(number, "packet " + number + " has a damaged or cut-short TCP header");
      return LineUse.PROBLEM;
    }
    return connections.segment(number, ip, segment, data) ? null : LineUse.SKIPPED;
  }

  @Override
  public void problem(long number, String message) {
    sink.problem(TranscriptSink.SINGLE, new Problem(sources.at(number), message));
  }

  /** The capture ended: open connections end, and a capture without FTP says so. */
  void finish() {
    fragments.finish(frames);
    connections.finish(frames);
    if (controlConnections == 0 && frames > 0) {
      problem(
          0,
          "no FTP control connection among the "
              + connections.count()
              + " TCP connections of "
              + frames
              + " packets");
    }
  }

  /** A connection ended: its packets were dialogue when it was an FTP control connection. */
  private void closed(TcpConnection connection) {
    boolean ftp = connection.listener() instanceof FtpControlConnection control && control.isFtp();
    tally.add(ftp ? LineUse.DIALOGUE : LineUse.SKIPPED, connection.frames());
  }

  private void gaveUp(long number, long firstFrame, String datagram, String why) {
    problem(
        number,
        "the fragments of "
            + datagram
            + " (from packet "
            + firstFrame
            + ") were not reassembled: "
            + why
            + "; its bytes count as not captured");
  }

  private TcpConnection.Listener reader(TcpConnection connection) {
    DataConnection data = channels.claim(connection);
    if (data != null) {
      data.opened();
      return data;
    }
    return new FtpControlConnection(
        sources, sink, connection, channels, () -> controlConnections++);
  }
}
