package io.ftpseq.transcript.capture;

/**
 * What the first bytes of a connection show when they are a TLS handshake rather than text: a
 * handshake record, and whether it is implicit FTPS (to port 990, or offering the ALPN protocol
 * "ftp").
 */
final class TlsHandshake {

  /** The port IANA lists as "ftps", where implicit FTPS listens. */
  static final int IMPLICIT_FTPS_PORT = 990;

  private TlsHandshake() {}

  /** Whether the bytes start a TLS handshake record (content type 22, version 3.x). */
  static boolean isRecord(byte[] data, int offset, int length) {
    return length >= 3 && data[offset] == 0x16 && data[offset + 1] == 0x03;
  }

  /** Whether a ClientHello lists the ALPN protocol "ftp" (a length byte 3, then the name). */
  static boolean offersFtpAlpn(byte[] data, int offset, int length) {
    for (int i = offset; i + 3 < offset + length; i++) {
      if (data[i] == 3 && data[i + 1] == 'f' && data[i + 2] == 't' && data[i + 3] == 'p') {
        return true;
      }
    }
    return false;
  }
}
