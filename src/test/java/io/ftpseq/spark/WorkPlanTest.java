package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkPlanTest {

  private static InputGroup group(String name, long size) {
    return InputGroup.of(new InputFile("file:/" + name, name, size));
  }

  @Test
  void groupsAreDealtLargestFirstToTheLightestTask() {
    List<InputGroup> groups = new ArrayList<>();
    for (long size : new long[] {70, 10, 60, 20, 50, 30, 40}) {
      groups.add(group("g" + size, size));
    }
    List<WorkPlan.Task> tasks = WorkPlan.deal(groups, 3);
    assertThat(tasks).extracting(WorkPlan.Task::size).containsExactly(100L, 90L, 90L);
    assertThat(tasks.get(0).groups())
        .extracting(InputGroup::name)
        .containsExactly("g70", "g20", "g10");
    assertThat(tasks.stream().mapToInt(t -> t.groups().size()).sum()).isEqualTo(7);
  }

  @Test
  void neverMoreTasksThanGroups() {
    assertThat(WorkPlan.deal(List.of(group("a", 1), group("b", 2)), 100)).hasSize(2);
    assertThat(WorkPlan.deal(List.of(), 4)).isEmpty();
  }

  @Test
  void atLeastOneTaskIsAllowed() {
    assertThatThrownBy(() -> WorkPlan.deal(List.of(), 0))
        .hasMessage("maxTasks must be at least 1, not 0");
  }
}
