package dev.runwright.site;

import dev.runwright.io.SpillFile;
import java.io.Closeable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The site index's entries, one per runbook, kept in a {@link SpillFile} while the runbooks render:
 * only each entry's sort key and offset stay in memory. {@link #sorted} gives them back in the
 * index's order (account, Region, id) as a list that reads each entry from disk when it is asked
 * for, so the index page and the home pages are written without holding every entry. Thread-safe
 * for {@link #put} from the rendering threads.
 */
final class IndexStore implements Closeable {
  private final SpillFile file;
  private final Key[] keys;

  /** Where an entry is, and what it sorts by. */
  private record Key(String accountKey, String region, String id, long at) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::accountKey).thenComparing(Key::region).thenComparing(Key::id);

  /** A store for {@code size} entries, numbered from 0. */
  IndexStore(int size) {
    this.file = SpillFile.create();
    this.keys = new Key[size];
  }

  /** Stores the entry of runbook number {@code i}. */
  void put(int i, IndexEntry e) {
    keys[i] = new Key(e.accountKey(), e.region(), e.id(), file.append(encode(e)));
  }

  /**
   * Every stored entry, by account, then Region, then id: a list that reads an entry each time one
   * is asked for. Valid until {@link #close}.
   */
  List<IndexEntry> sorted() {
    Key[] present = Arrays.stream(keys).filter(k -> k != null).sorted(ORDER).toArray(Key[]::new);
    long[] at = new long[present.length];
    for (int i = 0; i < at.length; i++) {
      at[i] = present[i].at();
    }
    return new Entries(file, at);
  }

  @Override
  public void close() {
    file.close();
  }

  /** Entries read on demand; a view, as {@code subList} of it is. */
  private static final class Entries extends AbstractList<IndexEntry> implements RandomAccess {
    private final SpillFile file;
    private final long[] at;

    Entries(SpillFile file, long[] at) {
      this.file = file;
      this.at = at;
    }

    @Override
    public IndexEntry get(int i) {
      return decode(file.read(at[i]));
    }

    @Override
    public int size() {
      return at.length;
    }
  }

  /** An entry as the fields of one record: its strings, then each list as a count and items. */
  static List<String> encode(IndexEntry e) {
    List<String> f =
        new ArrayList<>(16 + 2 * (e.fields().size() + e.steps().size()) + 4 * e.files().size());
    f.addAll(
        Arrays.asList(
            e.id(),
            e.title(),
            e.href(),
            e.accountKey(),
            e.account(),
            e.region(),
            e.regionName(),
            e.partition(),
            e.pack(),
            e.summary(),
            e.search()));
    f.add(Integer.toString(e.fields().size()));
    for (IndexEntry.Field x : e.fields()) {
      f.add(x.label());
      f.add(x.value());
    }
    f.add(Integer.toString(e.steps().size()));
    for (IndexEntry.StepLink s : e.steps()) {
      f.add(s.title());
      f.add(s.href());
    }
    f.add(Integer.toString(e.files().size()));
    for (IndexEntry.FormFile x : e.files()) {
      f.add(x.form());
      f.add(x.label());
      f.add(x.name());
      f.add(x.href());
    }
    return f;
  }

  /** The entry {@link #encode} stored. */
  static IndexEntry decode(List<String> f) {
    int i = 11;
    int nFields = Integer.parseInt(f.get(i++));
    List<IndexEntry.Field> fields = new ArrayList<>(nFields);
    for (int k = 0; k < nFields; k++, i += 2) {
      fields.add(new IndexEntry.Field(f.get(i), f.get(i + 1)));
    }
    int nSteps = Integer.parseInt(f.get(i++));
    List<IndexEntry.StepLink> steps = new ArrayList<>(nSteps);
    for (int k = 0; k < nSteps; k++, i += 2) {
      steps.add(new IndexEntry.StepLink(f.get(i), f.get(i + 1)));
    }
    int nFiles = Integer.parseInt(f.get(i++));
    List<IndexEntry.FormFile> files = new ArrayList<>(nFiles);
    for (int k = 0; k < nFiles; k++, i += 4) {
      files.add(new IndexEntry.FormFile(f.get(i), f.get(i + 1), f.get(i + 2), f.get(i + 3)));
    }
    return new IndexEntry(
        f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7), f.get(8),
        f.get(9), fields, f.get(10), steps, files);
  }
}
