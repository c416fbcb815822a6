package io.ftpseq.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * How groups are dealt to Spark tasks. A group is never split, so the largest group bounds the
 * job's time; to keep cores busy, groups are dealt largest first, each to the task with the least
 * work so far (longest-processing-time scheduling), and tasks are ordered largest first so the
 * longest start first.
 */
public final class WorkPlan {

  /**
   * The groups one task checks.
   *
   * @param groups the groups, largest first
   */
  public record Task(List<InputGroup> groups) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the groups. */
    public Task {
      groups = List.copyOf(groups);
    }

    /** The bytes the task reads. */
    public long size() {
      return groups.stream().mapToLong(InputGroup::size).sum();
    }
  }

  private WorkPlan() {}

  /**
   * Deals the groups to at most {@code maxTasks} tasks, never more tasks than groups.
   *
   * @throws IllegalArgumentException if {@code maxTasks} is less than 1
   */
  public static List<Task> deal(List<InputGroup> groups, int maxTasks) {
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be at least 1, not " + maxTasks);
    }
    List<InputGroup> largestFirst = new ArrayList<>(groups);
    largestFirst.sort(
        Comparator.comparingLong(InputGroup::size).reversed().thenComparing(InputGroup::name));
    int count = Math.min(maxTasks, largestFirst.size());
    List<List<InputGroup>> bins = new ArrayList<>();
    PriorityQueue<long[]> lightest =
        new PriorityQueue<>(
            Comparator.<long[]>comparingLong(b -> b[0]).thenComparingLong(b -> b[1]));
    for (int i = 0; i < count; i++) {
      bins.add(new ArrayList<>());
      lightest.add(new long[] {0, i});
    }
    for (InputGroup group : largestFirst) {
      long[] bin = lightest.remove();
      bins.get((int) bin[1]).add(group);
      bin[0] += group.size();
      lightest.add(bin);
    }
    List<Task> tasks = new ArrayList<>(bins.stream().map(Task::new).toList());
    tasks.sort(Comparator.comparingLong(Task::size).reversed());
    return tasks;
  }
}
