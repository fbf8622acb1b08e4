package dev.runwright.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (2020-12) of Runwright's YAML input, one runbook or an inventory, with every
 * pack's parameters, so that editors (the YAML language server) complete and check it.
 */
public final class InputSchema {
  /** The schema's {@code $id}, by which Runwright knows a schema file it wrote. */
  public static final String ID = "https://runwright.dev/schema/runwright.schema.json";

  private InputSchema() {}

  /** The schema for the packs of {@code catalog}. */
  public static Map<String, Object> of(PackCatalog catalog) {
    List<String> ids = new ArrayList<>(catalog.ids());
    Map<String, ParameterSpec> all = new LinkedHashMap<>();
    List<Object> requiredByPack = new ArrayList<>();
    java.util.Set<String> formNames = new java.util.TreeSet<>();
    for (String id : ids) {
      Procedure procedure = catalog.procedure(id, dev.runwright.config.Position.flag("schema"));
      formNames.addAll(procedure.forms());
      Map<String, ParameterSpec> params = procedure.parameters();
      params.values().forEach(p -> all.putIfAbsent(p.name(), p));
      List<String> required =
          params.values().stream()
              .filter(ParameterSpec::required)
              .map(ParameterSpec::name)
              .toList();
      Map<String, Object> cond = new LinkedHashMap<>();
      if (id.equals(PackCatalog.DEFAULT_PACK)) {
        cond.put(
            "if",
            map(
                "anyOf",
                List.of(
                    map("not", map("required", List.of("pack"))),
                    map("properties", map("pack", map("const", id))))));
      } else {
        cond.put(
            "if", map("required", List.of("pack"), "properties", map("pack", map("const", id))));
      }
      List<String> allowed = new ArrayList<>(List.of("pack", "templates", "forms"));
      allowed.addAll(params.keySet());
      // Only this pack's parameters: another pack's are unknown fields, as validate says.
      cond.put("then", map("required", required, "propertyNames", map("enum", allowed)));
      requiredByPack.add(cond);
    }

    Map<String, Object> params = new LinkedHashMap<>();
    all.values().forEach(p -> params.put(p.name(), parameter(p)));
    Map<String, Object> pack =
        map(
            "type",
            "string",
            "enum",
            ids,
            "default",
            PackCatalog.DEFAULT_PACK,
            "description",
            "The pack (runbook kind); see: runwright packs.");
    Map<String, Object> templates =
        map(
            "description",
            "Template folders searched before the built-ins, relative to this file.",
            "anyOf",
            List.of(map("type", "string"), map("type", "array", "items", map("type", "string"))));

    List<String> formValues = new ArrayList<>(DocumentSpec.MARKDOWN_FORMS);
    formValues.addAll(formNames);
    formValues.add("none");
    Map<String, Object> forms =
        map(
            "description",
            "The ways of applying it the runbooks get beside the console and the CLI; all of them"
                + " when absent, none with [] or none.",
            "type",
            "array",
            "uniqueItems",
            true,
            "items",
            map("enum", formValues));

    Map<String, Object> runbookProps = new LinkedHashMap<>();
    runbookProps.put("pack", pack);
    runbookProps.put("templates", templates);
    runbookProps.put("forms", forms);
    runbookProps.putAll(params);
    Map<String, Object> runbook =
        map(
            "type",
            "object",
            "description",
            "One runbook: the parameters of its pack at the top level.",
            "properties",
            runbookProps,
            "additionalProperties",
            false,
            "allOf",
            requiredByPack);

    Map<String, Object> entryProps = new LinkedHashMap<>();
    entryProps.put(
        "id",
        map(
            "type", "string",
            "pattern", "^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$",
            "description",
                "A URL-safe slug; derived from account, Region and policy name when" + " absent."));
    entryProps.put("pack", pack);
    entryProps.put("forms", forms);
    entryProps.putAll(params);
    Map<String, Object> entry =
        map("type", "object", "properties", entryProps, "additionalProperties", false);
    Map<String, Object> defaultProps = new LinkedHashMap<>();
    defaultProps.put("pack", pack);
    defaultProps.put("forms", forms);
    defaultProps.putAll(params);
    Map<String, Object> defaults =
        map(
            "type",
            List.of("object", "null"),
            "description",
            "Merged into every entry; an entry's own value wins.",
            "properties",
            defaultProps,
            "additionalProperties",
            false);

    Map<String, Object> invProps = new LinkedHashMap<>();
    invProps.put("title", map("type", "string", "description", "The site title."));
    invProps.put(
        "baseUrl",
        map(
            "type", "string",
            "format", "uri",
            "pattern", "^https?://",
            "description", "The absolute URL the site is published at; enables sitemap.xml."));
    invProps.put(
        "editUrl",
        map(
            "type", "string",
            "format", "uri",
            "pattern", "^https?://",
            "description", "Where the inventory can be edited; every page links it."));
    invProps.put("templates", templates);
    invProps.put("defaults", map("$ref", "#/$defs/defaults"));
    invProps.put("runbooks", map("type", "array", "items", map("$ref", "#/$defs/entry")));
    Map<String, Object> inventory =
        map(
            "type",
            "object",
            "description",
            "An inventory of runbooks for runwright site and wiki.",
            "required",
            List.of("runbooks"),
            "properties",
            invProps,
            "additionalProperties",
            false);

    Map<String, Object> defs = new LinkedHashMap<>();
    defs.put("runbook", runbook);
    defs.put("inventory", inventory);
    defs.put("entry", entry);
    defs.put("defaults", defaults);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", ID);
    schema.put("title", "Runwright input");
    schema.put(
        "description",
        "A Runwright YAML file: one runbook (its parameters at the top level) or an inventory"
            + " (runbooks: with optional defaults:).");
    schema.put("oneOf", List.of(map("$ref", "#/$defs/inventory"), map("$ref", "#/$defs/runbook")));
    schema.put("$defs", defs);
    return schema;
  }

