package io.ftpseq.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.ftpseq.handover.BatchesAhead;
import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Step;
import io.ftpseq.session.Phrase;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/**
 * The sessions of a run, in input order, in bounded memory: sessions are added as they end, in any
 * order, under a key that gives their place (the input's index and the session's start order), and
 * are read back in key order as often as reports need. Past a memory budget the sessions held are
 * written to a temporary file as one run sorted by key; reading merges the runs and the sessions
 * still held. Memory holds the budget's sessions and a small buffer per run (and, reading ahead, a
 * few batches of at most a megabyte), nothing per session written: a run of millions of sessions
 * fits the heap of a run of thousands.
 *
 * <p>A report that draws the steps of only some sessions says which ({@link #keepingStepsOf}): the
 * store then keeps the steps of those alone, aside, and gives them back with their sessions.
 */
public final class SessionStore implements Iterable<SessionCheck>, Closeable {

  /** The memory budget by default at most: enough for tens of thousands of ordinary sessions. */
  public static final long DEFAULT_BUDGET = 32L << 20;

  /** The share of the heap the budget takes at most: the run needs the rest for all else. */
  private static final int HEAP_SHARE = 4;

  /** The read buffers of all runs together, whatever their number, within these bounds each. */
  private static final int READ_BUFFERS = 8 << 20;

  private static final int MIN_BUFFER = 4 << 10;
  private static final int MAX_BUFFER = 64 << 10;

  private final long budget;

  /**
   * Made when the first session is spilled: most runs never spill, and Jackson's mapper is slow to
   * make.
   */
  private ObjectMapper codec;

  private final Map<String, ServerProfile> profiles = new HashMap<>();
  private final TreeMap<Long, SessionCheck> held = new TreeMap<>();
  private long heldBytes;
  private int size;
  private final List<long[]> runs = new ArrayList<>(); // each run's first and end byte
  private Path spill;
  private DataOutputStream spillOut;
  private long spillLength;
  private FileChannel spillIn;
  private final CheckRun.Totals totals = new CheckRun.Totals();
  private boolean readAhead;
  private final List<BatchesAhead<?>> readers = new ArrayList<>();
  private Drawings drawings;
  private final Map<Long, List<Step>> drawnSteps = new HashMap<>();
  private final AtomicLong decoded = new AtomicLong();

  // passing sessions on as the run goes: where to, the key next in order, the inputs that ended,
  // and the runs on disk with sessions not yet passed on, by the key each is at
  private Consumer<SessionCheck> passOn;
  private long next;
  private final BitSet ended = new BitSet();
  private final PriorityQueue<SpilledRun> waiting =
      new PriorityQueue<>(Comparator.comparingLong(SpilledRun::key));

  /**
   * The sessions whose steps a report draws, for a report that draws only some: asked as each
   * session is added, in the order sessions end, which is not their order in the input. A session
   * that may be drawn may stop being so when one before it in the input is added later.
   */
  public interface Drawings {
    /**
     * Whether the session added under the key may be drawn, from the sessions added so far.
     *
     * @param undrawn told the key of each session added before that no longer may be drawn
     */
    boolean mayDraw(long key, SessionCheck session, LongConsumer undrawn);

    /** What the store keeps of a session whose steps are not drawn: as few steps as it needs. */
    SessionCheck undrawn(SessionCheck session);
  }

  /**
   * A store with the default memory budget: {@value #DEFAULT_BUDGET} bytes, or a quarter of the
   * heap when that is less. Sessions are counted at what they really hold ({@link
   * SessionFootprint}), so a fixed budget of 32 MB filled a 32 MB heap.
   */
  public SessionStore() {
    this(Math.min(DEFAULT_BUDGET, Runtime.getRuntime().maxMemory() / HEAP_SHARE));
  }

  /** A store that keeps at most about {@code budget} bytes of sessions in memory. */
  public SessionStore(long budget) {
    this.budget = budget;
  }

