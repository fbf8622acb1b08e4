package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IndexStoreTest {

  private static IndexEntry entry(String id, String account, String region) {
    return new IndexEntry(
        id,
        "Title of " + id + " — “quoted” ✓",
        id + "/index.html",
        account,
        account.isEmpty() ? "" : "********" + account.substring(Math.max(0, account.length() - 4)),
        region,
        region.isEmpty() ? "" : "Name of " + region,
        region.startsWith("cn-") ? "aws-cn" : "aws",
        "aurora-access",
        id.endsWith("1") ? null : "summary of " + id,
        List.of(new IndexEntry.Field("Cluster", "c-" + id), new IndexEntry.Field("Keys", "2 keys")),
        ("search " + id).toLowerCase(),
        List.of(new IndexEntry.StepLink("Step one", id + "/s3/index.html")),
        List.of(new IndexEntry.FormFile("terraform", "Terraform", "procedure.tf", id + "/p.tf")));
  }

  @Test
  void anEntryReadsBackEqual() {
    IndexEntry e = entry("rb-1", "111122223333", "us-east-1");
    assertEquals(e, IndexStore.decode(IndexStore.encode(e)));
    IndexEntry bare =
        new IndexEntry(
            "x", "t", "x", "", "", "", "", "", "p", null, List.of(), "", List.of(), List.of());
    assertEquals(bare, IndexStore.decode(IndexStore.encode(bare)));
  }

  @Test
  void entriesComeBackByAccountRegionAndIdWhateverOrderTheyWerePutIn() throws Exception {
    List<IndexEntry> given = new ArrayList<>();
    String[] accounts = {"444455556666", "", "111122223333", "012345678901"};
    String[] regions = {"us-west-2", "eu-west-1", "", "cn-north-1"};
    for (int i = 0; i < 200; i++) {
      given.add(entry("rb-" + (997 * i % 200), accounts[i % 4], regions[(i / 4) % 4]));
    }
    try (IndexStore store = new IndexStore(given.size())) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (int i = 0; i < given.size(); i++) {
        int n = i;
        pool.execute(() -> store.put(n, given.get(n)));
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

      List<IndexEntry> expected = new ArrayList<>(given);
      expected.sort(
          Comparator.comparing(IndexEntry::accountKey)
              .thenComparing(IndexEntry::region)
              .thenComparing(IndexEntry::id));
      List<IndexEntry> sorted = store.sorted();
      assertEquals(expected, sorted);
      assertEquals(expected.subList(10, 20), sorted.subList(10, 20));
    }
  }

  @Test
  void groupsAreTheRunsOfTheSortedIndex() {
    List<IndexEntry> index =
        List.of(
            entry("a", "", ""),
            entry("b", "111122223333", "eu-west-1"),
            entry("c", "111122223333", "eu-west-1"),
            entry("d", "111122223333", "us-east-1"),
            entry("e", "222233334444", "us-east-1"));
    List<IndexModel.AccountGroup> groups = IndexEntries.groups(index);
    assertEquals(List.of(1, 3, 1), groups.stream().map(IndexModel.AccountGroup::count).toList());
    assertEquals(
        List.of("eu-west-1", "us-east-1"),
        groups.get(1).regions().stream().map(IndexModel.RegionGroup::region).toList());
    assertEquals(
        List.of("b", "c"),
        groups.get(1).regions().get(0).entries().stream().map(IndexEntry::id).toList());
    assertEquals(
        List.of("e"),
        groups.get(2).regions().get(0).entries().stream().map(IndexEntry::id).toList());
    assertEquals("********3333", groups.get(1).account());
    assertEquals(List.of(), IndexEntries.groups(List.of()));
  }
}
