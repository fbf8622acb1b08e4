package dev.runwright.render.highlight;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQL as MySQL and PostgreSQL write it: keywords in any case ({@code LOAD DATA FROM S3}, {@code
 * SELECT ... INTO OUTFILE S3}, {@code GRANT}), {@code '...'} strings with {@code ''} and backslash
 * escapes, {@code `...`} and {@code "..."} identifiers, PostgreSQL's {@code $$...$$} strings,
 * {@code --}, {@code #} (but not PostgreSQL's {@code #>}, {@code #-}) and {@code /* *}{@code /}
 * comments, {@code @var} and {@code $1}, and a name before {@code (} as a function ({@code
 * aws_s3.table_import_from_s3(}).
 */
final class SqlLexer implements Lexer {
  private static final Set<String> KEYWORDS =
      Chars.words(
          // statements and clauses
          "select from where insert into values update set delete create alter drop table"
              + " database schema index view user role grant revoke on to with option identified"
              + " by as and or not in is like between exists join left right inner outer full"
              + " cross using group order having limit offset distinct all union case when then"
              + " else end if extension cascade primary key foreign references default unique"
              + " check constraint call procedure function returns begin commit rollback"
              + " transaction use show describe explain analyze asc desc flush privileges global"
              + " session variables usage execute admin for of only copy do return language"
              // LOAD DATA / LOAD XML and SELECT ... INTO OUTFILE S3 (Aurora MySQL)
              + " load data xml s3 file prefix manifest replace ignore fields columns terminated"
              + " enclosed optionally escaped lines starting rows outfile format csv text header"
              + " overwrite partition character charset local concurrent low_priority parts size"
              + " encryption"
              // types
              + " int integer bigint smallint tinyint varchar char boolean bool date time"
              + " timestamp datetime numeric decimal float double real serial bigserial json"
              + " jsonb blob uuid");
  private static final Set<String> LITERALS = Set.of("true", "false", "null", "unknown");
  private static final String OPERATORS = "(),;.=<>!+-*/%|&^~:[]{}?#@";

  @Override
  public List<String> names() {
    return List.of("sql", "mysql", "postgresql", "postgres", "psql", "pgsql");
  }

  @Override
  public List<Token> tokens(String s) {
    TokenList out = new TokenList();
    int pos = 0;
    while (pos < s.length()) {
      int end = token(s, pos, out);
      pos = Math.max(end, pos + 1);
    }
    return out.list();
  }

  /** Adds the token at {@code pos}, if any, and returns where the next one may start. */
  private static int token(String s, int pos, TokenList out) {
    char c = s.charAt(pos);
    char next = Chars.charAt(s, pos + 1);
    int end;
    TokenType type;
    if (Chars.at(s, pos, "--") || (c == '#' && next != '>' && next != '-')) { // not #> #>> #-
      end = Chars.lineEnd(s, pos);
      type = TokenType.COMMENT;
    } else if (Chars.at(s, pos, "/*")) {
      end = Chars.after(s, pos + 2, "*/");
      type = TokenType.COMMENT;
    } else if (c == '\'') {
      end = Chars.quotedEnd(s, pos, true, true);
      type = TokenType.STRING;
    } else if (c == '`' || c == '"') {
      end = Chars.quotedEnd(s, pos, false, true);
      type = TokenType.KEY;
    } else if (c == '$' && Chars.isDigit(next)) {
      end = Chars.numberEnd(s, pos + 1);
      type = TokenType.VARIABLE;
    } else if (c == '$' && (next == '$' || Chars.isIdentStart(next))) {
      end = dollarQuoted(s, pos);
      type = end > pos ? TokenType.STRING : null;
    } else if (c == '@' || (c == ':' && Chars.isIdentStart(next) && !after(s, pos, ':'))) {
      int name = pos + (next == '@' ? 2 : 1);
      end = Chars.identEnd(s, name, "$");
      type = end > name ? TokenType.VARIABLE : TokenType.OPERATOR; // 'user'@'host'
      end = Math.max(end, pos + 1);
    } else if (Chars.isDigit(c) || (c == '.' && Chars.isDigit(next))) {
      end = c == '0' && (next == 'x' || next == 'X') ? Chars.identEnd(s, pos, "") : number(s, pos);
      type = TokenType.NUMBER;
    } else if (Chars.isIdentStart(c)) {
      return word(s, pos, out);
    } else if (OPERATORS.indexOf(c) >= 0) {
      end = pos + 1;
      type = TokenType.OPERATOR;
    } else {
      return pos + 1;
    }
    out.add(pos, end, type);
    return end;
  }

  /** Whether the character before {@code pos} is {@code c}. */
  private static boolean after(String s, int pos, char c) {
    return pos > 0 && s.charAt(pos - 1) == c;
  }

  private static int number(String s, int pos) {
    return s.charAt(pos) == '.' ? Chars.numberEnd(s, pos + 1) : Chars.numberEnd(s, pos);
  }

  /** A keyword, literal, function name, string prefix ({@code E'...'}) or plain name. */
  private static int word(String s, int pos, TokenList out) {
    int end = Chars.identEnd(s, pos, "$");
    String lower = s.substring(pos, end).toLowerCase(Locale.ROOT);
    char after = Chars.charAt(s, end);
    if (end == pos + 1 && after == '\'' && "enbx".indexOf(lower.charAt(0)) >= 0) {
      int close = Chars.quotedEnd(s, end, true, true);
      out.add(pos, close, TokenType.STRING);
      return close;
    }
    boolean qualified = after(s, pos, '.');
    TokenType type;
    if (after == '(' && (qualified || !KEYWORDS.contains(lower))) {
      type = TokenType.FUNCTION;
    } else if (qualified) {
      type = null; // a column or table after a schema name, even if it is spelt like a keyword
    } else if (LITERALS.contains(lower)) {
      type = TokenType.LITERAL;
    } else {
      type = KEYWORDS.contains(lower) ? TokenType.KEYWORD : null;
    }
    out.add(pos, end, type);
    return end;
  }

  /**
   * PostgreSQL's {@code $tag$...$tag$}; returns {@code pos} when {@code $tag} at {@code pos} does
   * not open one.
   */
  private static int dollarQuoted(String s, int pos) {
    int tagEnd = Chars.identEnd(s, pos + 1, "");
    if (Chars.charAt(s, tagEnd) != '$') {
      return pos;
    }
    String tag = s.substring(pos, tagEnd + 1);
    return Chars.after(s, tagEnd + 1, tag);
  }
}
