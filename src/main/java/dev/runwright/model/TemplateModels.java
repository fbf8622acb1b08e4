package dev.runwright.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every name a template may use, read from the model records themselves with a one-line help each
 * from {@code names.properties} beside this class; {@code runwright templates model} prints it and
 * a test keeps the help and the records in step.
 */
public final class TemplateModels {
  private TemplateModels() {}

  /**
   * One family of templates and the record its templates see.
   *
   * @param templates which templates, in words
   * @param root the record whose components are the top-level names
   */
  public record Family(String templates, Class<? extends Record> root) {}

  /** One name: its path ({@code aws.account}) and what it is. */
  public record Name(String path, String help) {}

  /** The families, with the site's given by the caller (they live in the site package). */
  public static List<Family> families(List<Family> more) {
    List<Family> out = new ArrayList<>();
    out.add(
        new Family(
            "a pack's documents (policy-json, json, runbook-markdown, terraform, cloudformation,"
                + " ssm-automation, code)",
            DocumentModel.class));
    out.add(new Family("page-html (common/page.html.ftlh)", PageDocument.class));
    out.addAll(more);
    return out;
  }

  /** Every name of a record, depth first, with its help ({@code ?} when it has none). */
  public static List<Name> names(Class<? extends Record> root) {
    List<Name> out = new ArrayList<>();
    walk(root, "", out, new ArrayList<>());
    return out;
  }

  private static void walk(Class<?> type, String prefix, List<Name> out, List<Class<?>> seen) {
    if (seen.contains(type)) {
      return;
    }
    seen.add(type);
    for (RecordComponent c : type.getRecordComponents()) {
      String path = prefix + c.getName();
      out.add(new Name(path, help(type, c.getName())));
      Class<?> inner = element(c.getGenericType());
      if (inner != null && inner.isRecord()) {
        boolean many = c.getType() != inner;
        walk(inner, path + (many ? "[]." : "."), out, seen);
      }
    }
    seen.remove(type);
  }

  /** The record a component holds directly, in a list, or as a map's values. */
  private static Class<?> element(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      Type last = args[args.length - 1];
      Class<?> inner = element(last);
      return inner;
    }
    return null;
  }

  private static final Properties HELP = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = TemplateModels.class.getResourceAsStream("names.properties")) {
      if (in != null) {
        p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The help of a record's component, keyed {@code SimpleName.component}. */
  public static String help(Class<?> record, String component) {
    return HELP.getProperty(key(record) + "." + component, "?");
  }

  /** Every key of the help file, for the test that keeps it true. */
  public static Map<String, String> allHelp() {
    Map<String, String> out = new LinkedHashMap<>();
    HELP.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, HELP.getProperty(k)));
    return out;
  }

  /** {@code Outer.Inner} for a nested record, {@code Name} for a top-level one. */
  public static String key(Class<?> record) {
    Class<?> outer = record.getEnclosingClass();
    return outer == null ? record.getSimpleName() : key(outer) + "." + record.getSimpleName();
  }
}
