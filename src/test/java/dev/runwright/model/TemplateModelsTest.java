package dev.runwright.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.site.SiteTemplates;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The listed template model is the records' own: every name has help, and no help is stale. */
class TemplateModelsTest {
  @Test
  void everyNameATemplateSeesHasHelpAndEveryHelpNamesOne() {
    Set<String> keys = new TreeSet<>();
    for (TemplateModels.Family f : TemplateModels.families(SiteTemplates.families())) {
      collect(f.root(), keys, new ArrayList<>());
    }
    List<String> missing =
        keys.stream().filter(k -> !TemplateModels.allHelp().containsKey(k)).toList();
    assertEquals(List.of(), missing, "add a line to model/names.properties for each");
    List<String> stale =
        TemplateModels.allHelp().keySet().stream().filter(k -> !keys.contains(k)).toList();
    assertEquals(List.of(), stale, "names.properties lists names no template sees");
  }

  private static void collect(Class<?> type, Set<String> keys, List<Class<?>> seen) {
    if (!type.isRecord() || seen.contains(type)) {
      return;
    }
    seen.add(type);
    for (RecordComponent c : type.getRecordComponents()) {
      keys.add(TemplateModels.key(type) + "." + c.getName());
      java.lang.reflect.Type g = c.getGenericType();
      if (g instanceof Class<?> k) {
        collect(k, keys, seen);
      } else if (g instanceof java.lang.reflect.ParameterizedType p) {
        java.lang.reflect.Type[] args = p.getActualTypeArguments();
        java.lang.reflect.Type last = args[args.length - 1];
        if (last instanceof Class<?> k) {
          collect(k, keys, seen);
        } else if (last instanceof java.lang.reflect.ParameterizedType inner
            && inner.getActualTypeArguments()[inner.getActualTypeArguments().length - 1]
                instanceof Class<?> k) {
          collect(k, keys, seen);
        }
      }
    }
    seen.remove(type);
  }

  @Test
  void theListingNamesNestedValuesByTheirPath() {
    List<String> paths =
        TemplateModels.names(DocumentModel.class).stream().map(TemplateModels.Name::path).toList();
    assertTrue(paths.contains("aws.account"), paths.toString());
    assertTrue(paths.contains("steps[].title"), paths.toString());
    assertTrue(paths.contains("links.next.href"), paths.toString());
    assertTrue(paths.contains("docs[].text"), paths.toString());
  }
}
