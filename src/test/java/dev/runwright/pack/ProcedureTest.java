package dev.runwright.pack;

import static dev.runwright.pack.PackTestSupport.manifest;
import static dev.runwright.pack.PackTestSupport.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The steps a procedure has, and those that apply to a runbook's values. */
class ProcedureTest {
  private static final PackManifest KMS = manifest("kms", Map.of());
  private static final PackManifest ROLE = manifest("role", Map.of());
  private static final PackManifest S3 = manifest("s3", Map.of());

  private static final Procedure PROCEDURE =
      new Procedure(
          KMS,
          List.of(
              new Procedure.Step(KMS, Condition.ALWAYS),
              new Procedure.Step(
                  S3,
                  new Condition(List.of(new Condition.Test(Condition.Op.GIVEN, "buckets", null)))),
              new Procedure.Step(
                  ROLE,
                  new Condition(
                      List.of(new Condition.Test(Condition.Op.NOT_EQUALS, "engine", "postgres"))))),
          params("keys: {type: string}"));

  @Test
  void theStepsThatApplyInOrder() {
    assertEquals(List.of(KMS, ROLE), PROCEDURE.stepsFor(Map.of()));
    assertEquals(List.of(KMS, S3, ROLE), PROCEDURE.stepsFor(Map.of("buckets", List.of("b"))));
    assertEquals(
        List.of(KMS, S3),
        PROCEDURE.stepsFor(Map.of("buckets", List.of("b"), "engine", "postgres")));
  }

  @Test
  void everyPackWhetherOrNotItApplies() {
    assertEquals(List.of(KMS, S3, ROLE), PROCEDURE.packs());
  }

  @Test
  void itsListsAreCopiesThatCannotChange() {
    Map<String, ParameterSpec> params = new LinkedHashMap<>(params("keys: {type: string}"));
    List<Procedure.Step> steps =
        new java.util.ArrayList<>(List.of(new Procedure.Step(KMS, Condition.ALWAYS)));
    Procedure p = new Procedure(KMS, steps, params);
    params.clear();
    steps.clear();
    assertEquals(List.of("keys"), List.copyOf(p.parameters().keySet()));
    assertEquals(1, p.steps().size());
    assertThrows(UnsupportedOperationException.class, () -> p.parameters().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.steps().clear());
  }
}
