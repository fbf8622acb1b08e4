package dev.runwright.render.highlight;

import static dev.runwright.render.highlight.Rendering.assertRendering;

import org.junit.jupiter.api.Test;

class SqlLexerTest {
  @Test
  void grantToAUserAtAHost() {
    assertRendering(
        "sql",
        """
        ⟦keyword:GRANT⟧ AWS_LOAD_S3_ACCESS ⟦keyword:TO⟧ ⟦string:'app'⟧⟦operator:@⟧⟦string:'%'⟧\
        ⟦operator:;⟧
        ⟦keyword:grant⟧ ⟦keyword:load⟧ ⟦keyword:from⟧ ⟦keyword:s3⟧ ⟦keyword:on⟧ \
        ⟦operator:*.*⟧ ⟦keyword:to⟧ ⟦string:'app'⟧⟦operator:@⟧⟦string:'10.0.%'⟧⟦operator:;⟧
        """);
  }

  @Test
  void loadDataFromS3WithBacktickIdentifiers() {
    assertRendering(
        "mysql",
        """
        ⟦keyword:LOAD⟧ ⟦keyword:DATA⟧ ⟦keyword:FROM⟧ ⟦keyword:S3⟧ ⟦keyword:PREFIX⟧ \
        ⟦string:'s3://my-bucket/data/'⟧ ⟦keyword:INTO⟧ ⟦keyword:TABLE⟧ \
        ⟦key:`payments`⟧⟦operator:.⟧⟦key:`or``ders`⟧
          ⟦keyword:FIELDS⟧ ⟦keyword:TERMINATED⟧ ⟦keyword:BY⟧ ⟦string:','⟧ ⟦keyword:ENCLOSED⟧ \
        ⟦keyword:BY⟧ ⟦string:'"'⟧ ⟦keyword:IGNORE⟧ ⟦number:1⟧ ⟦keyword:LINES⟧⟦operator:;⟧
        """);
  }

  @Test
  void selectIntoOutfileS3() {
    assertRendering(
        "sql",
        """
        ⟦keyword:SELECT⟧ id⟦operator:,⟧ amount ⟦keyword:FROM⟧ orders ⟦keyword:WHERE⟧ amount \
        ⟦operator:>=⟧ ⟦number:1.5e3⟧ ⟦keyword:INTO⟧ ⟦keyword:OUTFILE⟧ ⟦keyword:S3⟧ \
        ⟦string:'s3-us-east-1://b/p'⟧ ⟦keyword:FORMAT⟧ ⟦keyword:CSV⟧ ⟦keyword:HEADER⟧ \
        ⟦keyword:OVERWRITE⟧ ⟦keyword:ON⟧⟦operator:;⟧
        """);
  }

  @Test
  void stringsKeepTheirEscapedQuotes() {
    assertRendering(
        "sql",
        """
        ⟦keyword:SELECT⟧ ⟦string:'it''s'⟧⟦operator:,⟧ ⟦string:'a\\'b'⟧⟦operator:,⟧ ⟦string:''⟧\
        ⟦operator:,⟧ ⟦string:E'\\n'⟧⟦operator:,⟧ ⟦key:"Quoted""Id"⟧⟦operator:,⟧ \
        ⟦string:'unclosed;
        ⟧""");
  }

  @Test
  void postgresqlImportFromS3() {
    assertRendering(
        "postgresql",
        """
        ⟦keyword:CREATE⟧ ⟦keyword:EXTENSION⟧ ⟦keyword:IF⟧ ⟦keyword:NOT⟧ ⟦keyword:EXISTS⟧ aws_s3 \
        ⟦keyword:CASCADE⟧⟦operator:;⟧
        ⟦keyword:SELECT⟧ aws_s3⟦operator:.⟧⟦function:table_import_from_s3⟧⟦operator:(⟧\
        ⟦string:'t'⟧⟦operator:,⟧ ⟦string:''⟧⟦operator:,⟧ ⟦string:'(format csv)'⟧⟦operator:,⟧
          aws_commons⟦operator:.⟧⟦function:create_s3_uri⟧⟦operator:(⟧⟦string:'b'⟧⟦operator:,⟧ \
        ⟦string:'k'⟧⟦operator:,⟧ ⟦string:'us-east-1'⟧⟦operator:));⟧
        """);
  }

  @Test
  void postgresqlDollarQuotesCastsAndParameters() {
    assertRendering(
        "sql",
        """
        ⟦keyword:SELECT⟧ ⟦string:$$it's 'raw'$$⟧⟦operator:,⟧ ⟦string:$fn$body$fn$⟧⟦operator:,⟧ \
        ⟦variable:$1⟧⟦operator:,⟧ x⟦operator:::⟧⟦keyword:text⟧⟦operator:,⟧ ⟦variable::name⟧⟦operator:,⟧ \
        ⟦function:count⟧⟦operator:(*)⟧
        """);
  }

  @Test
  void mysqlVariablesLiteralsAndQualifiedNames() {
    assertRendering(
        "sql",
        """
        ⟦keyword:SELECT⟧ ⟦variable:@@aurora_version⟧⟦operator:,⟧ ⟦variable:@n⟧⟦operator:,⟧ \
        ⟦literal:NULL⟧⟦operator:,⟧ ⟦literal:true⟧⟦operator:,⟧ t⟦operator:.⟧key ⟦keyword:FROM⟧ t\
        ⟦operator:;⟧
        """);
  }

  @Test
  void commentsOfEachKind() {
    assertRendering(
        "sql",
        """
        ⟦comment:-- Aurora MySQL 3⟧
        ⟦comment:# MySQL's own⟧
        ⟦comment:#also⟧
        ⟦keyword:SELECT⟧ doc ⟦operator:#>>⟧ ⟦string:'{a}'⟧⟦operator:,⟧ doc ⟦operator:#-⟧ ⟦string:'{b}'⟧⟦operator:;⟧
        ⟦comment:/* over
           lines */⟧ ⟦keyword:SELECT⟧ ⟦number:1⟧⟦operator:;⟧ ⟦comment:/* unclosed⟧""");
  }
}
