package io.ftpseq.transcript;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.transcript.capture.CaptureSink;
import io.ftpseq.transcript.capture.CaptureSink.PacketUse;
import io.ftpseq.transcript.capture.PacketCapture;
import java.io.IOException;
import java.io.InputStream;

/** Packet captures, pcap and pcapng, as a capture format: read by {@link PacketCapture}. */
final class PacketCaptureFormat implements CaptureFormat {

  private final PacketCapture capture = new PacketCapture();

  @Override
  public String name() {
    return PacketCapture.NAME;
  }

  @Override
  public boolean recognise(byte[] head) {
    return capture.recognise(head);
  }

  @Override
  public void read(String source, InputStream in, TranscriptSink sink, LineTally tally)
      throws IOException {
    capture.read(
        source,
        in,
        new CaptureSink() {
          @Override
          public void event(String session, SessionEvent event) {
            sink.event(session, event);
          }

          @Override
          public void problem(String session, Problem problem) {
            sink.problem(session, problem);
          }

          @Override
          public void end(String session) {
            sink.end(session);
          }

          @Override
          public void secretsIn(String line) {
            sink.secretsIn(line);
          }

          @Override
          public void secret(String value) {
            sink.secret(value);
          }

          @Override
          public void count(PacketUse use, long packets) {
            tally.add(
                switch (use) {
                  case DIALOGUE -> LineUse.DIALOGUE;
                  case SKIPPED -> LineUse.SKIPPED;
                  case PROBLEM -> LineUse.PROBLEM;
                },
                packets);
          }
        });
  }
}
