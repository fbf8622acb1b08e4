package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runbooks of one account that create the same IAM policy from the same document share it: the
 * create step of each names the others, so that the operator creates it once; a runbook that shares
 * nothing says nothing of the kind.
 */
class SharedResourceNoteTest {
  @TempDir Path tmp;

  private static final String KEY =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  /**
   * Three entries of account 111122223333: east and west share the KMS policy (same name, same key
   * and access) and the S3 policy (same name, bucket and access); each has its own role, as their
   * clusters differ. Solo has a KMS policy of its own name.
   */
  private Path inventory() {
    Path inv = tmp.resolve("inventory.yaml");
    write(
        inv,
        """
        runbooks:
          - id: east
            account: "111122223333"
            region: us-east-1
            clusterId: payments-east
            roleName: RDSAccessEast
            buckets: [s3://payments-imports/daily/]
            keys: [%1$s]
          - id: west
            account: "111122223333"
            region: us-west-2
            clusterId: payments-west
            roleName: RDSAccessWest
            buckets: [s3://payments-imports/daily/]
            keys: [%1$s]
          - id: solo
            account: "111122223333"
            region: us-east-1
            clusterId: payments-solo
            roleName: RDSAccessSolo
            policyName: SoloKMSKey
            s3PolicyName: SoloS3Access
            buckets: [s3://solo-imports/]
            keys: [%1$s]
        """
            .formatted(KEY));
    return inv;
  }

  @Test
  void eachRunbookSharingAPolicyNamesTheOthersAndNoOtherDoes() {
    Path out = tmp.resolve("public");
    buildSite(inventory(), out);
    String eastKms = read(out.resolve("east/kms/runbook.md"));
    String westKms = read(out.resolve("west/kms/runbook.md"));
    assertTrue(
        eastKms.contains(
            "> **Shared:** The policy `AmazonRDSKMSKey` is also created by the runbook `west` of"
                + " this inventory, with the same document: create it once."),
        eastKms);
    assertTrue(
        westKms.contains(
            "> **Shared:** The policy `AmazonRDSKMSKey` is also created by the runbook `east` of"
                + " this inventory, with the same document: create it once."),
        westKms);
    assertTrue(
        read(out.resolve("east/s3/runbook.md"))
            .contains(
                "> **Shared:** The policy `AuroraS3Access` is also created by the runbook"
                    + " `west`"));
    assertTrue(
        eastKms.contains("(expected when a runbook that shares it ran first)"),
        "the existing-name path says why the name may exist");
    assertTrue(
        eastKms.contains("The runbook `west` of this inventory uses the same policy"),
        "roll back warns that another runbook uses the policy");
    for (String page : new String[] {"solo/kms/runbook.md", "solo/s3/runbook.md"}) {
      assertFalse(read(out.resolve(page)).contains("**Shared:**"), page);
    }
    assertFalse(
        read(out.resolve("east/role/runbook.md")).contains("**Shared:**"),
        "roles of different clusters are not shared");
  }
}