  /** The key of a session: the index of its input, and its start order within the input. */
  public static long key(int input, long order) {
    return ((long) input << 40) | order;
  }

  /**
   * Keeps the steps of the sessions the drawings may draw, and only as many steps of the others as
   * they need; returns this store. An HTML report draws a few hundred sessions of a run, and
   * keeping every session's steps for it made a run of many sessions twice as slow as one that
   * keeps none, and its memory.
   */
  public SessionStore keepingStepsOf(Drawings drawings) {
    this.drawings = drawings;
    return this;
  }

  /** Adds a session that ended; the key gives its place. */
  public void add(long key, SessionCheck session) {
    if (drawings != null) {
      if (drawings.mayDraw(key, session, drawnSteps::remove)) {
        drawnSteps.put(key, session.steps());
      }
      session = drawings.undrawn(session);
    }
    totals.add(session);
    profiles.putIfAbsent(session.profile().name(), session.profile());
    size++;
    if (passOn != null && key == next) {
      passOn.accept(session); // the common case: nothing before it is still to come
      next = key + 1;
      passOnWhatFollows();
      return;
    }
    held.put(key, session);
    heldBytes += estimate(session);
    if (passOn != null) {
      passOnWhatFollows();
    }
    if (heldBytes > budget) {
      spillHeld();
    }
  }

  /**
   * Passes every session on to {@code to} in key order as soon as it may be: when every session
   * before it in its input has been added, or its input has ended ({@link #inputEnded}) and every
   * input before. A report whose sessions come first is so written as the run goes, and a run whose
   * sessions end about in the order they started holds next to nothing: only the sessions that wait
   * for one before them are held, and spilled past the budget, as ever. Returns this store, which
   * then gives no session back ({@link #iterator}): each was passed on.
   */
  public SessionStore passingOn(Consumer<SessionCheck> to) {
    if (drawings != null) {
      throw new IllegalStateException("a store that keeps steps to draw keeps every session");
    }
    this.passOn = to;
    return this;
  }

  /**
   * Says that an input ended: every session of it was added. When passing sessions on, those of it
   * still held pass on in order, whatever gaps their start orders leave.
   */
  public void inputEnded(int input) {
    ended.set(input);
    if (passOn != null) {
      passOnWhatFollows();
    }
  }

  /** Passes on, in key order, every session held or on disk that may pass now. */
  private void passOnWhatFollows() {
    while (true) {
      long first = firstWaiting();
      int input = inputOf(next);
      if (first <= next
          || (ended.get(input) && first != Long.MAX_VALUE && inputOf(first) == input)) {
        passOn.accept(takeWaiting(first));
        next = first + 1;
      } else if (ended.get(input)) {
        next = key(input + 1, 0); // the input's every session passed on
      } else {
        return;
      }
    }
  }

  /** The first key of the sessions waiting to be passed on, held or on disk; MAX_VALUE if none. */
  private long firstWaiting() {
    long first = held.isEmpty() ? Long.MAX_VALUE : held.firstKey();
    return waiting.isEmpty() ? first : Math.min(first, waiting.peek().key());
  }

  /** Takes the session of the first key waiting, from memory or from its run on disk. */
  private SessionCheck takeWaiting(long first) {
    if (!held.isEmpty() && held.firstKey() == first) {
      SessionCheck session = held.pollFirstEntry().getValue();
      heldBytes -= estimate(session);
      return session;
    }
    SpilledRun run = waiting.poll();
    SessionCheck session = run.session();
    if (run.advance()) {
      waiting.add(run);
    }
    return session;
  }

  private static int inputOf(long key) {
    return (int) (key >>> 40);
  }

  /** The totals of the sessions added so far. */
  public CheckRun.Totals totals() {
    return totals;
  }

  /** How many sessions were added. */
  public int size() {
    return size;
  }

  /** Whether any session had to be written to disk. */
  public boolean spilled() {
    return spill != null;
  }

