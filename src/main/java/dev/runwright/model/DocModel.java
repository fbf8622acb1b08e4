package dev.runwright.model;

/**
 * A document of the current step that is already rendered, so that a later document can show it
 * (the runbook shows the policy).
 *
 * @param path its file name in the step's folder
 * @param href a link to it from the document being rendered, or {@code null} when the output does
 *     not publish it (wiki pages publish no JSON)
 * @param text its final text, or {@code null} while it is not rendered yet
 * @param form the way of applying the step it is ({@code terraform}, {@code cloudformation}, {@code
 *     ssm}), or {@code null}
 * @param language the language of its text, for code blocks ({@code json}, {@code hcl}, {@code
 *     yaml}), or {@code null}
 */
public record DocModel(String path, String href, String text, String form, String language) {}
