package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The text escapes of {@link TcvodCodegen}; the zoo shows them end to end through javac and javadoc. */
class TcvodCodegenTest {
  @Test
  void javadocTextCannotOpenTagsCloseTheCommentOrBreakTheLine() {
    assertEquals("&#64;since {&#64;code x} *&#47; /* &#92;u002a/ a &amp; &lt;b&gt; b",
        TcvodCodegen.javadoc("@since {@code x} */ /* \\u002a/ a & <b>\r\nb"));
    assertEquals("one two three", TcvodCodegen.javadoc("one\ntwo\tthree"));
    assertEquals("a  b", TcvodCodegen.javadoc("a\r\rb"));
    assertEquals("x y", TcvodCodegen.javadoc("x\u0001y"));
    assertEquals("x y", TcvodCodegen.javadoc("x\u007fy"));
    assertEquals("分辨率 \"q\" 'q' {}", TcvodCodegen.javadoc("分辨率 \"q\" 'q' {}"));
  }

  @Test
  void codeSpansBecomeCodeAndAStrayTickStays() {
    assertEquals("Defaults to <code>ON</code>.", TcvodCodegen.javadoc("Defaults to `ON`."));
    assertEquals("<code>a&lt;b</code> and ` alone", TcvodCodegen.javadoc("`a<b` and ` alone"));
    assertEquals("empty `` span", TcvodCodegen.javadoc("empty `` span"));
    assertEquals("`", TcvodCodegen.javadoc("`"));
    assertEquals("a <code>x ` y</code> b", TcvodCodegen.javadoc("a ``x ` y`` b"));
    assertEquals("`` and <code>*&#47;</code>", TcvodCodegen.javadoc("`` and `*/`"));
  }

  @Test
  void javaStringEscapesQuotesBackslashesAndControls() {
    assertEquals("say \\\"hi\\\" \\\\u0041 \\n\\r\\t\\001\\177 */ 分",
        TcvodCodegen.javaString("say \"hi\" \\u0041 \n\r\t\u0001\u007f */ 分"));
  }

  @Test
  void randomTextNeverLeavesAnythingJavacOrJavadocWouldRead() {
    Random random = new Random(11);
    String alphabet = "@{}*/\\\"'`<>&u \n\r\ta0分";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String doc = TcvodCodegen.javadoc(text.toString());
      for (String unsafe : new String[] {"@", "*/", "\\", "\n", "\r"}) {
        assertFalse(doc.contains(unsafe), unsafe + " in " + doc);
      }
      String markup = doc.replace("<code>", "").replace("</code>", "");
      for (String unsafe : new String[] {"<", ">", "& "}) {
        assertFalse(markup.contains(unsafe), unsafe + " in " + doc);
      }
      String literal = TcvodCodegen.javaString(text.toString());
      assertEquals(text.toString(), unescapeJavaString(literal), literal);
    }
  }

  @Test
  void onlyTheImportsTheCodeOrItsJavadocLinksUseStay() {
    String source = "// Generated: mentions List and Map in a comment\n"
        + "package p;\n\n"
        + "import java.util.List;\n"
        + "import java.util.Map;\n"
        + "import java.util.Objects;\n"
        + "import java.util.Arrays;\n"
        + "import static java.util.Collections.emptyList;\n"
        + "import static java.util.Collections.emptyMap;\n"
        + "import java.io.IOException;\n"
        + "import java.util.Collection;\n"
        + "\n"
        + "/** See {@link Collection} and {@linkplain java.util.Set sets}. @see Arrays#asList */\n"
        + "class A {\n"
        + "  String text = \"Map of Objects\";\n"
        + "  char quote = '\"';\n"
        + "  List<String> list = emptyList();\n"
        + "  /** @throws IOException never */\n"
        + "  void f() {}\n"
        + "}\n";
    String expected = source.replace("import java.util.Map;\n", "").replace("import java.util.Objects;\n", "")
        .replace("import static java.util.Collections.emptyMap;\n", "");
    assertEquals(expected, TcvodCodegen.withoutUnusedImports(source));
    assertEquals(expected, TcvodCodegen.withoutUnusedImports(expected));
  }

  /** What javac makes of the inside of a string literal, for the escapes javaString writes. */
  private static String unescapeJavaString(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      assertFalse(c == '"' || c == '\n' || c == '\r', "raw " + (int) c + " in " + literal);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = literal.charAt(++i);
      switch (next) {
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        default:
          out.append((char) Integer.parseInt(literal.substring(i, i + 3), 8));
          i += 2;
      }
    }
    return out.toString();
  }
}