  /** How many sessions were decoded from disk so far, by every reading together. */
  public long decoded() {
    return decoded.get();
  }

  /**
   * Reads spilled sessions back on a thread of its own, a bounded way ahead of the report that asks
   * for them, so that decoding them and writing the report share two cores; returns this store.
   */
  public SessionStore readingAhead() {
    this.readAhead = true;
    return this;
  }

  @Override
  public Iterator<SessionCheck> iterator() {
    return iterator(place -> true);
  }

  /**
   * The sessions at the places the test accepts, in key order, 0 being the first: a report that
   * shows a few sessions of many, as the HTML page draws a few hundred, has the others passed over
   * on disk, not decoded.
   */
  public Iterator<SessionCheck> iterator(LongPredicate places) {
    if (passOn != null) {
      throw new IllegalStateException("every session was passed on as the run went");
    }
    Iterator<SessionCheck> merged = merged(places);
    return readAhead && spilled() ? new ReadAhead(merged) : merged;
  }

  /** The runs merged in key order, each session at an accepted place decoded when asked for. */
  private Iterator<SessionCheck> merged(LongPredicate places) {
    PriorityQueue<Run> next = new PriorityQueue<>(Comparator.comparingLong(Run::key));
    for (Run run : runs()) {
      if (run.advance()) {
        next.add(run);
      }
    }
    return new Iterator<>() {
      private long place = -1;
      private SessionCheck ahead;

      @Override
      public boolean hasNext() {
        while (ahead == null && !next.isEmpty()) {
          Run first = next.poll();
          if (places.test(++place)) {
            ahead = withDrawnSteps(first.key(), first.session());
          }
          if (first.advance()) {
            next.add(first);
          }
        }
        return ahead != null;
      }

      @Override
      public SessionCheck next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        SessionCheck session = ahead;
        ahead = null;
        return session;
      }
    };
  }

  /** The session with its steps back, when they were kept aside to be drawn. */
  private SessionCheck withDrawnSteps(long key, SessionCheck session) {
    List<Step> steps = drawnSteps.get(key);
    if (steps == null) {
      return session;
    }
    return session.withSteps(steps);
  }

  /** A reader of every run written, and of the sessions held, each in key order. */
  private List<Run> runs() {
    List<Run> all = new ArrayList<>();
    if (!runs.isEmpty()) {
      try {
        spillOut.flush();
        if (spillIn == null) {
          spillIn = FileChannel.open(spill);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(ReportFault.cannotReadSessions(spill, e));
      }
      int buffer = Math.max(MIN_BUFFER, Math.min(MAX_BUFFER, READ_BUFFERS / runs.size()));
      for (long[] run : runs) {
        all.add(new SpilledRun(run[0], run[1], buffer));
      }
    }
    all.add(new HeldRun(new ArrayList<>(held.entrySet()).iterator()));
    return all;
  }

  @Override
  public void close() throws IOException {
    readers.forEach(BatchesAhead::close);
    if (spillIn != null) {
      spillIn.close();
    }
    if (spillOut != null) {
      spillOut.close();
    }
    if (spill != null) {
      Files.deleteIfExists(spill);
    }
  }

  /** Writes every session held in memory to the spill file as one run in key order. */
  private void spillHeld() {
    try {
      if (spill == null) {
        spill = Files.createTempFile("ftpseq-sessions-", ".bin");
        spill.toFile().deleteOnExit();
        spillOut =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
      }
      long start = spillLength;
      for (Map.Entry<Long, SessionCheck> entry : held.entrySet()) {
        byte[] record = codec().writeValueAsBytes(entry.getValue());
        spillOut.writeLong(entry.getKey());
        spillOut.writeInt(record.length);
        spillOut.write(record);
        spillLength += Long.BYTES + Integer.BYTES + record.length;
      }
      runs.add(new long[] {start, spillLength});
      held.clear();
      heldBytes = 0;
      if (passOn != null) {
        waitToPassOn(start, spillLength);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(ReportFault.cannotWriteSessions(spill, e));
    }
  }

  /** Reads the run just written back when its first session may pass on. */
  private void waitToPassOn(long start, long end) throws IOException {
    spillOut.flush();
    if (spillIn == null) {
      spillIn = FileChannel.open(spill);
    }
    SpilledRun run = new SpilledRun(start, end, MIN_BUFFER);
    if (run.advance()) {
      waiting.add(run);
    }
  }

  /** Sessions in key order, one at a time: a run written to the file, or those held. */
  private interface Run {
    /** Moves to the next session; false when there is none. */
    boolean advance();

    /** The key of the session moved to. */
    long key();

    /** The session moved to. */
    SessionCheck session();
  }

  /** The sessions still held, in key order. */
  private static final class HeldRun implements Run {
    private final Iterator<Map.Entry<Long, SessionCheck>> entries;
    private Map.Entry<Long, SessionCheck> current;

    HeldRun(Iterator<Map.Entry<Long, SessionCheck>> entries) {
      this.entries = entries;
    }

    @Override
    public boolean advance() {
      current = entries.hasNext() ? entries.next() : null;
      return current != null;
    }

    @Override
    public long key() {
      return current.getKey();
    }

    @Override
    public SessionCheck session() {
      return current.getValue();
    }
  }

  /**
   * One run of the spill file, read with positioned reads through its own buffer, so that any
   * number of runs share the file's one channel.
   */
  private final class SpilledRun implements Run {
    private final ByteBuffer buffer;
    private long position;
    private final long end;
    private long key;
    private byte[] record;

    SpilledRun(long start, long end, int bufferSize) {
      this.buffer = ByteBuffer.allocate(bufferSize).limit(0);
      this.position = start;
      this.end = end;
    }

    @Override
    public boolean advance() {
      try {
        if (position == end && !buffer.hasRemaining()) {
          return false;
        }
        key = bytes(Long.BYTES).getLong();
        record = new byte[bytes(Integer.BYTES).getInt()];
        ByteBuffer into = ByteBuffer.wrap(record);
        while (into.hasRemaining()) {
          fill();
          int n = Math.min(into.remaining(), buffer.remaining());
          into.put(into.position(), buffer, buffer.position(), n);
          into.position(into.position() + n);
          buffer.position(buffer.position() + n);
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(ReportFault.cannotReadSessions(spill, e));
      }
    }

    @Override
    public long key() {
      return key;
    }

    @Override
    public SessionCheck session() {
      decoded.incrementAndGet();
      try {
        return codec().readValue(record, SessionCheck.class);
      } catch (IOException e) {
        throw new UncheckedIOException(ReportFault.cannotReadSessions(spill, e));
      }
    }

    /** The next {@code n} bytes, a number or a length, in a buffer of their own. */
    private ByteBuffer bytes(int n) throws IOException {
      ByteBuffer into = ByteBuffer.allocate(n);
      while (into.hasRemaining()) {
        fill();
        into.put(buffer.get());
      }
      return into.flip();
    }

    /** Makes sure the buffer has a byte to give, reading on in the run when it is empty. */
    private void fill() throws IOException {
      if (buffer.hasRemaining()) {
        return;
      }
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), end - position));
      if (!buffer.hasRemaining()) {
        throw new EOFException(); // said as a file cut short (ReportFault)
      }
      while (buffer.hasRemaining()) {
        int read = spillIn.read(buffer, position + buffer.position());
        if (read < 0) {
          throw new EOFException();
        }
      }
      position += buffer.position();
      buffer.flip();
    }
  }

  /**
   * The sessions of the merged runs, decoded on a thread of their own and handed over in batches of
   * bounded size, a bounded number of batches ahead; a failure there is thrown again here, when the
   * reader reaches it.
   */
  private final class ReadAhead implements Iterator<SessionCheck> {
    private static final long BATCH_BYTES = 1 << 20;
    private static final int BATCH_SESSIONS = 256;

    private final BatchesAhead<List<SessionCheck>> batches;
    private Iterator<SessionCheck> current = Collections.emptyIterator();
    private boolean last;

    ReadAhead(Iterator<SessionCheck> merged) {
      batches = new BatchesAhead<>("ftpseq-report-read-ahead", 4, out -> decode(merged, out));
      readers.add(batches);
    }

    private static void decode(
        Iterator<SessionCheck> merged, BatchesAhead.Out<List<SessionCheck>> out)
        throws InterruptedException {
      List<SessionCheck> batch = new ArrayList<>();
      long bytes = 0;
      while (merged.hasNext()) {
        SessionCheck session = merged.next();
        batch.add(session);
        bytes += estimate(session);
        if (batch.size() >= BATCH_SESSIONS || bytes >= BATCH_BYTES) {
          out.put(batch);
          batch = new ArrayList<>();
          bytes = 0;
        }
      }
      out.put(batch);
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && !last) {
        List<SessionCheck> batch = batches.take();
        if (batch == null) {
          last = true;
        } else {
          current = batch.iterator();
        }
      }
      return current.hasNext();
    }

    @Override
    public SessionCheck next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }

  /** What the session costs in memory ({@link SessionFootprint}), to keep the budget. */
  static long estimate(SessionCheck session) {
    return SessionFootprint.of(session);
  }

  private ObjectMapper codec() {
    if (codec == null) {
      codec = codec(profiles);
    }
    return codec;
  }

  /**
   * The codec of spilled sessions: Smile, Jackson's binary JSON (a field name that repeats within a
   * session, as a finding's do, is written once, and nothing is escaped or parsed as text); records
   * by their fields; a server profile by its name, looked up among those of the run; a command as
   * reports show it, so no argument as sent ({@link Command#sentArgument}), which may repeat a
   * password, is written to disk.
   */
  private static ObjectMapper codec(Map<String, ServerProfile> profiles) {
    SimpleModule module = new SimpleModule();
    module.addSerializer(
        ServerProfile.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(ServerProfile value, JsonGenerator out, SerializerProvider p)
              throws IOException {
            out.writeString(value.name());
          }
        });
    module.addDeserializer(
        ServerProfile.class,
        new JsonDeserializer<>() {
          @Override
          public ServerProfile deserialize(JsonParser in, DeserializationContext context)
              throws IOException {
            return profiles.get(in.getValueAsString());
          }
        });
    module.addSerializer(
        Command.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Command value, JsonGenerator out, SerializerProvider p)
              throws IOException {
            out.writeStartObject();
            out.writeStringField("verb", value.verb().name());
            out.writeStringField("word", value.word());
            out.writeStringField("argument", value.argument());
            out.writeEndObject();
          }
        });
    module.addDeserializer(
        Command.class,
        new JsonDeserializer<>() {
          @Override
          public Command deserialize(JsonParser in, DeserializationContext context)
              throws IOException {
            JsonNode node = in.readValueAsTree();
            return new Command(
                Verb.valueOf(node.get("verb").asText()),
                node.get("word").asText(),
                node.get("argument").asText());
          }
        });
    // a phrase's arguments are strings, numbers and phrases: read back as the JSON they were
    // written as, a phrase among them would be a map
    module.addDeserializer(
        Phrase.class,
        new JsonDeserializer<>() {
          @Override
          public Phrase deserialize(JsonParser in, DeserializationContext context)
              throws IOException {
            return phrase(in.readValueAsTree());
          }
        });
    return new ObjectMapper(new SmileFactory())
        .registerModule(module)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
  }

  private static Phrase phrase(JsonNode node) {
    List<Object> args = new ArrayList<>();
    for (JsonNode arg : node.get("args")) {
      args.add(arg.isObject() ? phrase(arg) : arg.isNumber() ? arg.numberValue() : arg.asText());
    }
    return new Phrase(node.get("key").asText(), args);
  }
}
