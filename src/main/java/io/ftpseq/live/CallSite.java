package io.ftpseq.live;

import java.lang.StackWalker.StackFrame;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where the code under test sent a command: its own stack frames from the call into Commons Net
 * down to the test method, without the frames of Commons Net and ftpseq above them nor those of the
 * test engine below. A test failure about the command carries them as its stack trace, so an IDE
 * opens, and a CI report shows, the line that sent it ({@code UploadTest.java:52}) rather than a
 * line of ftpseq.
 */
final class CallSite {

  /** The most frames kept of one call site. */
  static final int KEPT_FRAMES = 24;

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private static final CodeSource OWN = codeSource(CallSite.class);

  private CallSite() {}

  /** The call site of the command being sent on this thread, empty when none is found. */
  static StackTraceElement[] here() {
    List<StackTraceElement> frames =
        WALKER.walk(
            stack ->
                userFrames(stack).limit(KEPT_FRAMES).map(StackFrame::toStackTraceElement).toList());
    int end = frames.size();
    while (end > 0 && isPlatform(frames.get(end - 1).getClassName())) {
      end--; // reflection between the test method and the test engine
    }
    return frames.subList(0, end).toArray(StackTraceElement[]::new);
  }

  private static Stream<StackFrame> userFrames(Stream<StackFrame> stack) {
    return stack
        .dropWhile(CallSite::isLibrary)
        .takeWhile(frame -> !frame.getClassName().startsWith("org.junit."));
  }

  /**
   * Whether the frame is Commons Net's or ftpseq's own: a class of ftpseq's jar (not a test class
   * of a user, or of ftpseq itself, in the same package), or the JDK's code they call through.
   */
  private static boolean isLibrary(StackFrame frame) {
    String name = frame.getClassName();
    if (name.startsWith("org.apache.commons.net.") || isPlatform(name)) {
      return true;
    }
    return name.startsWith("io.ftpseq.")
        && Objects.equals(codeSource(frame.getDeclaringClass()), OWN);
  }

  private static boolean isPlatform(String className) {
    return className.startsWith("java.")
        || className.startsWith("jdk.")
        || className.startsWith("sun.");
  }

  private static CodeSource codeSource(Class<?> type) {
    return type.getProtectionDomain().getCodeSource();
  }
}
