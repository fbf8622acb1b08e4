package dev.runwright.site;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.NamedResource;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import dev.runwright.pack.ParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the site index's and the wiki home page's entries from what each pack declares ({@code
 * index:} on its parameters): no parameter is known here by name.
 */
final class IndexEntries {
  private IndexEntries() {}

  static IndexEntry entry(
      Runbook rb,
      String title,
      String href,
      Redactor redactor,
      List<IndexEntry.StepLink> steps,
      List<IndexEntry.FormFile> files) {
    AwsContext aws = rb.params().aws();
    Map<String, Object> v = rb.params().values();
    String account = aws == null ? "" : redactor.text(aws.account());
    String region = aws == null ? "" : aws.region().code();
    List<IndexEntry.Field> fields = new ArrayList<>();
    StringBuilder search = new StringBuilder(256);
    String summary = null;
    append(search, rb.id(), title, account, region);
    if (aws != null) {
      append(search, aws.region().name(), aws.partition().id());
    }
    append(search, rb.head().id());
    for (IndexEntry.FormFile f : files) {
      append(search, f.label().equalsIgnoreCase(f.form()) ? "" : f.form(), f.label(), f.name());
    }
    for (Map.Entry<String, ParameterSpec> e : indexed(rb).entrySet()) {
      ParameterSpec.Index ix = e.getValue().index();
      Object value = v.get(e.getKey());
      if (value == null || (value instanceof List<?> l && l.isEmpty())) {
        continue;
      }
      if (ix.summary() && summary == null) {
        summary = redactor.text(value.toString());
      } else if (ix.show()) {
        fields.add(new IndexEntry.Field(ix.label(), redactor.text(shown(value, ix.label()))));
      }
      if (ix.filter()) {
        append(search, searchable(value, redactor));
      }
    }
    return new IndexEntry(
        rb.id(),
        title,
        href,
        aws == null ? "" : aws.account(),
        account,
        region,
        aws == null ? "" : aws.region().name(),
        aws == null ? "" : aws.partition().id(),
        rb.head().id(),
        summary,
        fields,
        search.toString().strip().toLowerCase(Locale.ROOT),
        steps,
        files);
  }

  /**
   * The overview's documents that apply the whole procedure in one form ({@code form:} in the
   * manifest: Terraform, CloudFormation, SSM Automation, or a pack's own), by where {@code layout}
   * puts them; the index and the wiki's sidebar list them.
   */
  static Map<String, DocumentSpec> formDocuments(Runbook rb, Layout layout) {
    Map<String, DocumentSpec> out = new HashMap<>();
    for (DocumentSpec d : rb.overview()) {
      String path = d.form() == null ? null : layout.place(rb, Layout.OVERVIEW, d);
      if (path != null) {
        out.put(path, d);
      }
    }
    return out;
  }

  /** The parameters the runbook's packs show in the index, in the order they declare them. */
  private static Map<String, ParameterSpec> indexed(Runbook rb) {
    Map<String, ParameterSpec> out = new LinkedHashMap<>();
    List<PackManifest> packs = new ArrayList<>();
    packs.add(rb.head());
    rb.steps().forEach(s -> packs.add(s.pack()));
    for (PackManifest m : packs) {
      for (ParameterSpec p : m.parameters().values()) {
        if (p.index() != null) {
          out.putIfAbsent(p.name(), p);
        }
      }
    }
    if (rb.head().index().isEmpty()) {
      return out;
    }
    Map<String, ParameterSpec> chosen = new LinkedHashMap<>();
    for (String name : rb.head().index()) {
      if (out.containsKey(name)) {
        chosen.put(name, out.get(name));
      }
    }
    // Values the packs index but the procedure does not show are still found by the filter.
    out.forEach(
        (name, p) -> {
          if (!chosen.containsKey(name)) {
            ParameterSpec.Index ix = p.index();
            chosen.put(
                name,
                p.withIndex(new ParameterSpec.Index(ix.label(), false, ix.filter(), ix.summary())));
          }
        });
    return chosen;
  }

  /** A value as an entry shows it: a list by its count ("1 key", "2 keys"). */
  private static String shown(Object value, String label) {
    if (value instanceof List<?> list) {
      String noun = label.toLowerCase(Locale.ROOT);
      if (list.size() == 1 && noun.endsWith("s")) {
        noun = noun.substring(0, noun.length() - 1);
      }
      return list.size() + " " + noun;
    }
    return value.toString();
  }

  /** A value as the filter box matches it: resources by name and ARN, keys by ID and ARN. */
  private static String searchable(Object value, Redactor redactor) {
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder();
      for (Object o : list) {
        sb.append(searchable(o, redactor)).append(' ');
      }
      return sb.toString().strip();
    }
    if (value instanceof KmsKey k) {
      return k.keyId() + " " + redactor.text(k.arn());
    }
    if (value instanceof NamedResource r && r.arn() != null) {
      return redactor.text(r.name() + " " + r.arn());
    }
    return redactor.text(value.toString());
  }

  private static void append(StringBuilder sb, String... parts) {
    for (String p : parts) {
      if (p != null && !p.isEmpty()) {
        sb.append(p).append(' ');
      }
    }
  }

  /**
   * The index grouped by account, then Region, both in order. The index is sorted by account,
   * Region and id, so each group is a run of it, kept as a view ({@code subList}): an index read
   * from disk ({@link IndexStore}) stays there.
   */
  static List<IndexModel.AccountGroup> groups(List<IndexEntry> index) {
    List<IndexModel.AccountGroup> out = new ArrayList<>();
    int n = index.size();
    int i = 0;
    while (i < n) {
      int start = i;
      IndexEntry first = index.get(i++);
      IndexEntry head = first;
      int from = start;
      List<IndexModel.RegionGroup> rs = new ArrayList<>();
      while (true) {
        IndexEntry next = i < n ? index.get(i) : null;
        boolean sameAccount = next != null && next.accountKey().equals(first.accountKey());
        if (sameAccount && next.region().equals(head.region())) {
          i++;
          continue;
        }
        rs.add(
            new IndexModel.RegionGroup(
                head.region(), head.regionName(), head.partition(), index.subList(from, i)));
        if (!sameAccount) {
          break;
        }
        head = next;
        from = i++;
      }
      out.add(new IndexModel.AccountGroup(first.account(), rs, i - start));
    }
    return out;
  }
}
