package dev.runwright;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.hostile.Partitions;
import dev.runwright.hostile.Rendering;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every S3, KMS and Lambda policy the whole procedure writes grants exactly what the entry names
 * and nothing outside it: each (action, resource) pair of every statement is one the entry's
 * buckets, prefixes, keys, functions, engine and access call for, and each of those pairs is
 * granted; listing is granted on bucket ARNs only (limited by {@code s3:prefix} to the prefixes
 * given), object actions on object ARNs only, no {@code *} in an ARN's account or Region, no {@code
 * s3:*}, no other element.
 */
class PolicyScopeProperties {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> MYSQL_LOAD = List.of("s3:GetObject", "s3:GetObjectVersion");
  private static final List<String> MYSQL_SAVE =
      List.of(
          "s3:GetObject",
          "s3:PutObject",
          "s3:AbortMultipartUpload",
          "s3:ListMultipartUploadParts",
          "s3:DeleteObject");

  /** One S3 location: what is typed, and the bucket and prefix it names. */
  record Location(String input, String bucket, String prefix) {}

  /** One Lambda function: what is typed, and the ARN it names in the entry's account. */
  record Function(String input, String name, String qualifier, String region, String account) {}

  /** One key: what is typed, and its key ID, Region and account. */
  record Key(String input, String id, String region, String account) {}

  /** One entry of the whole procedure. */
  record Entry(
      String account,
      String region,
      boolean postgres,
      List<String> access,
      List<Location> buckets,
      List<Key> keys,
      List<Function> functions) {

    String partition() {
      return Partitions.partitionOf(region);
    }

    Map<String, Node> flags() {
      Map<String, Node> f = new LinkedHashMap<>();
      f.put("account", scalar(account, "--account"));
      f.put("region", scalar(region, "--region"));
      f.put("engine", scalar(postgres ? "aurora-postgresql" : "aurora-mysql", "--engine"));
      f.put("clusterId", scalar("db-1", "--cluster-id"));
      f.put("access", list(access, "--access"));
      if (!buckets.isEmpty()) {
        f.put("buckets", list(buckets.stream().map(Location::input).toList(), "--bucket"));
      }
      if (!keys.isEmpty()) {
        f.put("keys", list(keys.stream().map(Key::input).toList(), "--key"));
      }
      if (!functions.isEmpty()) {
        f.put(
            "lambdaFunctions",
            list(functions.stream().map(Function::input).toList(), "--lambda-function"));
      }
      return f;
    }

    String bucketArn(Location l) {
      return "arn:" + partition() + ":s3:::" + l.bucket();
    }

    String objectsArn(Location l) {
      return bucketArn(l) + "/" + l.prefix() + "*";
    }

    String keyArn(Key k) {
      return "arn:" + partition() + ":kms:" + k.region() + ":" + k.account() + ":key/" + k.id();
    }

    String functionArn(Function fn) {
      return "arn:"
          + partition()
          + ":lambda:"
          + fn.region()
          + ":"
          + fn.account()
          + ":function:"
          + fn.name()
          + (fn.qualifier().isEmpty() ? "" : ":" + fn.qualifier());
    }
  }

  private static Node scalar(String v, String flag) {
    return new Node.Scalar(v, Node.Style.QUOTED, Position.flag(flag));
  }

  private static Node list(List<String> vs, String flag) {
    List<Node> items = new ArrayList<>();
    vs.forEach(v -> items.add(scalar(v, flag)));
    return new Node.Sequence(items, Position.flag(flag));
  }

  // ---------------------------------------------------------------------------------------------

