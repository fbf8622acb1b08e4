package dev.runwright.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exposes only plain data to templates: text, numbers, booleans, lists, maps and records (by their
 * components). No method of any object can be called, no class can be reached, and any other type
 * is refused, so a template can read the model and nothing else.
 */
final class ModelWrapper implements ObjectWrapper {
  static final ModelWrapper INSTANCE = new ModelWrapper();

  private static final ClassValue<Map<String, Method>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> out = new LinkedHashMap<>();
          for (RecordComponent c : type.getRecordComponents()) {
            Method m = c.getAccessor();
            m.setAccessible(true);
            out.put(c.getName(), m);
          }
          return out;
        }
      };

  private static final ClassValue<Boolean> HAS_TEXT =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            type.getDeclaredMethod("toString");
            return true;
          } catch (NoSuchMethodException e) {
            return false;
          }
        }
      };

  private ModelWrapper() {}

  @Override
  public TemplateModel wrap(Object obj) throws TemplateModelException {
    if (obj == null) {
      return null;
    }
    if (obj instanceof TemplateModel tm) {
      return tm;
    }
    if (obj instanceof String s) {
      return new SimpleScalar(s);
    }
    if (obj instanceof Number n) {
      return new SimpleNumber(n);
    }
    if (obj instanceof Boolean b) {
      return b ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    }
    if (obj instanceof List<?> list) {
      return new ListModel(list);
    }
    if (obj instanceof Map<?, ?> map) {
      return new MapModel(map);
    }
    if (obj instanceof Enum<?> e) {
      return new SimpleScalar(e.toString());
    }
    if (obj instanceof Record r) {
      return HAS_TEXT.get(r.getClass()) ? new TextRecordModel(r) : new RecordModel(r);
    }
    throw new TemplateModelException(
        "Runwright does not expose values of type "
            + obj.getClass().getSimpleName()
            + " to templates");
  }

  private static final class ListModel implements TemplateSequenceModel {
    private final List<?> list;

    ListModel(List<?> list) {
      this.list = list;
    }

    @Override
    public TemplateModel get(int index) throws TemplateModelException {
      return index < 0 || index >= list.size() ? null : INSTANCE.wrap(list.get(index));
    }

    @Override
    public int size() {
      return list.size();
    }
  }

  private static class MapModel implements TemplateHashModelEx2 {
    private final Map<?, ?> map;

    MapModel(Map<?, ?> map) {
      this.map = map;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      return INSTANCE.wrap(map.get(key));
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public TemplateCollectionModel keys() {
      return new Collection(map.keySet().iterator());
    }

    @Override
    public TemplateCollectionModel values() {
      return new Collection(map.values().iterator());
    }

    @Override
    public KeyValuePairIterator keyValuePairIterator() {
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      return new KeyValuePairIterator() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public KeyValuePair next() {
          Map.Entry<?, ?> e = it.next();
          return new KeyValuePair() {
            @Override
            public TemplateModel getKey() throws TemplateModelException {
              return INSTANCE.wrap(String.valueOf(e.getKey()));
            }

            @Override
            public TemplateModel getValue() throws TemplateModelException {
              return INSTANCE.wrap(e.getValue());
            }
          };
        }
      };
    }
  }

  private static final class Collection implements TemplateCollectionModel {
    private final Iterator<?> it;

    Collection(Iterator<?> it) {
      this.it = it;
    }

    @Override
    public TemplateModelIterator iterator() {
      return new TemplateModelIterator() {
        @Override
        public TemplateModel next() throws TemplateModelException {
          return INSTANCE.wrap(it.next());
        }

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }
      };
    }
  }

  /** A record's components, read by name. */
  private static class RecordModel implements TemplateHashModelEx2 {
    final Record record;

    RecordModel(Record record) {
      this.record = record;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      Method m = COMPONENTS.get(record.getClass()).get(key);
      if (m == null) {
        return null;
      }
      try {
        return INSTANCE.wrap(m.invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new TemplateModelException("cannot read " + key, e);
      }
    }

    @Override
    public boolean isEmpty() {
      return COMPONENTS.get(record.getClass()).isEmpty();
    }

    @Override
    public int size() {
      return COMPONENTS.get(record.getClass()).size();
    }

    @Override
    public TemplateCollectionModel keys() {
      return new Collection(COMPONENTS.get(record.getClass()).keySet().iterator());
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
      List<Object> vals = new java.util.ArrayList<>();
      for (String k : COMPONENTS.get(record.getClass()).keySet()) {
        vals.add(get(k));
      }
      return new Collection(vals.iterator());
    }

    @Override
    public KeyValuePairIterator keyValuePairIterator() throws TemplateModelException {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String k : COMPONENTS.get(record.getClass()).keySet()) {
        m.put(k, get(k));
      }
      return new MapModel(m).keyValuePairIterator();
    }
  }

  /** A record that also reads as text, such as a Region ({@code us-east-1}) or a key (its ARN). */
  private static final class TextRecordModel extends RecordModel implements TemplateScalarModel {
    TextRecordModel(Record record) {
      super(record);
    }

    @Override
    public String getAsString() {
      return record.toString();
    }
  }
}
