package io.github.tcvod.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The INI dialect of credentials files, rule by rule. */
class IniFileMutationTest {
  private static Map<String, String> section(String text, String name) {
    Map<String, Map<String, String>> sections = IniFile.parse(text);
    assertTrue(sections.containsKey(name), "no section " + name + " in " + sections.keySet());
    return sections.get(name);
  }

  private static Map<String, String> map(String... keysAndValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void emptyTextHasNoSections() {
    assertEquals(Collections.emptyMap(), IniFile.parse(""));
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertEquals(map("secretid", "AKID"), section("\uFEFF[default]\nsecretId = AKID\n", "default"));
  }

  @Test
  void everyLineEndingSeparatesLines() {
    assertEquals(map("a", "1", "b", "2", "c", "3"), section("[p]\r\na=1\rb=2\nc=3", "p"));
  }

  @Test
  void sectionNamesAreTrimmedAndSectionsKeepTheirOrder() {
    Map<String, Map<String, String>> sections = IniFile.parse("[ second ]\nx=1\n[first]\ny=2\n");
    assertEquals(Arrays.asList("second", "first"), Arrays.asList(sections.keySet().toArray()));
  }

  @Test
  void aRepeatedSectionIsMergedAndLaterKeysWin() {
    assertEquals(map("a", "3", "b", "2"), section("[p]\na=1\n[q]\n[p]\nb=2\na=3\n", "p"));
  }

  @Test
  void keysBeforeAnySectionAndLinesWithoutKeyAreIgnored() {
    Map<String, Map<String, String>> sections = IniFile.parse("orphan=1\n[p]\njust words\n=nokey\nk=v\n");
    assertEquals(1, sections.size());
    assertEquals(map("k", "v"), sections.get("p"));
  }

  @Test
  void anUnclosedSectionHeaderIsIgnored() {
    Map<String, Map<String, String>> sections = IniFile.parse("[p]\n[broken\nk=v\n");
    assertFalse(sections.containsKey("broken"));
    assertEquals(map("k", "v"), sections.get("p"));
  }

  @Test
  void keysAreTrimmedAndCaseInsensitive() {
    assertEquals(map("secretkey", "v"), section("[p]\n   SecretKey   =   v   \n", "p"));
  }

  @Test
  void theFirstDelimiterSplitsKeyFromValue() {
    assertEquals(map("colon", "a=b", "equals", "a:b", "only", "c"),
        section("[p]\ncolon: a=b\nequals = a:b\nonly : c\n", "p"));
  }

  @Test
  void aLineStartingWithADelimiterHasNoKeyWhateverFollows() {
    assertEquals(map("k", "v"), section("[p]\n=x:y\n:x=y\nk=v\n", "p"));
  }

  @Test
  void wholeLineCommentsAreSkipped() {
    assertEquals(map("k", "v"), section("[p]\n# k = hash\n  ; k = semicolon\nk=v\n", "p"));
  }

  @Test
  void inlineCommentsNeedWhitespaceBeforeThem() {
    assertEquals(map("a", "v", "b", "v", "c", "v#1", "d", "v;1", "e", ""),
        section("[p]\na = v # note\nb = v\t;note\nc = v#1\nd = v;1\ne = # nothing\n", "p"));
  }

  @Test
  void quotesAreRemovedAndProtectCommentCharacters() {
    assertEquals(map("a", "x # y", "b", "s;t", "c", "", "d", "\"open", "e", "\""),
        section("[p]\na = \"x # y\"\nb='s;t' # note\nc=\"\"\nd=\"open\ne=\"\n", "p"));
  }
}
