package dev.runwright.site;

import dev.runwright.model.TemplateModels;
import java.util.List;

/** The site's and the wikis' own templates and the records they see. */
public final class SiteTemplates {
  private SiteTemplates() {}

  public static List<TemplateModels.Family> families() {
    return List.of(
        new TemplateModels.Family(
            "the site's index and 404 page, the wikis' home page and sidebar, the MkDocs and"
                + " Confluence home pages (site/*.ftlh, wiki/*.md.ftl, mkdocs/index.md.ftl,"
                + " confluence/home.md.ftl)",
            IndexModel.class),
        new TemplateModels.Family("the sitemap (site/sitemap.xml.ftlx)", Sitemaps.Model.class));
  }
}
