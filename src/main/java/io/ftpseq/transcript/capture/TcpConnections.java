package io.ftpseq.transcript.capture;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The TCP connections of a capture, by their two ends. A connection is opened by a SYN, or by the
 * first segment with data when its start was not captured; bare acknowledgements of unknown
 * connections (the tail of one already closed) open nothing. A closed connection is forgotten, so a
 * later SYN on the same ends is a new connection.
 */
final class TcpConnections {

  private record Key(Endpoint low, Endpoint high) {
    static Key of(Endpoint a, Endpoint b) {
      return a.before(b) ? new Key(a, b) : new Key(b, a);
    }
  }

  private final Map<Key, TcpConnection> open = new LinkedHashMap<>();
  private final Function<TcpConnection, TcpConnection.Listener> readers;
  private final Consumer<TcpConnection> ended;
  private long connections;

  /**
   * Connections whose content {@code readers} reads, one listener per connection; {@code ended} is
   * told when each ends.
   */
  TcpConnections(
      Function<TcpConnection, TcpConnection.Listener> readers, Consumer<TcpConnection> ended) {
    this.readers = readers;
    this.ended = ended;
  }

  /** How many connections were seen. */
  long count() {
    return connections;
  }

  /**
   * Takes one segment of the capture, whose last {@code lost} payload bytes the capture cut off
   * ({@code cut}: its frame was cut by the snap length); returns whether it belongs to a connection
   * (a bare acknowledgement of a connection not seen open belongs to none).
   */
  boolean segment(long frame, IpPacket ip, TcpSegment segment, byte[] data, int lost, boolean cut) {
    Endpoint source = new Endpoint(ip.source(), segment.sourcePort());
    Endpoint destination = new Endpoint(ip.destination(), segment.destinationPort());
    Key key = Key.of(source, destination);
    TcpConnection connection = open.get(key);
    boolean syn = segment.has(TcpSegment.SYN);
    boolean opening = syn && !segment.has(TcpSegment.ACK);
    if (connection != null && opening && connection.isReusedBy(segment)) {
      connection.end(frame);
      ended.accept(connection);
      connection = null;
    }
    if (connection == null) {
      if (!syn && segment.payloadLength() + lost == 0) {
        return false;
      }
      boolean sourceInitiated = !syn || opening;
      connection =
          sourceInitiated
              ? new TcpConnection(source, destination, frame)
              : new TcpConnection(destination, source, frame);
      connection.listen(readers.apply(connection));
      open.put(key, connection);
      connections++;
    }
    connection.segment(frame, source, segment, data, lost, cut);
    if (connection.closed()) {
      open.remove(key);
      ended.accept(connection);
    }
    return true;
  }

  /** The capture ended: every connection still open ends at {@code lastFrame}. */
  void finish(long lastFrame) {
    for (TcpConnection connection : open.values()) {
      connection.end(lastFrame);
      ended.accept(connection);
    }
    open.clear();
  }
}
