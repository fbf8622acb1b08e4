package dev.runwright.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The KMS actions, their access levels and resource types, from {@code kms-actions.tsv}. */
public final class KmsActions {
  private KmsActions() {}

  /**
   * One KMS action.
   *
   * @param name its name without the {@code kms:} prefix, in AWS's capitalisation
   * @param accessLevel such as {@code Write}
   * @param resourceTypes {@code key}, {@code alias}, or empty when it takes no resource
   */
  public record Action(String name, String accessLevel, Set<String> resourceTypes) {}

  private static final Map<String, Action> BY_LOWER_NAME = load();

  private static Map<String, Action> load() {
    Map<String, Action> out = new LinkedHashMap<>();
    try (InputStream in = KmsActions.class.getResourceAsStream("kms-actions.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        Set<String> types = f[2].equals("*") ? Set.of() : Set.of(f[2].split(","));
        out.put(f[0].toLowerCase(Locale.ROOT), new Action(f[0], f[1], types));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The action called {@code name} (IAM action names are not case-sensitive). */
  public static Optional<Action> find(String name) {
    return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every action name, in AWS's capitalisation. */
  public static List<String> names() {
    return BY_LOWER_NAME.values().stream().map(Action::name).toList();
  }

  /** The actions whose names match an IAM wildcard pattern such as {@code Generate*}. */
  public static List<Action> matching(String pattern) {
    String regex =
        pattern.toLowerCase(Locale.ROOT).replace(".", "\\.").replace("*", ".*").replace("?", ".");
    return BY_LOWER_NAME.entrySet().stream()
        .filter(e -> e.getKey().matches(regex))
        .map(Map.Entry::getValue)
        .toList();
  }
}
