/**
 * Confluence as a publish target: Runwright's runbook Markdown to storage format ({@link
 * dev.runwright.confluence.StorageRenderer}), a folder of pages ready to publish ({@link
 * dev.runwright.confluence.ConfluenceBundle}, {@link dev.runwright.confluence.BundlePage}), and a
 * publisher for Confluence Cloud and Data Center that creates and updates only what changed and
 * never deletes ({@link dev.runwright.confluence.ConfluencePublisher}, {@link
 * dev.runwright.confluence.ConfluenceTarget}, {@link dev.runwright.confluence.PublishResult}).
 * Nothing here knows the CLI; everything else in the package is package-private.
 */
package dev.runwright.confluence;
