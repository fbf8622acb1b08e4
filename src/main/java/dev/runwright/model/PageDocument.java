package dev.runwright.model;

/**
 * What the page template ({@code common/page.html.ftlh}) sees.
 *
 * @param page the page: its title, body and where its assets are
 */
public record PageDocument(PageModel page) {}
