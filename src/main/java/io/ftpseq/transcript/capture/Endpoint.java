package io.ftpseq.transcript.capture;

import java.util.Arrays;

/**
 * One end of a TCP connection: an IPv4 or IPv6 address and a port. Written {@code 192.0.2.1:21}, or
 * {@code [2001:db8::1]:21} with the address compressed as RFC 5952 recommends.
 */
final class Endpoint {

  private final byte[] address;
  private final int port;
  private final int hash;

  /**
   * The end at {@code address} and {@code port}; the array becomes the endpoint's, so callers give
   * one nobody changes (a packet's, copied out of its frame, is never changed).
   */
  Endpoint(byte[] address, int port) {
    this.address = address;
    this.port = port;
    this.hash = Arrays.hashCode(address) * 31 + port;
  }

  int port() {
    return port;
  }

  /** The same address with another port, for data connections announced by a reply. */
  Endpoint withPort(int otherPort) {
    return new Endpoint(address, otherPort);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Endpoint that
        && port == that.port
        && Arrays.equals(address, that.address);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Orders endpoints so that the two ends of a connection make one key whichever side sent. */
  boolean before(Endpoint other) {
    int compared = Arrays.compareUnsigned(address, other.address);
    return compared < 0 || (compared == 0 && port < other.port);
  }

  @Override
  public String toString() {
    return address.length == 4 ? ipv4() + ":" + port : "[" + ipv6() + "]:" + port;
  }

  private String ipv4() {
    return (address[0] & 0xff)
        + "."
        + (address[1] & 0xff)
        + "."
        + (address[2] & 0xff)
        + "."
        + (address[3] & 0xff);
  }

  /** RFC 5952: lower-case hex groups, the longest run (two or more) of zero groups as "::". */
  private String ipv6() {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = NetworkOrder.u16(address, 2 * i);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append(i == 0 ? "::" : ":");
        i += bestLength - 1;
        continue;
      }
      text.append(Integer.toHexString(groups[i]));
      if (i < 7) {
        text.append(':');
      }
    }
    return text.toString();
  }
}
