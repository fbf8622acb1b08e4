package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {

  @ParameterizedTest
  @CsvSource({
    "us-east-1, aws, US East (N. Virginia)",
    "eu-west-1, aws, Europe (Ireland)",
    "ap-east-2, aws, Asia Pacific (Taipei)",
    "ap-southeast-7, aws, Asia Pacific (Thailand)",
    "mx-central-1, aws, Mexico (Central)",
    "ca-west-1, aws, Canada West (Calgary)",
    "il-central-1, aws, Israel (Tel Aviv)",
    "cn-north-1, aws-cn, China (Beijing)",
    "cn-northwest-1, aws-cn, China (Ningxia)",
    "us-gov-west-1, aws-us-gov, AWS GovCloud (US-West)",
    "us-gov-east-1, aws-us-gov, AWS GovCloud (US-East)",
    "us-iso-east-1, aws-iso, US ISO East",
    "us-isob-east-1, aws-iso-b, US ISOB East (Ohio)",
    "eu-isoe-west-1, aws-iso-e, EU ISOE West",
    "us-isof-south-1, aws-iso-f, US ISOF South",
    "eusc-de-east-1, aws-eusc, AWS European Sovereign Cloud (Germany)",
  })
  void knownRegionsHaveTheirPartitionAndName(String code, String partition, String name) {
    Region r = Region.of(code).orElseThrow();
    assertEquals(code, r.code());
    assertEquals(partition, r.partition().id());
    assertEquals(name, r.name());
    assertTrue(r.known());
  }

  @ParameterizedTest
  @CsvSource({
    "us-east-9, aws",
    "eu-south-3, aws",
    "af-north-1, aws",
    "cn-south-1, aws-cn",
    "us-gov-central-1, aws-us-gov",
    "us-iso-central-1, aws-iso",
    "us-isob-south-1, aws-iso-b",
    "eu-isoe-north-1, aws-iso-e",
    "us-isof-west-1, aws-iso-f",
    "eusc-de-west-1, aws-eusc",
  })
  void wellFormedUnknownCodesAreRegionsThatAreNotKnown(String code, String partition) {
    Region r = Region.of(code).orElseThrow();
    assertEquals(partition, r.partition().id());
    assertFalse(r.known());
    assertEquals("a Region Runwright does not know yet", r.name()); // no invented name
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "us-east",
        "useast1",
        "us-east-1a", // an Availability Zone
        "US-EAST-1",
        "us-east-1 ",
        " us-east-1",
        "xx-east-1", // no partition has the prefix xx
        "eusc-fr-east-1", // botocore's aws-eusc pattern allows only de
        "aws-global",
        "global",
        "us-east-one",
        "*",
        "us-east-*"
      })
  void malformedCodesAreNotRegions(String code) {
    assertTrue(Region.of(code).isEmpty(), code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-East-1", "us-EAST-1", "eu-west_x-1"})
  void regionCodesAreLowerCase(String code) {
    assertTrue(Region.of(code).isEmpty(), code);
  }

  @Test
  void listedRegionsAreBotocoresFortySixInAStableOrder() {
    List<String> codes = new ArrayList<>();
    Region.listed().forEach(r -> codes.add(r.code()));
    assertEquals(
        46, codes.size()); // 34 aws + 2 cn + 2 gov + 2 iso + 2 isob + 1 isoe + 2 isof + 1 eusc
    assertEquals("af-south-1", codes.get(0));
    assertEquals("eusc-de-east-1", codes.get(codes.size() - 1));
    List<String> again = new ArrayList<>();
    Region.listed().forEach(r -> again.add(r.code()));
    assertEquals(codes, again);
  }

  @Test
  void everyListedRegionMatchesItsOwnPartitionsPatternAndNoEarlierOne() {
    for (Region r : Region.listed()) {
      assertEquals(r.partition(), Partition.forRegionCode(r.code()).orElseThrow(), r.code());
    }
  }

  @Test
  void everyPartitionButAwsIsoEAndEuscHasIam() {
    for (Partition p : Partition.ALL) {
      boolean expected = !p.id().equals("aws-iso-e") && !p.id().equals("aws-eusc");
      assertEquals(expected, p.hasIam(), p.id());
    }
  }
}
