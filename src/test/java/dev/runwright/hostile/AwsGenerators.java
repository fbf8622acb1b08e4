package dev.runwright.hostile;

import static dev.runwright.hostile.Partitions.BOTOCORE_PARTITIONS;
import static dev.runwright.hostile.Partitions.partitionOf;
import static dev.runwright.hostile.Rendering.KEY;

import dev.runwright.aws.Region;
import dev.runwright.hostile.AwsCase.Case;
import dev.runwright.hostile.AwsCase.KeyCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The generators of section b: valid and invalid accounts, Regions and keys. */
final class AwsGenerators {
  private AwsGenerators() {}

  static Arbitrary<AwsCase> awsCases() {
    Arbitrary<Case> account =
        Arbitraries.frequencyOf(
            Tuple.of(3, validAccount().map(a -> new Case(a, true))),
            Tuple.of(1, invalidAccount().map(a -> new Case(a, false))));
    Arbitrary<Case> region =
        Arbitraries.frequencyOf(
            Tuple.of(3, listedRegion().map(r -> new Case(r, true))),
            Tuple.of(1, unknownRegion().map(r -> new Case(r, true))),
            Tuple.of(1, malformedRegion().map(r -> new Case(r, false))));
    return Combinators.combine(account, region, keySpec().list().ofMinSize(1).ofMaxSize(3))
        .as(
            (a, r, specs) -> {
              // Unique by text and by the ARN each names: see theSameKeyTwiceIsRefused.
              Map<String, KeyCase> keys = new LinkedHashMap<>();
              for (KeySpec k : specs) {
                KeyCase kc = k.in(r);
                keys.putIfAbsent(identity(kc.text(), a.text(), r.text()), kc);
              }
              return new AwsCase(a, r, List.copyOf(keys.values()));
            });
  }

  private static String identity(String key, String account, String region) {
    return key.startsWith("arn:") ? key : "arn:?:kms:" + region + ":" + account + ":key/" + key;
  }

