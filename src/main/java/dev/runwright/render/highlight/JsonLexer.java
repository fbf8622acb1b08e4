package dev.runwright.render.highlight;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.List;

/**
 * JSON, tokenised by Jackson's streaming parser, which also accepts comments and trailing commas
 * (both appear in documentation). Where the parser stops at an error, the rest is shown plain.
 */
final class JsonLexer implements Lexer {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();

  @Override
  public List<String> names() {
    return List.of("json", "jsonc");
  }

  @Override
  public List<Token> tokens(String code) {
    TokenList out = new TokenList();
    int pos = 0;
    try (JsonParser p = FACTORY.createParser(code)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int start = (int) p.currentTokenLocation().getCharOffset();
        if (start < pos || start >= code.length()) {
          break; // not an offset into the code as given: stop highlighting here
        }
        gap(code, pos, start, out);
        int end = end(code, start, t, p);
        out.add(start, end, type(t));
        pos = end;
      }
      gap(code, pos, code.length(), out);
    } catch (IOException e) {
      // Not JSON from here on (or too deep or long for the parser): the rest stays plain.
    }
    return out.list();
  }

  /** The end of the token that starts at {@code start}, which Jackson does not report. */
  private static int end(String code, int start, JsonToken t, JsonParser p) throws IOException {
    return switch (t) {
      case FIELD_NAME, VALUE_STRING -> Chars.quotedEnd(code, start, true, false);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> start + p.getText().length();
      case VALUE_TRUE, VALUE_NULL -> start + 4;
      case VALUE_FALSE -> start + 5;
      default -> start + 1;
    };
  }

  private static TokenType type(JsonToken t) {
    return switch (t) {
      case FIELD_NAME -> TokenType.KEY;
      case VALUE_STRING -> TokenType.STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> TokenType.NUMBER;
      case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> TokenType.LITERAL;
      default -> TokenType.OPERATOR;
    };
  }

  /** Between tokens: whitespace, {@code ,} and {@code :}, and comments. */
  private static void gap(String code, int from, int to, TokenList out) {
    int i = from;
    while (i < to) {
      char c = code.charAt(i);
      int end;
      if (c == ',' || c == ':') {
        out.add(i, i + 1, TokenType.OPERATOR);
        end = i + 1;
      } else if (c == '#' || Chars.at(code, i, "//")) {
        end = Math.min(to, Chars.lineEnd(code, i));
        out.add(i, end, TokenType.COMMENT);
      } else if (Chars.at(code, i, "/*")) {
        end = Math.min(to, Chars.after(code, i + 2, "*/"));
        out.add(i, end, TokenType.COMMENT);
      } else {
        end = i + 1;
      }
      i = end;
    }
  }
}
