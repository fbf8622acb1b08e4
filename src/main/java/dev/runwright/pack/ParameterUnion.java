package dev.runwright.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of several packs taken together, and the check that they agree. */
public final class ParameterUnion {
  private ParameterUnion() {}

  /**
   * The parameters of a chain of packs: every pack's parameters, the first declaration of a name
   * winning (the head pack decides defaults).
   *
   * @throws PackException when two packs declare one name with different types
   */
  public static Map<String, ParameterSpec> of(List<PackManifest> chain) {
    Map<String, ParameterSpec> all = new LinkedHashMap<>();
    for (PackManifest m : chain) {
      for (ParameterSpec p : m.parameters().values()) {
        ParameterSpec first = all.putIfAbsent(p.name(), p);
        if (first != null
            && first.flag() != null
            && p.flag() != null
            && !first.flag().name().equals(p.flag().name())) {
          throw new PackException(
              p.declaredAt()
                  + ": error: parameter "
                  + p.name()
                  + " has the flag "
                  + p.flag().name()
                  + " here but "
                  + first.flag().name()
                  + " at "
                  + first.declaredAt());
        }
        if (first != null && first.flag() == null && p.flag() != null) {
          all.put(p.name(), first.withFlag(p.flag()));
        }
        String differs = first == null ? null : differs(first, p);
        if (differs != null && first.type() == p.type() && first.list() == p.list()) {
          throw new PackException(
              p.declaredAt()
                  + ": error: parameter "
                  + p.name()
                  + " has another "
                  + differs
                  + " here than at "
                  + first.declaredAt()
                  + "; a parameter several packs share must have the same rules in each");
        }
        if (first != null && (first.type() != p.type() || first.list() != p.list())) {
          throw new PackException(
              p.declaredAt()
                  + ": error: parameter "
                  + p.name()
                  + " is declared as "
                  + p.type().id()
                  + (p.list() ? " list" : "")
                  + " here but as "
                  + first.type().id()
                  + (first.list() ? " list" : "")
                  + " at "
                  + first.declaredAt());
        }
      }
    }
    return all;
  }

  /** Which rule two declarations of one parameter disagree on, or {@code null}. */
  private static String differs(ParameterSpec a, ParameterSpec b) {
    if (!a.values().equals(b.values())) {
      return "list of values";
    }
    if (!java.util.Objects.equals(
        a.pattern() == null ? null : a.pattern().pattern(),
        b.pattern() == null ? null : b.pattern().pattern())) {
      return "pattern";
    }
    if (!java.util.Objects.equals(a.min(), b.min())
        || !java.util.Objects.equals(a.max(), b.max())) {
      return "range";
    }
    if (a.minItems() != b.minItems() || !java.util.Objects.equals(a.maxItems(), b.maxItems())) {
      return "number of items";
    }
    if (!java.util.Objects.equals(a.defaultJson(), b.defaultJson())) {
      return "default";
    }
    return null;
  }
}
