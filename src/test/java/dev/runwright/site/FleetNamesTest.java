package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.YamlReader;
import dev.runwright.core.Inputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet's IAM name plan ({@link FleetNames}) past the sizes its table grows through: 400
 * runbooks of one account, three names each, none clashing; then one runbook far down the list that
 * takes an early one's role name (in other letters' case) for another cluster, which is the one
 * error, naming both.
 */
class FleetNamesTest {
  @TempDir Path tmp;

  private static String fleet(int n, int clashAt, int clashWith) {
    StringBuilder sb = new StringBuilder("runbooks:\n");
    for (int i = 0; i < n; i++) {
      String role = i == clashAt ? "ROLE-" + clashWith : "Role-" + i;
      sb.append(
          """
            - id: rb-%1$d
              account: "111122223333"
              region: us-east-1
              clusterId: cluster-%1$d
              roleName: %2$s
              policyName: Kms-%1$d
              s3PolicyName: S3-%1$d
              buckets: [s3://imports-%1$d/daily/]
              keys: [%3$08x-12ab-34cd-56ef-1234567890ab]
          """
              .formatted(i, role, i));
    }
    return sb.toString();
  }

  @Test
  void manyNamesWithoutAClashPlanCleanlyAndOneClashFarDownIsTheOneError() throws IOException {
    SiteBuilder.Prepared ok = prepare(write("ok.yaml", fleet(400, -1, -1)));
    assertEquals(400, ok.runbooks().size());

    Path bad = write("bad.yaml", fleet(400, 350, 7));
    List<Diagnostic> errors =
        assertThrows(InvalidInputException.class, () -> prepare(bad)).diagnostics();
    assertEquals(1, errors.size(), errors::toString);
    Diagnostic e = errors.get(0);
    assertTrue(e.message().contains("would create the IAM role ROLE-7"), e::toString);
    assertTrue(e.message().contains("runbooks[7] (rb-7) creates with a different"), e::toString);
    assertTrue(e.toString().contains("runbooks[350]"), e::toString);
  }

  private static SiteBuilder.Prepared prepare(Path file) {
    Inputs.Routed routed =
        Inputs.route(
            Inputs.Request.inventory(
                file, file.toString(), List.of(), YamlReader.DEFAULT_MAX_BYTES, false),
            true);
    return Fleet.prepare(new StaticSiteTarget(), routed, false, true, false, Fleet.KEEP);
  }

  private Path write(String name, String yaml) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, yaml);
    return f;
  }
}