  @Property(tries = 400)
  void everyPolicyGrantsExactlyTheEntrysResources(@ForAll("entries") Entry e) {
    Rendering.Outcome o = Rendering.renderWithoutPages(e.flags());
    assertNull(o.failure(), () -> "a valid entry renders: " + e + "\n" + o.failure());
    Map<String, Set<String>> expected = expectedPairs(e);
    Set<String> files = new TreeSet<>();
    o.files().keySet().stream()
        // the SSM Automation form's own role policies (automation-*.json) grant no data access
        .filter(p -> p.endsWith(".json") && !p.startsWith("role/") && !p.contains("automation"))
        .forEach(files::add);
    assertEquals(expected.keySet(), files, "the policies written for " + e);
    for (String file : files) {
      Set<String> granted = grantedPairs(e, file, o.files().get(file));
      assertEquals(expected.get(file), granted, file + " for " + e);
    }
  }

  /** What each policy file must grant, as "action resource" pairs. */
  static Map<String, Set<String>> expectedPairs(Entry e) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    boolean load = e.access().contains("load");
    boolean save = e.access().contains("save");
    List<String> keyArns = e.keys().stream().map(e::keyArn).toList();
    if (!e.buckets().isEmpty() && !e.postgres()) {
      Set<String> objectActions = new LinkedHashSet<>();
      if (load) {
        objectActions.addAll(MYSQL_LOAD);
      }
      if (save) {
        objectActions.addAll(MYSQL_SAVE);
      }
      out.put("s3/policy.json", s3Pairs(e, true, objectActions, List.of(), List.of()));
    }
    if (!e.buckets().isEmpty() && e.postgres() && load) {
      out.put(
          "s3/import-policy.json",
          s3Pairs(e, true, List.of("s3:GetObject"), List.of("kms:Decrypt"), keyArns));
    }
    if (!e.buckets().isEmpty() && e.postgres() && save) {
      out.put(
          "s3/export-policy.json",
          s3Pairs(
              e,
              false,
              List.of("s3:PutObject", "s3:AbortMultipartUpload"),
              List.of("kms:GenerateDataKey", "kms:Decrypt"),
              keyArns));
    }
    if (!e.keys().isEmpty() && !e.postgres()) {
      List<String> actions =
          save ? List.of("kms:Decrypt", "kms:GenerateDataKey") : List.of("kms:Decrypt");
      out.put("kms/policy.json", pairs(actions, keyArns));
    }
    if (!e.functions().isEmpty()) {
      out.put(
          "lambda/policy.json",
          pairs(
              List.of("lambda:InvokeFunction"),
              e.functions().stream().map(e::functionArn).toList()));
    }
    return out;
  }

  private static Set<String> s3Pairs(
      Entry e,
      boolean list,
      java.util.Collection<String> objectActions,
      List<String> kmsActions,
      List<String> keyArns) {
    Set<String> out = new TreeSet<>();
    for (Location l : e.buckets()) {
      if (list) {
        out.add("s3:ListBucket " + e.bucketArn(l));
      }
      objectActions.forEach(a -> out.add(a + " " + e.objectsArn(l)));
    }
    out.addAll(pairs(kmsActions, keyArns));
    return out;
  }

  private static Set<String> pairs(List<String> actions, List<String> resources) {
    Set<String> out = new TreeSet<>();
    for (String a : actions) {
      resources.forEach(r -> out.add(a + " " + r));
    }
    return out;
  }

  /**
   * The pairs a policy grants, checking on the way that it holds nothing but Allow statements of
   * Action and Resource, with no wildcard but an object ARN's trailing one, and a condition only
   * where listing is limited to the prefixes of that bucket.
   */
  static Set<String> grantedPairs(Entry e, String file, String text) {
    JsonNode policy;
    try {
      policy = JSON.readTree(text);
    } catch (IOException ex) {
      throw new AssertionError(file + " is not JSON: " + ex.getMessage(), ex);
    }
    assertEquals("2012-10-17", policy.path("Version").asText(), file);
    Set<String> out = new TreeSet<>();
    for (JsonNode st : policy.path("Statement")) {
      Set<String> fields = new TreeSet<>();
      st.fieldNames().forEachRemaining(fields::add);
      fields.removeAll(Set.of("Effect", "Action", "Resource", "Condition"));
      assertEquals(Set.of(), fields, file + ": elements of a statement");
      assertEquals("Allow", st.path("Effect").asText(), file);
      List<String> actions = texts(st.path("Action"));
      List<String> resources = texts(st.path("Resource"));
      for (String a : actions) {
        assertFalse(a.contains("*"), () -> file + ": a wildcard action " + a);
      }
      for (String r : resources) {
        String[] parts = r.split(":", 6);
        assertEquals(6, parts.length, () -> file + ": not an ARN: " + r);
        assertEquals(e.partition(), parts[1], () -> file + ": partition of " + r);
        assertFalse(parts[3].contains("*"), () -> file + ": a wildcard Region in " + r);
        assertFalse(parts[4].contains("*"), () -> file + ": a wildcard account in " + r);
        boolean object = parts[2].equals("s3") && parts[5].contains("/");
        assertTrue(
            !r.contains("*") || (object && r.indexOf('*') == r.length() - 1),
            () -> file + ": a wildcard that is not an object ARN's trailing one: " + r);
        for (String a : actions) {
          if (a.equals("s3:ListBucket")) {
            assertFalse(object, () -> file + ": listing granted on objects: " + r);
          } else if (a.startsWith("s3:")) {
            assertTrue(object, () -> file + ": an object action on a bucket: " + a + " " + r);
          }
          out.add(a + " " + r);
        }
      }
      checkCondition(e, file, st, actions, resources);
    }
    return out;
  }

  /** Only listing has a condition: s3:prefix, exactly the prefixes given for that bucket. */
  private static void checkCondition(
      Entry e, String file, JsonNode st, List<String> actions, List<String> resources) {
    JsonNode condition = st.get("Condition");
    if (!actions.equals(List.of("s3:ListBucket"))) {
      assertNull(condition, () -> file + ": a condition on " + actions);
      return;
    }
    assertEquals(1, resources.size(), file + ": one bucket per listing statement");
    String bucket = resources.get(0).substring(resources.get(0).lastIndexOf(':') + 1);
    List<Location> mine = e.buckets().stream().filter(l -> l.bucket().equals(bucket)).toList();
    if (mine.stream().anyMatch(l -> l.prefix().isEmpty())) {
      assertNull(condition, () -> file + ": the whole bucket " + bucket + " is listed");
      return;
    }
    assertNotNull(condition, () -> file + ": listing " + bucket + " is limited to its prefixes");
    Set<String> names = new TreeSet<>();
    condition.fieldNames().forEachRemaining(names::add);
    assertEquals(Set.of("StringLike"), names, file);
    JsonNode like = condition.get("StringLike");
    Set<String> keys = new TreeSet<>();
    like.fieldNames().forEachRemaining(keys::add);
    assertEquals(Set.of("s3:prefix"), keys, file);
    Set<String> want = new TreeSet<>();
    mine.forEach(l -> want.add(l.prefix() + "*"));
    assertEquals(want, new TreeSet<>(texts(like.get("s3:prefix"))), file + " for " + bucket);
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
    } else {
      n.forEach(x -> out.add(x.asText()));
    }
    return out;
  }

  // --- Generators -------------------------------------------------------------------------------

  private static final List<String> REGIONS =
      List.of(
          "us-east-1",
          "eu-west-1",
          "ap-southeast-7",
          "cn-north-1",
          "cn-northwest-1",
          "us-gov-west-1",
          "us-gov-east-1");

  @Provide
  Arbitrary<Entry> entries() {
    Arbitrary<String> account = Arbitraries.strings().numeric().ofLength(12);
    Arbitrary<List<String>> access =
        Arbitraries.of(List.of("load"), List.of("save"), List.of("load", "save"));
    return Combinators.combine(
            account,
            Arbitraries.of(REGIONS),
            Arbitraries.of(false, true),
            access,
            account.list().ofMinSize(1).ofMaxSize(2),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3))
        .flatAs(
            (acct, region, pg, acc, others, nLocs, nKeys, nFns) ->
                Combinators.combine(
                        locations(Partitions.partitionOf(region))
                            .list()
                            .ofSize(nLocs)
                            .uniqueElements(l -> l.bucket() + "/" + l.prefix()),
                        keys(acct, region, others)
                            .list()
                            .ofSize(nKeys)
                            .uniqueElements(k -> k.account() + "/" + k.id()),
                        functions(acct, region, others)
                            .list()
                            .ofSize(nFns)
                            .uniqueElements(
                                f -> f.account() + "/" + f.name() + ":" + f.qualifier()))
                    .as((ls, ks, fs) -> new Entry(acct, region, pg, acc, ls, ks, fs)))
        .filter(e -> !e.buckets().isEmpty() || !e.functions().isEmpty() || !e.keys().isEmpty())
        .filter(e -> !e.postgres() || !e.buckets().isEmpty() || !e.functions().isEmpty());
  }

  /** A bucket and prefix, typed as s3://BUCKET[/PREFIX] or as a bucket ARN. */
  static Arbitrary<Location> locations(String partition) {
    Arbitrary<String> bucket =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12),
                Arbitraries.of("", "-data", ".logs", "2"))
            .as((a, b) -> a + b);
    Arbitrary<String> segment =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("AZ09 _-.=+,'\"\\!()&$@%~é\u00ff")
            .ofMinLength(1)
            .ofMaxLength(8)
            .filter(s -> !s.equals(".") && !s.equals(".."));
    Arbitrary<String> prefix =
        Combinators.combine(segment.list().ofMaxSize(3), Arbitraries.of(true, false))
            .as(
                (segs, folder) ->
                    segs.isEmpty() ? "" : String.join("/", segs) + (folder ? "/" : ""));
    return Combinators.combine(bucket, prefix, Arbitraries.of(false, true))
        .as(
            (b, p, arn) ->
                arn && p.isEmpty()
                    ? new Location("arn:" + partition + ":s3:::" + b, b, "")
                    : new Location("s3://" + b + (p.isEmpty() ? "" : "/" + p), b, p));
  }

  /** A key ID, a multi-Region key ID, or a key ARN of the entry's or another account. */
  static Arbitrary<Key> keys(String account, String region, List<String> others) {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
    Arbitrary<String> id =
        Combinators.combine(hex, Arbitraries.of(true, false))
            .as(
                (h, mrk) ->
                    mrk
                        ? "mrk-" + h
                        : h.substring(0, 8)
                            + "-"
                            + h.substring(8, 12)
                            + "-"
                            + h.substring(12, 16)
                            + "-"
                            + h.substring(16, 20)
                            + "-"
                            + h.substring(20));
    String partition = Partitions.partitionOf(region);
    List<String> accounts = new ArrayList<>(others);
    accounts.add(account);
    return Combinators.combine(id, Arbitraries.of(accounts), Arbitraries.of(false, true))
        .as(
            (i, acct, asArn) ->
                asArn || !acct.equals(account)
                    ? new Key(
                        "arn:" + partition + ":kms:" + region + ":" + acct + ":key/" + i,
                        i,
                        region,
                        acct)
                    : new Key(i, i, region, account));
  }

  /** A function name, or a function ARN of any account, with or without a qualifier. */
  static Arbitrary<Function> functions(String account, String region, List<String> others) {
    Arbitrary<String> name =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withChars("0123456789-_")
            .ofMinLength(1)
            .ofMaxLength(20);
    String partition = Partitions.partitionOf(region);
    List<String> accounts = new ArrayList<>(others);
    accounts.add(account);
    return Combinators.combine(
            name, Arbitraries.of("", "", "prod", "$LATEST", "7"), Arbitraries.of(accounts))
        .as(
            (n, q, acct) ->
                q.isEmpty() && acct.equals(account) && n.length() % 2 == 0
                    ? new Function(n, n, "", region, account)
                    : new Function(
                        "arn:"
                            + partition
                            + ":lambda:"
                            + region
                            + ":"
                            + acct
                            + ":function:"
                            + n
                            + (q.isEmpty() ? "" : ":" + q),
                        n,
                        q,
                        region,
                        acct));
  }
}
