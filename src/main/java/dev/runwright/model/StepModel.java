package dev.runwright.model;

import java.util.List;

/**
 * One step of a procedure, as templates see it.
 *
 * @param number 1 for the first step
 * @param total how many steps the procedure has
 * @param pack the pack id
 * @param title the step's title, such as "Create the IAM policy"
 * @param packTitle the pack's title
 * @param description the pack's description
 * @param href a link to the step's runbook, relative to the document being rendered
 * @param documents the step's published files, with links
 */
public record StepModel(
    int number,
    int total,
    String pack,
    String title,
    String packTitle,
    String description,
    String href,
    List<Link> documents) {}
