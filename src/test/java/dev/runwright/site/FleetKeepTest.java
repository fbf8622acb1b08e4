package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.YamlReader;
import dev.runwright.core.Inputs;
import dev.runwright.core.Runbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large inventory's runbooks are not kept between checking and rendering but prepared again from
 * their entries ({@link Fleet#KEEP}). Built both ways, an inventory must give the same files byte
 * for byte, the same notes and warnings, and the same errors.
 */
class FleetKeepTest {
  @TempDir Path tmp;

  /**
   * Ids given and derived, accounts to mask, two runbooks sharing a policy name from the same
   * definition, a note (no cluster), an alias, and defaults written after the runbooks.
   */
  private static final String FLEET =
      """
      title: Kept or not
      runbooks:
        - id: orders
          account: "111122223333"
          region: us-east-1
          clusterId: orders
          keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          policyName: SharedKms
          roleName: OrdersRole
        - id: billing
          account: "111122223333"
          region: us-east-1
          clusterId: orders
          keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          policyName: SharedKms
          roleName: BillingRole
        - account: "444455556666"
          region: eu-west-1
          clusterId: &c analytics
          buckets: [s3://analytics-lake/exports/]
        - account: "012345678901"
          region: us-west-2
          engine: aurora-postgresql
          buckets: [s3://pg-imports/daily/]
          dbUser: analyst
          database: analytics
        - id: spare
          account: "777788889999"
          region: us-gov-west-1
          clusterId: *c
          keys: [2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901]
      defaults:
        auroraMysqlVersion: 3
        description: written after the runbooks
      """;

  private static final String BILLING_ROLE =
      "clusterId: orders\n    keys: [1234abcd-12ab-34cd-56ef-1234567890ab]\n    policyName:"
          + " SharedKms\n    roleName: BillingRole";

  @Test
  void aSiteBuiltFromEntriesAgainIsTheSameByteForByte() throws IOException {
    for (PublishTarget target :
        List.of(new StaticSiteTarget(), new WikiTarget(WikiTarget.Host.GITHUB))) {
      for (boolean redact : List.of(false, true)) {
        Built kept = build(FLEET, target, redact, Fleet.KEEP);
        Built again = build(FLEET, target, redact, 0);
        assertEquals(kept.files().keySet(), again.files().keySet());
        kept.files()
            .forEach((path, bytes) -> assertArrayEquals(bytes, again.files().get(path), path));
        assertEquals(kept.notes(), again.notes());
        assertEquals(kept.warnings(), again.warnings());
        assertTrue(
            kept.notes().stream().anyMatch(n -> n.contains("clusterId is not set")),
            kept.notes()::toString);
      }
    }
  }

  @Test
  void theRunbooksAreTheSameWithTheirIdsAndSharedNames() throws IOException {
    Path file = write(FLEET);
    List<Runbook> kept = prepare(file, new StaticSiteTarget(), false, Fleet.KEEP).runbooks();
    List<Runbook> again = prepare(file, new StaticSiteTarget(), false, 0).runbooks();
    assertEquals(5, again.size());
    assertFalse(again instanceof java.util.ArrayList, "prepared again, not kept");
    for (int i = 0; i < kept.size(); i++) {
      assertEquals(kept.get(i).id(), again.get(i).id());
      assertEquals(kept.get(i).shared(), again.get(i).shared());
      assertEquals(kept.get(i).input(), again.get(i).input());
      assertEquals(kept.get(i).label(), again.get(i).label());
    }
    assertEquals(List.of("billing"), again.get(0).shared().get("policyName"));
    assertEquals(List.of("orders"), again.get(1).shared().get("policyName"));
    assertEquals("written after the runbooks", again.get(4).params().values().get("description"));
  }

  @Test
  void theSameErrorsEitherWay() throws IOException {
    String bad =
        FLEET
            // the name of orders' role for another cluster's
            .replace(
                BILLING_ROLE,
                BILLING_ROLE.replace("orders", "billing").replace("Billing", "Orders"))
            .replace("id: spare", "id: orders-kms"); // the wiki page of orders' KMS step
    for (PublishTarget target :
        List.of(new StaticSiteTarget(), new WikiTarget(WikiTarget.Host.GITHUB))) {
      Path file = write(bad);
      List<Diagnostic> kept = errors(file, target, Fleet.KEEP);
      List<Diagnostic> again = errors(file, target, 0);
      assertEquals(kept, again);
      assertFalse(kept.isEmpty());
    }
    List<Diagnostic> wiki = errors(write(bad), new WikiTarget(WikiTarget.Host.GITHUB), 0);
    assertTrue(
        wiki.stream().anyMatch(x -> x.message().contains("would write orders-kms.md")),
        wiki::toString);
    String twice = FLEET.replace("id: billing", "id: orders");
    Path twiceFile = write(twice);
    List<Diagnostic> dup = errors(twiceFile, new StaticSiteTarget(), 0);
    assertEquals(dup, errors(twiceFile, new StaticSiteTarget(), Fleet.KEEP));
    assertTrue(
        dup.stream().anyMatch(x -> x.message().contains("has the id \"orders\"")), dup::toString);
    // The same role name (IAM names are not case-sensitive) for another cluster: a conflict.
    String names =
        FLEET.replace(
            BILLING_ROLE,
            BILLING_ROLE.replace("orders", "billing").replace("BillingRole", "ordersrole"));
    Path namesFile = write(names);
    List<Diagnostic> clash = errors(namesFile, new StaticSiteTarget(), 0);
    assertEquals(clash, errors(namesFile, new StaticSiteTarget(), Fleet.KEEP));
    assertTrue(
        clash.stream()
            .anyMatch(
                x ->
                    x.message().contains("would create the IAM role ordersrole")
                        && x.message().contains("runbooks[0] (orders) creates with a different")),
        clash::toString);
  }

  private record Built(Map<String, byte[]> files, List<String> notes, List<Diagnostic> warnings) {}

  private Built build(String yaml, PublishTarget target, boolean redact, int keep)
      throws IOException {
    SiteBuilder.Prepared p = prepare(write(yaml), target, redact, keep);
    Map<String, byte[]> files = new ConcurrentHashMap<>();
    SiteBuilder.render(p, target, files::put, tmp, 2, SiteBuilder.Progress.NONE);
    return new Built(new TreeMap<>(files), p.notes(), p.warnings());
  }

  private List<Diagnostic> errors(Path file, PublishTarget target, int keep) {
    return assertThrows(InvalidInputException.class, () -> prepare(file, target, false, keep))
        .diagnostics();
  }

  private static SiteBuilder.Prepared prepare(
      Path file, PublishTarget target, boolean redact, int keep) {
    Inputs.Routed routed =
        Inputs.route(
            Inputs.Request.inventory(
                file, file.toString(), List.of(), YamlReader.DEFAULT_MAX_BYTES, false),
            true);
    return Fleet.prepare(target, routed, redact, true, false, keep);
  }

  private int written;

  private Path write(String yaml) throws IOException {
    Path f = tmp.resolve("fleet-" + written++ + ".yaml");
    Files.writeString(f, yaml);
    return f;
  }
}
