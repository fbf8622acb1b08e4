package dev.runwright.confluence;

/**
 * A page as Confluence lists it.
 *
 * @param id the page id
 * @param title its title
 * @param version its current version number
 * @param parentId the page it was listed under
 * @param marker its Runwright marker, or null when it has none (then Runwright leaves it alone)
 * @param markerVersion the version of the marker property, or 0 when it has none
 */
record RemotePage(
    String id, String title, int version, String parentId, Marker marker, int markerVersion) {}
