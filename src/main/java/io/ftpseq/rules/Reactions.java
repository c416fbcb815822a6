package io.ftpseq.rules;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A profile's reactions, unmodifiable: sorted by key as profiles are written and shown, and looked
 * up with one array read, as a model looks up several for every command it checks.
 */
@SuppressWarnings("JdkObsolete") // ServerProfile.reactions() is a SortedMap, as profiles give it
final class Reactions extends AbstractMap<SituationKey, Reaction>
    implements SortedMap<SituationKey, Reaction> {

  private final SortedMap<SituationKey, Reaction> sorted;
  private final Reaction[] byKey = new Reaction[SituationKey.count()];
  private final Prediction[] predictions = new Prediction[SituationKey.count()];

  /** Copies the reactions. */
  Reactions(SortedMap<SituationKey, Reaction> reactions) {
    TreeMap<SituationKey, Reaction> copy = new TreeMap<>(); // in the keys' order, whatever given
    copy.putAll(reactions);
    sorted = Collections.unmodifiableSortedMap(copy);
    sorted.forEach(
        (key, reaction) -> {
          byKey[key.index()] = reaction;
          predictions[key.index()] = Prediction.of(key, reaction);
        });
  }

  @Override
  public Reaction get(Object key) {
    return key instanceof SituationKey situationKey ? byKey[situationKey.index()] : null;
  }

  /**
   * The prediction of the reaction under the key, or null: made once, as a model predicts every
   * command it checks from one of these.
   */
  Prediction prediction(SituationKey key) {
    return predictions[key.index()];
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return sorted.size();
  }

  @Override
  public Set<Entry<SituationKey, Reaction>> entrySet() {
    return sorted.entrySet();
  }

  @Override
  public Set<SituationKey> keySet() {
    return sorted.keySet();
  }

  @Override
  public Collection<Reaction> values() {
    return sorted.values();
  }

  @Override
  public Comparator<? super SituationKey> comparator() {
    return sorted.comparator();
  }

  @Override
  public SortedMap<SituationKey, Reaction> subMap(SituationKey from, SituationKey to) {
    return sorted.subMap(from, to);
  }

  @Override
  public SortedMap<SituationKey, Reaction> headMap(SituationKey to) {
    return sorted.headMap(to);
  }

  @Override
  public SortedMap<SituationKey, Reaction> tailMap(SituationKey from) {
    return sorted.tailMap(from);
  }

  @Override
  public SituationKey firstKey() {
    return sorted.firstKey();
  }

  @Override
  public SituationKey lastKey() {
    return sorted.lastKey();
  }
}
