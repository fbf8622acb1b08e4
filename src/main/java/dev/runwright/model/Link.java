package dev.runwright.model;

/**
 * A link for a template: what to call it and where it points, relative to the document being
 * rendered.
 */
public record Link(String title, String href) {}
