package dev.runwright.io;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A large set of relative paths kept as two 64-bit hashes each (16 bytes a path, where a set of
 * strings takes about 100), sorted, for the "did we publish this before?" questions of a build of
 * hundreds of thousands of files. Two different paths taken for one would need both hashes to
 * collide. Can be walked only when made from a file it can read again ({@link #forEach}).
 */
public final class PathSet {
  private final long[] a;
  private final long[] b;
  private final Consumer<Consumer<String>> source;

  private PathSet(long[] a, long[] b, Consumer<Consumer<String>> source) {
    this.a = a;
    this.b = b;
    this.source = source;
  }

  /** The empty set. */
  public static final PathSet EMPTY = new PathSet(new long[0], new long[0], each -> {});

  /** Collects paths. */
  public static final class Builder {
    private long[] pairs = new long[64];
    private int size;

    public Builder add(String path) {
      if (2 * size == pairs.length) {
        pairs = Arrays.copyOf(pairs, pairs.length * 2);
      }
      pairs[2 * size] = fnv(path);
      pairs[2 * size + 1] = polynomial(path);
      size++;
      return this;
    }

    /** The set; {@code source} walks its paths again, or is {@code null} when it cannot. */
    public PathSet build(Consumer<Consumer<String>> source) {
      sort(pairs, 0, size - 1);
      long[] a = new long[size];
      long[] b = new long[size];
      int n = 0;
      for (int i = 0; i < size; i++) {
        long x = pairs[2 * i];
        long y = pairs[2 * i + 1];
        if (n == 0 || a[n - 1] != x || b[n - 1] != y) {
          a[n] = x;
          b[n] = y;
          n++;
        }
      }
      pairs = null;
      return new PathSet(Arrays.copyOf(a, n), Arrays.copyOf(b, n), source);
    }

    /** Sorts the pairs {@code lo..hi} of {@code p} in place (quicksort, middle pivot). */
    private static void sort(long[] p, int lo, int hi) {
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        long px = p[2 * mid];
        long py = p[2 * mid + 1];
        int i = lo;
        int j = hi;
        while (i <= j) {
          while (compare(p[2 * i], p[2 * i + 1], px, py) < 0) {
            i++;
          }
          while (compare(p[2 * j], p[2 * j + 1], px, py) > 0) {
            j--;
          }
          if (i <= j) {
            long x = p[2 * i];
            long y = p[2 * i + 1];
            p[2 * i] = p[2 * j];
            p[2 * i + 1] = p[2 * j + 1];
            p[2 * j] = x;
            p[2 * j + 1] = y;
            i++;
            j--;
          }
        }
        if (j - lo < hi - i) { // the smaller side first, so the stack stays shallow
          sort(p, lo, j);
          lo = i;
        } else {
          sort(p, i, hi);
          hi = j;
        }
      }
    }
  }

  private static int compare(long x1, long y1, long x2, long y2) {
    int c = Long.compare(x1, x2);
    return c != 0 ? c : Long.compare(y1, y2);
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean contains(String path) {
    long x = fnv(path);
    long y = polynomial(path);
    int lo = 0;
    int hi = a.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(a[mid], b[mid], x, y);
      if (c == 0) {
        return true;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  public int size() {
    return a.length;
  }

  public boolean isEmpty() {
    return a.length == 0;
  }

  /**
   * Gives every path to {@code each}, read again from where the set was made.
   *
   * @throws UnsupportedOperationException for a set that was made without a source
   */
  public void forEach(Consumer<String> each) {
    if (source == null) {
      throw new UnsupportedOperationException("this set of paths cannot be walked");
    }
    source.accept(each);
  }

  /** A 64-bit FNV-1a hash of {@code s}'s characters, its bits mixed. */
  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** Another 64-bit hash of {@code s}, of another kind, so that the two collide independently. */
  private static long polynomial(String s) {
    long h = s.length();
    for (int i = 0; i < s.length(); i++) {
      h = h * 0x9e3779b97f4a7c15L + s.charAt(i) + 1;
    }
    return mix(h);
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