  private static Map<String, Object> parameter(ParameterSpec p) {
    Map<String, Object> one = new LinkedHashMap<>(p.type().schema());
    if (!p.values().isEmpty()) {
      one.put("enum", p.values());
    }
    if (p.pattern() != null) {
      one.put("pattern", "^(?:" + p.pattern().pattern() + ")$");
    }
    if (p.maxLength() != null) {
      one.put("maxLength", p.maxLength());
    }
    if (p.type().id().equals("integer")) {
      one.clear();
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("type", "integer");
      if (p.min() != null) {
        n.put("minimum", p.min());
      }
      if (p.max() != null) {
        n.put("maximum", p.max());
      }
      // A quoted number ("3") is accepted too; with a small range its texts are listed, so that
      // an editor flags "4" as it flags 4.
      Map<String, Object> text = map("type", "string", "pattern", "^-?[0-9]+$");
      if (p.min() != null && p.max() != null && (long) p.max() - p.min() < 32) {
        List<String> texts = new ArrayList<>();
        for (int i = p.min(); i <= p.max(); i++) {
          texts.add(Integer.toString(i));
        }
        text = map("type", "string", "enum", texts);
      }
      one.put("anyOf", List.of(n, text));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (p.help() != null) {
      out.put("description", p.help());
    }
    if (p.list()) {
      Map<String, Object> array = new LinkedHashMap<>();
      array.put("type", "array");
      array.put("items", one);
      if (p.minItems() > 0) {
        array.put("minItems", p.minItems());
      }
      if (p.maxItems() != null) {
        array.put("maxItems", p.maxItems());
      }
      out.put("anyOf", List.of(one, array));
    } else {
      out.putAll(one);
    }
    Object dflt = p.defaultJson();
    if (dflt != null) {
      out.put("default", dflt);
    }
    if (p.example() != null) {
      out.put("examples", List.of(p.example()));
    }
    return out;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
