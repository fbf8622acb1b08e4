package dev.runwright.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One service of AWS's service reference: its actions, resource ARN formats and condition keys.
 * Immutable and thread-safe.
 */
public final class Service {

  /**
   * One action.
   *
   * @param name its name without the prefix, in AWS's capitalisation
   * @param accessLevel such as {@code Write}, or {@code Permissions management, Write}
   * @param conditionKeys the condition keys AWS lists for it
   * @param resourceTypes the resource formats it acts on (empty: it takes no resource), when known;
   *     the service data does not record them, so only {@code action-resources.tsv}'s are
   */
  public record Action(
      String name,
      String accessLevel,
      List<String> conditionKeys,
      Optional<Set<String>> resourceTypes) {}

  private final String prefix;
  private final Map<String, Action> byLowerName;
  private final List<ArnFormat> formats;
  private final Map<String, String> conditionKeys;

  Service(String prefix, List<Action> actions, List<ArnFormat> formats, Map<String, String> keys) {
    this.prefix = prefix;
    Map<String, Action> byLower = new LinkedHashMap<>();
    actions.forEach(a -> byLower.put(a.name().toLowerCase(Locale.ROOT), a));
    this.byLowerName = Collections.unmodifiableMap(byLower);
    this.formats = List.copyOf(formats);
    this.conditionKeys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  /** The service prefix, such as {@code s3}. */
  public String prefix() {
    return prefix;
  }

  /** The action called {@code name} (IAM action names are not case-sensitive). */
  public Optional<Action> action(String name) {
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every action, in AWS's order. */
  public List<Action> actions() {
    return List.copyOf(byLowerName.values());
  }

  /** Every action name, in AWS's capitalisation. */
  public List<String> actionNames() {
    return byLowerName.values().stream().map(Action::name).toList();
  }

  /** The actions whose names match an IAM wildcard pattern such as {@code Generate*}. */
  public List<Action> matching(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    Pattern p = Pattern.compile(regex.toString());
    return byLowerName.entrySet().stream()
        .filter(e -> p.matcher(e.getKey()).matches())
        .map(Map.Entry::getValue)
        .toList();
  }

  /** The resource ARN formats, by resource type name as in the data. */
  public List<ArnFormat> formats() {
    return formats;
  }

  /** The service's condition keys and their types, such as {@code kms:ViaService=String}. */
  public Map<String, String> conditionKeys() {
    return conditionKeys;
  }

  @Override
  public String toString() {
    return prefix;
  }
}
