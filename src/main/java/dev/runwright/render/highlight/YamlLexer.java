package dev.runwright.render.highlight;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.CommentToken;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.Token.ID;

/**
 * YAML, tokenised by SnakeYAML's scanner (the one Jackson's YAML module reads with), so block
 * scalars, flow collections, quoting, anchors and tags ({@code !Sub} in CloudFormation) are found
 * as YAML defines them. A scalar right after a key indicator is a key. Where the scanner stops at
 * an error, the rest is shown plain.
 */
final class YamlLexer implements Lexer {
  private static final Set<String> LITERALS =
      Set.of("true", "false", "null", "~", "True", "False", "Null", "TRUE", "FALSE", "NULL");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(?:\\d[\\d_]*(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|\\.\\d+|0x[0-9a-fA-F]+)");

  @Override
  public List<String> names() {
    return List.of("yaml", "yml");
  }

  @Override
  public List<Token> tokens(String code) {
    TokenList out = new TokenList();
    Offsets offsets = new Offsets(code);
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(true);
    boolean key = false;
    try {
      ScannerImpl scanner = new ScannerImpl(new StreamReader(code), options);
      while (scanner.checkToken()) {
        org.yaml.snakeyaml.tokens.Token t = scanner.getToken();
        int start = offsets.of(t.getStartMark().getIndex());
        int end = offsets.of(t.getEndMark().getIndex());
        TokenType type = type(t, key);
        if (type != null) {
          out.add(start, end, type);
        }
        key = t.getTokenId() == ID.Key;
      }
    } catch (YAMLException e) {
      // Not YAML from here on: the rest stays plain.
    }
    return out.list();
  }

  private static TokenType type(org.yaml.snakeyaml.tokens.Token t, boolean afterKey) {
    return switch (t.getTokenId()) {
      case Scalar -> afterKey ? TokenType.KEY : scalar((ScalarToken) t);
      case Comment ->
          ((CommentToken) t).getCommentType() == CommentType.BLANK_LINE ? null : TokenType.COMMENT;
      case Anchor, Alias -> TokenType.VARIABLE;
      case Tag -> TokenType.FUNCTION;
      case Directive -> TokenType.KEYWORD;
      case StreamStart, StreamEnd, BlockMappingStart, BlockSequenceStart, BlockEnd -> null;
      default -> TokenType.OPERATOR; // - : ? [ ] { } , --- ...
    };
  }

  private static TokenType scalar(ScalarToken s) {
    if (!s.getPlain()) {
      return TokenType.STRING;
    }
    String v = s.getValue();
    if (LITERALS.contains(v)) {
      return TokenType.LITERAL;
    }
    return NUMBER.matcher(v).matches() ? TokenType.NUMBER : TokenType.STRING;
  }

  /** SnakeYAML counts code points; the highlighter counts chars. */
  private static final class Offsets {
    private final String code;
    private final boolean simple;
    private int cp;
    private int index;

    Offsets(String code) {
      this.code = code;
      this.simple = code.codePointCount(0, code.length()) == code.length();
    }

    int of(int codePoint) {
      if (simple) {
        return codePoint;
      }
      if (codePoint < cp) {
        cp = 0;
        index = 0;
      }
      while (cp < codePoint && index < code.length()) {
        index += Character.charCount(code.codePointAt(index));
        cp++;
      }
      return index;
    }
  }
}