  static Arbitrary<String> validAccount() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofLength(12),
        Arbitraries.strings()
            .withChars('0')
            .ofMinLength(1)
            .ofMaxLength(11)
            .flatMap(
                z ->
                    Arbitraries.strings()
                        .numeric()
                        .ofLength(12 - z.length())
                        .map(rest -> z + rest)),
        Arbitraries.of("000000000000", "012345678901", "999999999999"));
  }

  static Arbitrary<String> invalidAccount() {
    Arbitrary<String> twelve = Arbitraries.strings().numeric().ofLength(12);
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofLength(11),
        Arbitraries.strings().numeric().ofLength(13),
        Arbitraries.strings().numeric().ofMaxLength(10),
        Combinators.combine(
                twelve,
                Arbitraries.integers().between(0, 11),
                Arbitraries.chars().with('a', 'Z', 'x', ' ', '-', '.', 'O', 'l', '١', '１'))
            .as((d, at, ch) -> d.substring(0, at) + ch + d.substring(at + 1)),
        twelve.map(d -> d.substring(0, 4) + "-" + d.substring(4, 8) + "-" + d.substring(8)),
        twelve.map(d -> d.substring(0, 4) + " " + d.substring(4, 8) + " " + d.substring(8)),
        twelve.map(d -> " " + d),
        twelve.map(d -> d + "\n"),
        twelve.map(d -> "+" + d.substring(1)),
        Arbitraries.of(
            "",
            "١١١١٢٢٢٢٣٣٣٣",
            "１１１１２２２２３３３３",
            "1.1112222333e",
            "abcdefghijkl",
            "arn:aws:iam::111122223333:root"));
  }

  static Arbitrary<String> listedRegion() {
    List<String> codes = new ArrayList<>();
    Region.listed().forEach(r -> codes.add(r.code()));
    return Arbitraries.of(codes);
  }

  private static final Set<String> LISTED = listedCodes();

  private static Set<String> listedCodes() {
    Set<String> s = new LinkedHashSet<>();
    Region.listed().forEach(r -> s.add(r.code()));
    return s;
  }

  /** Well-formed Region codes Runwright does not list yet: accepted, with a warning. */
  static Arbitrary<String> unknownRegion() {
    Arbitrary<String> prefix =
        Arbitraries.of(
            "us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx", "cn", "us-gov", "us-iso",
            "us-isob", "eu-isoe", "us-isof", "eusc-de");
    Arbitrary<String> word =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9);
    Arbitrary<Integer> number = Arbitraries.integers().between(1, 99);
    return Combinators.combine(prefix, word, number)
        .as((p, w, n) -> p + "-" + w + "-" + n)
        .filter(r -> !LISTED.contains(r));
  }

  /**
   * Codes that are no Region, among them well-formed codes with an upper-case letter or an
   * underscore inside (us-East-1, us-east_x-1), which key ARNs would carry and no key matches.
   */
  static Arbitrary<String> malformedRegion() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            " ",
            "us-east1",
            "useast-1",
            "us-east-",
            "-east-1",
            "us--1",
            "US-EAST-1",
            "US-East-1",
            "us-east-1 ",
            " us-east-1",
            "us-east-1\n",
            "us-east-1a",
            "us-east-1a-1",
            "mars-north-1",
            "global",
            "aws-global",
            "us-east-١",
            "us-east-1.",
            "us.east.1",
            "us_east_1",
            "arn:aws:kms:us-east-1",
            "*",
            "us-east-*",
            "cn-north",
            "us-gov-west"),
        listedRegion().map(r -> r.replace("-", "")),
        listedRegion().map(r -> r.toUpperCase(Locale.ROOT)),
        listedRegion().map(r -> r + "x"),
        listedRegion()
            .map(
                r ->
                    r.substring(0, 3)
                        + r.substring(3, 4).toUpperCase(Locale.ROOT)
                        + r.substring(4)),
        listedRegion().map(r -> r.replaceFirst("-([a-z0-9]+)-(\\d+)$", "-$1_x-$2")),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("-0123456789 ._E")
            .ofMaxLength(16)
            .filter(r -> !wellFormedRegion(r)));
  }

  /** Listed, or of a partition's pattern. */
  static boolean wellFormedRegion(String r) {
    if (LISTED.contains(r)) {
      return true;
    }
    for (String[] p : BOTOCORE_PARTITIONS) {
      if (r.matches(p[1])) {
        return true;
      }
    }
    return false;
  }

  static Arbitrary<String> keyId() {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
    return hex.map(
        h ->
            h.substring(0, 8)
                + "-"
                + h.substring(8, 12)
                + "-"
                + h.substring(12, 16)
                + "-"
                + h.substring(16, 20)
                + "-"
                + h.substring(20));
  }

  static Arbitrary<String> mrkId() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(32).map(h -> "mrk-" + h);
  }

  static Arbitrary<String> anyKeyId() {
    return Arbitraries.oneOf(keyId(), mrkId(), Arbitraries.just(KEY));
  }

  /** Listed Regions by partition. */
  private static final Map<String, List<String>> LISTED_BY_PARTITION = listedByPartition();

  private static Map<String, List<String>> listedByPartition() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    Region.listed()
        .forEach(r -> m.computeIfAbsent(r.partition().id(), k -> new ArrayList<>()).add(r.code()));
    return m;
  }

  enum KeyKind {
    ID,
    ARN,
    OTHER_PARTITION_ARN,
    INVALID
  }

  /**
   * A key before the Region is known: a key ID, a key ARN in the Region's partition (in the Region
   * itself or another listed one of the partition, picked by {@code pick}), a key ARN of another
   * partition, or an invalid text.
   */
  record KeySpec(KeyKind kind, String id, String account, int pick, String invalid) {

    KeyCase in(Case region) {
      String partition = region.valid() ? partitionOf(region.text()) : "aws";
      return switch (kind) {
        case ID -> new KeyCase(id, true, false);
        case ARN -> {
          List<String> regions = new ArrayList<>(LISTED_BY_PARTITION.get(partition));
          if (region.valid()) {
            regions.add(region.text());
          }
          String r = regions.get(pick % regions.size());
          yield new KeyCase(arn(partition, r), true, false);
        }
        case OTHER_PARTITION_ARN -> {
          List<String> others = new ArrayList<>();
          LISTED_BY_PARTITION.forEach(
              (p, rs) -> {
                if (!p.equals(partition)) {
                  others.addAll(rs);
                }
              });
          String r = others.get(pick % others.size());
          yield new KeyCase(arn(partitionOf(r), r), false, true);
        }
        case INVALID -> new KeyCase(invalid, false, false);
      };
    }

    private String arn(String partition, String region) {
      return "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + id;
    }
  }

  /** Valid forms of a key, and the ways a key can be wrong. */
  static Arbitrary<KeySpec> keySpec() {
    Arbitrary<String> invalid =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                " ",
                "alias/payments",
                "alias/aws/rds",
                "*",
                "?",
                "key/*",
                "arn:aws:kms:us-east-1:111122223333:alias/payments",
                "arn:aws:kms:us-east-1:111122223333:key/*",
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-*",
                "arn:aws:kms:us-east-1:111122223333:key/",
                "arn:aws:kms:us-east-1:11112222333:key/" + KEY,
                "arn:aws:kms:us-east1:111122223333:key/" + KEY,
                "arn:aws:kms:cn-north-1:111122223333:key/" + KEY,
                "arn:aws:kms::111122223333:key/" + KEY,
                "arn:aws:kms:us-east-1::key/" + KEY,
                "arn:aws:s3:::bucket",
                "arn:aws:iam::111122223333:role/x",
                "arn:aws-xx:kms:us-east-1:111122223333:key/" + KEY,
                "arn:AWS:kms:us-east-1:111122223333:key/" + KEY,
                "arn:aws:kms:us-east-1:111122223333:key/" + KEY.toUpperCase(Locale.ROOT),
                "arn:aws:kms:us-east-1:111122223333",
                "mrk-1234",
                "mrk-",
                "MRK-1234abcd12ab34cd56ef1234567890ab",
                KEY.substring(1),
                KEY + "0",
                KEY.replace("-", ""),
                " " + KEY,
                KEY + " ",
                "{" + KEY + "}",
                "key/" + KEY),
            keyId().map(k -> k.toUpperCase(Locale.ROOT)).filter(k -> !k.equals(k.toLowerCase())),
            mrkId()
                .map(k -> "mrk-" + k.substring(4).toUpperCase(Locale.ROOT))
                .filter(k -> !k.equals(k.toLowerCase())),
            mrkId().map(k -> k.substring(0, k.length() - 1)),
            keyId().map(k -> k.replaceFirst("[0-9a-f]", "g")));
    Arbitrary<KeyKind> kind =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(KeyKind.ID)),
            Tuple.of(2, Arbitraries.just(KeyKind.ARN)),
            Tuple.of(1, Arbitraries.just(KeyKind.OTHER_PARTITION_ARN)),
            Tuple.of(2, Arbitraries.just(KeyKind.INVALID)));
    return Combinators.combine(
            kind,
            anyKeyId(),
            Arbitraries.oneOf(validAccount(), Arbitraries.just("111122223333")),
            Arbitraries.integers().between(0, 1000),
            invalid)
        .as(KeySpec::new);
  }
}
