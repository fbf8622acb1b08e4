package dev.runwright.model;

/**
 * The site a runbook is published in, as its pages' templates see it.
 *
 * @param title the site's title
 */
public record SiteModel(String title) {}
