package io.ftpseq.transcript.capture;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.transcript.capture.CaptureSink.PacketUse;
import java.util.HashSet;
import java.util.Set;

/**
 * Unwraps each frame down to TCP and hands the segment to the connection table. A frame that is
 * damaged, or framed in a way that cannot be read, is a problem at its packet number; reading goes
 * on with the next frame. The packets are counted once the capture is read ({@link #countPackets}).
 */
final class PacketDecoder implements FrameSink {

  private final PacketSources sources;
  private final CaptureSink sink;
  private final DataChannels channels = new DataChannels();
  private final TcpConnections connections;
  private final Set<Integer> unsupported = new HashSet<>();
  private final Ipv4Fragments fragments = new Ipv4Fragments(this::gaveUp);
  private long frames;
  private long controlConnections;
  // packets are counted at the end, from these, so that no packet costs more for being counted
  private long dialogue;
  // counts, not a set of packet numbers: a capture of millions of unreadable packets (a link type
  // not supported) holds no more memory than a clean one
  private long problemPackets;
  private long lastProblemPacket;
  private long highestProblemPacket;
  private long lostFragments;
  private boolean cutSaid;
  private final SessionNames sessionNames = new SessionNames();
  // whether the frame being decoded was cut by the snap length
  private boolean cut;
  // the upper-layer bytes the cut frame's IP header says it carried
  private int missing;

  PacketDecoder(String source, CaptureSink sink) {
    this.sources = new PacketSources(source);
    this.sink = sink;
    this.connections = new TcpConnections(this::reader, this::closed);
  }

  @Override
  public void frame(
      long number, int linkType, long time, byte[] data, int offset, int length, int original) {
    frames = number;
    sources.time(number, time);
    cut = Integer.compareUnsigned(original, length) > 0;
    if (cut) {
      cut(number, length);
    }
    decode(number, linkType, data, offset, length);
  }

  /**
   * Packet {@code number} was cut at {@code length} bytes by the capture's snap length: said once
   * for the capture, every cut packet unreadable all the same.
   */
  private void cut(long number, int length) {
    if (cutSaid) {
      unreadable(number);
      return;
    }
    cutSaid = true;
    problem(number, Phrase.of("problem.capture.snapLength", length, Long.toString(number)));
  }

  /**
   * Decodes one frame down to TCP; a TCP segment goes to its connection. A frame that cannot be
   * read is a problem at its number.
   */
  private void decode(long number, int linkType, byte[] data, int offset, int length) {
    if (!LinkLayer.supports(linkType)) {
      if (unsupported.add(linkType)) {
        problem(
            number,
            Phrase.of(
                "problem.capture.linkType", Integer.toString(linkType), Long.toString(number)));
      } else {
        unreadable(number); // said once for the link type, unreadable all the same
      }
      return;
    }
    int ipStart = LinkLayer.ipStart(linkType, data, offset, length);
    if (ipStart == LinkLayer.NO_IP) {
      return;
    }
    IpPacket ip = IpPacket.parse(data, ipStart, offset + length);
    if (ip == null) {
      problem(number, Phrase.of("problem.capture.ipHeader", Long.toString(number)));
      return;
    }
    if (ip.protocol() != IpPacket.TCP) {
      return;
    }
    if (!ip.fragment()) {
      if (cut) {
        missing = IpPacket.lengthOnTheWire(data, ipStart) - (ip.payloadOffset() - ipStart);
      }
      tcp(number, data, ip);
      return;
    }
    if (ip.source().length != 4) {
      problem(number, Phrase.of("problem.capture.ipv6Fragment", Long.toString(number)));
      return;
    }
    byte[] whole = fragments.fragment(number, data, ipStart, ip);
    if (whole != null) {
      cut = false; // a reassembled datagram is whole, or was given up
      tcp(number, whole, IpPacket.parse(whole, 0, whole.length));
    }
  }

  private void tcp(long number, byte[] data, IpPacket ip) {
    TcpSegment segment = TcpSegment.parse(data, ip);
    if (segment == null && cut) {
      // the snap length cut the header's options or more: the fixed part still says where it is
      segment = TcpSegment.parseCut(data, ip);
    }
    if (segment == null) {
      problem(number, Phrase.of("problem.capture.tcpHeader", Long.toString(number)));
      return;
    }
    int lost =
        cut
            ? Math.max(
                0,
                missing - (segment.payloadOffset() - ip.payloadOffset()) - segment.payloadLength())
            : 0;
    connections.segment(number, ip, segment, data, lost, cut);
  }

  /** A problem at packet {@code number} (0: the capture as a whole); that packet is unreadable. */
  @Override
  public void problem(long number, Phrase what) {
    unreadable(number);
    sink.problem(CaptureSink.WHOLE_CAPTURE, new Problem(sources.at(number), what));
  }

  /** The capture ended: open connections end, and a capture without FTP says so. */
  void finish() {
    fragments.finish(frames);
    connections.finish(frames);
    if (controlConnections == 0 && frames > 0) {
      problem(0, Phrase.of("problem.capture.noFtp", connections.count(), frames));
    }
  }

  /**
   * Counts every packet read, once, by what it was (see {@link PacketUse}): a packet a problem was
   * reported at is unreadable, whatever else it was, and so are the fragments of a datagram given
   * up; the packets of FTP control connections are dialogue; every other packet was skipped. A
   * packet a problem names that never came as a frame (a capture cut short in it) is read too.
   */
  void countPackets() {
    long read = Math.max(frames, highestProblemPacket);
    long unreadable = Math.min(problemPackets + lostFragments, read - dialogue);
    sink.count(PacketUse.DIALOGUE, dialogue);
    sink.count(PacketUse.PROBLEM, unreadable);
    sink.count(PacketUse.SKIPPED, read - dialogue - unreadable);
  }

  /**
   * A connection ended: its packets were dialogue when it was an FTP control connection, but for
   * those a problem of it was reported at.
   */
  private void closed(TcpConnection connection) {
    if (connection.listener() instanceof FtpControlConnection control) {
      long problems = control.problemFrames();
      problemPackets += problems;
      if (control.isFtp()) {
        // a frame cut by the snap length is unreadable, counted once when it came
        dialogue += Math.max(0, connection.frames() - problems - connection.cutFrames());
      }
    }
  }

  /**
   * Counts the packet a problem was reported at (none for 0, the capture as a whole): the decoder
   * reports in packet order, so a packet with several problems counts once.
   */
  private void unreadable(long number) {
    if (number > 0 && number != lastProblemPacket) {
      problemPackets++;
      lastProblemPacket = number;
      highestProblemPacket = Math.max(highestProblemPacket, number);
    }
  }

  /** A datagram was given up: the problem is said where, and its fragments are unreadable. */
  private void gaveUp(long number, long firstFrame, Phrase datagram, Phrase why, int fragments) {
    lostFragments += fragments;
    sink.problem(
        CaptureSink.WHOLE_CAPTURE,
        new Problem(
            sources.at(number),
            Phrase.of("problem.capture.notReassembled", datagram, Long.toString(firstFrame), why)));
  }

  private TcpConnection.Listener reader(TcpConnection connection) {
    DataConnection data = channels.claim(connection);
    if (data != null) {
      data.opened();
      return data;
    }
    return new FtpControlConnection(
        sources, sink, connection, channels, () -> controlConnections++, sessionNames::next);
  }
}
