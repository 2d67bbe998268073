package io.sigmatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Attacks the quota promise of {@link ProportionalOrder}: every prefix, every group. */
class ProportionalOrderTest {

  @Property
  void everyPrefixHoldsEachGroupWithinOneItemOfItsShare(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 80) Integer> sizes,
      @ForAll @IntRange(min = 0, max = 39) int first) {
    Assume.that(first < sizes.size());
    List<List<Item>> groups = groups(sizes);
    List<Item> order = ProportionalOrder.interleave(groups, first);

    long total = sizes.stream().mapToLong(Integer::longValue).sum();
    assertEquals(total, order.size());
    assertEquals(new Item(first, 0), order.get(0));
    int[] count = new int[sizes.size()];
    for (int n = 1; n <= order.size(); n++) {
      Item item = order.get(n - 1);
      assertEquals(count[item.group()], item.rank(), "a group's items keep their order");
      count[item.group()]++;
      for (int g = 0; g < sizes.size(); g++) {
        long share = n * (long) sizes.get(g);
        long floor = share / total;
        long ceil = (share + total - 1) / total;
        assertTrue(count[g] >= floor && count[g] <= ceil,
            "after " + n + " of " + total + " items, group " + g + " of " + sizes.get(g) + " has " + count[g]);
      }
    }
  }

  @Test
  void aSmallGroupPlacedFirstStillLeavesTheLargeOneOnTime() {
    List<List<Item>> groups = groups(List.of(4, 2));
    assertEquals(
        List.of(new Item(1, 0), new Item(0, 0), new Item(0, 1), new Item(0, 2), new Item(0, 3), new Item(1, 1)),
        ProportionalOrder.interleave(groups, 1));
  }

  @Test
  void equalGroupsAlternate() {
    List<Item> order = ProportionalOrder.interleave(groups(List.of(3, 3)), 0);
    Map<Integer, Integer> seen = new HashMap<>();
    for (int n = 0; n < order.size(); n++) {
      seen.merge(order.get(n).group(), 1, Integer::sum);
      assertTrue(Math.abs(seen.getOrDefault(0, 0) - seen.getOrDefault(1, 0)) <= 1, "after " + (n + 1) + ": " + order);
    }
  }

  private static List<List<Item>> groups(List<Integer> sizes) {
    List<List<Item>> groups = new ArrayList<>();
    for (int g = 0; g < sizes.size(); g++) {
      List<Item> group = new ArrayList<>();
      for (int k = 0; k < sizes.get(g); k++) {
        group.add(new Item(g, k));
      }
      groups.add(group);
    }
    return groups;
  }

  private record Item(int group, int rank) {}
}
