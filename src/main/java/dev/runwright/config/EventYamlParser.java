package dev.runwright.config;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/** A YAML parser that reads the SnakeYAML event behind the current token. */
final class EventYamlParser extends YAMLParser {
  EventYamlParser(
      IOContext ctxt,
      int parserFeatures,
      int yamlFeatures,
      LoaderOptions options,
      ObjectCodec codec,
      Reader r) {
    super(ctxt, parserFeatures, yamlFeatures, options, codec, r);
  }

  /** The anchor ({@code &name}) of the current value, or {@code null}. */
  String anchor() {
    return _lastEvent instanceof NodeEvent e && !(e instanceof AliasEvent) ? e.getAnchor() : null;
  }

  /** Whether the current value is an unquoted scalar (not quoted, not a block scalar). */
  boolean isPlain() {
    return _lastEvent instanceof ScalarEvent e && e.isPlain();
  }
}
