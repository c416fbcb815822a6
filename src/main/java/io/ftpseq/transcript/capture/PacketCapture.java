package io.ftpseq.transcript.capture;

import io.ftpseq.session.Phrase;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Packet captures, pcap or pcapng, as tcpdump, tshark, dumpcap and Wireshark write them. Every FTP
 * control connection in the capture is a session named {@code client-ip:port -> server-ip:port};
 * sources are the packet (frame) number where a command or reply's first byte arrived, with that
 * packet's time in UTC, so {@code capture.pcap#17} is frame 17 in Wireshark. Connections are found
 * by content, on any port; the data connections they announce are noted in their session.
 *
 * <pre>
 * tcpdump -i lo -w session.pcap 'tcp port 2121'
 * ftpseq check session.pcap
 * </pre>
 */
public final class PacketCapture {

  /** The format's name, as given to {@code --format}. */
  public static final String NAME = "pcap";

  /** Whether the first bytes of an input are a pcap or pcapng capture's. */
  public boolean recognise(byte[] head) {
    if (head.length < 4) {
      return false;
    }
    int magic = ByteBuffer.wrap(head).getInt(0);
    return PcapFile.isMagic(magic) || magic == PcapngFile.SECTION_HEADER;
  }

  /**
   * Reads the whole capture, sending each control connection's events to the sink under its own
   * session name and counting every packet once, by what it was (a packet a problem was reported at
   * is unreadable); damage and truncation are problems, and reading stops there.
   */
  public void read(String source, InputStream in, CaptureSink sink) throws IOException {
    InputStream input = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    input.mark(4);
    byte[] head = input.readNBytes(4);
    input.reset();
    PacketDecoder decoder = new PacketDecoder(source, sink);
    try {
      if (head.length == 4 && ByteBuffer.wrap(head).getInt(0) == PcapngFile.SECTION_HEADER) {
        PcapngFile.read(input, decoder);
      } else if (recognise(head)) {
        PcapFile.read(input, decoder);
      } else {
        decoder.problem(0, Phrase.of("problem.capture.notCapture"));
        return;
      }
      decoder.finish();
    } finally {
      decoder.countPackets(); // the packets read before an input that breaks off count too
    }
  }
}
