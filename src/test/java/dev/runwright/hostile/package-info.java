/**
 * Hostile input through the whole of {@code generate}, rendered in memory: whatever the user types,
 * a run either stops with input errors that name the fields, or writes a policy with exactly the
 * keys given, pages with no markup of the user's making, and shell commands that pass every value
 * as one word.
 *
 * <p>The properties are by what each tests ({@link RandomStringsProperties}, {@link
 * ShellParserProperties}, {@link AwsValuesProperties}, {@link DeterminismProperties}, {@link
 * FoundBugsProperties}); the shared setup is {@link Rendering} and {@link Input}, the generators
 * {@link Generators} and {@link AwsGenerators}, the checks {@link RunChecks}, {@link HtmlChecks}
 * and {@link ShellChecks}. See {@link Rendering} for why the properties share one workspace.
 */
package dev.runwright.hostile;
