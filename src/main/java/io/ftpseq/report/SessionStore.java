package io.ftpseq.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SessionCheck;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The sessions of a run, in input order, in bounded memory: sessions are added as they end, in any
 * order, under a key that gives their place (the input's index and the session's start order), and
 * are read back in key order as often as reports need. Past a memory budget they are written to a
 * temporary file and read back from it, so a run of millions of sessions holds an index of 24 bytes
 * per session, not the sessions.
 */
public final class SessionStore implements Iterable<SessionCheck>, Closeable {

  /** The memory budget by default: enough for tens of thousands of ordinary sessions. */
  public static final long DEFAULT_BUDGET = 32L << 20;

  private final long budget;
  private final ObjectMapper codec;
  private final Map<String, ServerProfile> profiles = new HashMap<>();
  private final Map<Long, SessionCheck> held = new HashMap<>();
  private long heldBytes;
  private long[] keys = new long[1024];
  private long[] offsets = new long[1024];
  private int[] lengths = new int[1024];
  private int size;
  private boolean sorted = true;
  private RandomAccessFile spillIn;
  private Path spill;
  private OutputStream spillOut;
  private long spillLength;
  private final CheckRun.Totals totals = new CheckRun.Totals();

  /** A store with the default memory budget. */
  public SessionStore() {
    this(DEFAULT_BUDGET);
  }

  /** A store that keeps at most about {@code budget} bytes of sessions in memory. */
  public SessionStore(long budget) {
    this.budget = budget;
    this.codec = codec(profiles);
  }

  /** The key of a session: the index of its input, and its start order within the input. */
  public static long key(int input, long order) {
    return ((long) input << 40) | order;
  }

  /** Adds a session that ended; the key gives its place. */
  public void add(long key, SessionCheck session) {
    totals.add(session);
    profiles.putIfAbsent(session.profile().name(), session.profile());
    grow();
    sorted = sorted && (size == 0 || keys[size - 1] < key);
    keys[size] = key;
    offsets[size] = -1;
    size++;
    held.put(key, session);
    heldBytes += estimate(session);
    if (heldBytes > budget) {
      spillHeld();
    }
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

  @Override
  public Iterator<SessionCheck> iterator() {
    flush();
    sortByKey();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public SessionCheck next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int at = next++;
        SessionCheck session = held.get(keys[at]);
        return session != null ? session : read(offsets[at], lengths[at]);
      }
    };
  }

  /**
   * Puts the index in key order, once after sessions were added out of order: on primitive arrays,
   * so a run of millions of sessions sorts its index without boxing a number per session.
   */
  private void sortByKey() {
    if (sorted) {
      return;
    }
    long[] sortedKeys = Arrays.copyOf(keys, size);
    Arrays.sort(sortedKeys);
    long[] placedOffsets = new long[keys.length];
    int[] placedLengths = new int[keys.length];
    for (int i = 0; i < size; i++) {
      int at = Arrays.binarySearch(sortedKeys, keys[i]);
      placedOffsets[at] = offsets[i];
      placedLengths[at] = lengths[i];
    }
    keys = Arrays.copyOf(sortedKeys, keys.length);
    offsets = placedOffsets;
    lengths = placedLengths;
    sorted = true;
  }

  @Override
  public void close() throws IOException {
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

  private void grow() {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
    }
  }

  /** Writes every session held in memory to the spill file, and forgets them. */
  private void spillHeld() {
    try {
      if (spill == null) {
        spill = Files.createTempFile("ftpseq-sessions-", ".jsonl");
        spill.toFile().deleteOnExit();
        spillOut = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
      }
      for (int i = size - 1; i >= 0 && !held.isEmpty(); i--) {
        SessionCheck session = held.remove(keys[i]);
        if (session != null) {
          byte[] record = codec.writeValueAsBytes(session);
          offsets[i] = spillLength;
          lengths[i] = record.length;
          spillOut.write(record);
          spillOut.write('\n');
          spillLength += record.length + 1;
        }
      }
      heldBytes = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the temporary session file " + spill, e);
    }
  }

  private void flush() {
    try {
      if (spillOut != null) {
        spillOut.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SessionCheck read(long offset, int length) {
    try {
      if (spillIn == null) {
        spillIn = new RandomAccessFile(spill.toFile(), "r");
      }
      byte[] record = new byte[length];
      spillIn.seek(offset);
      spillIn.readFully(record);
      return codec.readValue(record, SessionCheck.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the temporary session file " + spill, e);
    }
  }

  /** A rough size in memory, enough to keep the budget. */
  private static long estimate(SessionCheck session) {
    return 600
        + 500L * session.findings().size()
        + 300L * (session.problems().size() + session.notes().size())
        + 800L * session.steps().size();
  }

  /**
   * The codec of spilled sessions: records by their fields; a server profile by its name, looked up
   * among those of the run.
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
    return new ObjectMapper()
        .registerModule(module)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
  }
}
