package dev.runwright.config;

import dev.runwright.io.SpillFile;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of an inventory as they were read, one at a time: each stored as bytes (in memory for
 * a small inventory, in a temporary file past {@link #IN_MEMORY} entries), and made a {@link
 * RunbookInput}, merged over the defaults, each time one is asked for. So an inventory of 100,000
 * runbooks is never held whole, however often its entries are read.
 *
 * <p>What can be wrong with an entry on its own (not a mapping, a {@code templates} of its own, an
 * id or pack that is not a single value) is found as it is read, in {@link #add}.
 */
final class InventoryEntries extends AbstractList<RunbookInput> implements NodeBuilder.Items {
  /** How many entries wait in memory before they all go to a temporary file. */
  static final int IN_MEMORY = 1000;

  private final String source;
  private final Diagnostics d = new Diagnostics();
  private final List<Diagnostic> notMappings = new ArrayList<>();
  private List<byte[]> memory = new ArrayList<>();
  private SpillFile spill;
  private long[] offsets;
  private int size;
  private Map<String, Node.Field> defaults = new LinkedHashMap<>();

  InventoryEntries(String source) {
    this.source = source;
  }

  @Override
  public void item(int index, Node item) {
    String label = "runbooks[" + index + "]";
    if (!(item instanceof Node.Mapping em)) {
      notMappings.add(
          Diagnostic.error(
              item.pos(), label, "is " + item.kind() + "; expected a mapping of settings"));
      return;
    }
    if (em.fields().containsKey("templates")) {
      d.error(
          em.fields().get("templates").keyPos(),
          label,
          "templates is set once, at the top of the inventory, not per entry");
    }
    ConfigLoader.text(em.fields().get("id"), "id", d);
    ConfigLoader.text(em.fields().get("pack"), "pack", d);
    store(NodeCodec.encode(index, em));
  }

  private synchronized void store(byte[] bytes) {
    if (spill == null && memory.size() == IN_MEMORY) {
      spill = SpillFile.create();
      offsets = new long[IN_MEMORY * 2];
      for (int i = 0; i < memory.size(); i++) {
        offsets[i] = spill.appendBytes(memory.get(i));
      }
      memory = null;
    }
    if (spill == null) {
      memory.add(bytes);
    } else {
      if (size == offsets.length) {
        offsets = java.util.Arrays.copyOf(offsets, size * 2);
      }
      offsets[size] = spill.appendBytes(bytes);
    }
    size++;
  }

  /** Problems of single entries found while reading, in the order they were found. */
  Diagnostics problems() {
    return d;
  }

  /** Entries that are not mappings. */
  List<Diagnostic> notMappings() {
    return notMappings;
  }

  /** The inventory's defaults, which every entry is merged over; set once the file is read. */
  void defaults(Map<String, Node.Field> defaults) {
    this.defaults = new LinkedHashMap<>(defaults);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public RunbookInput get(int i) {
    java.util.Objects.checkIndex(i, size);
    byte[] bytes;
    synchronized (this) {
      bytes = spill == null ? memory.get(i) : null;
    }
    if (bytes == null) {
      bytes = spill.readBytes(offsets[i]);
    }
    Node.Mapping em = (Node.Mapping) NodeCodec.decode(bytes, source);
    Map<String, Node.Field> merged = new LinkedHashMap<>(defaults);
    merged.putAll(em.fields());
    String label = "runbooks[" + NodeCodec.header(bytes) + "]";
    // Problems of the entry's id and pack were reported when it was read.
    RunbookInput in =
        ConfigLoader.single(new Node.Mapping(merged, em.pos()), label, new Diagnostics());
    if (in.id() != null) {
      label = label + " (" + in.id() + ")";
    }
    return new RunbookInput(
        label, in.id(), in.idAt(), in.pack(), in.packAt(), in.fields(), in.at());
  }
}
