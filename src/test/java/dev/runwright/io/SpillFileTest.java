package dev.runwright.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpillFileTest {
  @Test
  void aRecordOfStringsAndNullsReadsBackTheSame() {
    try (SpillFile f = SpillFile.create()) {
      List<String> a = Arrays.asList("one", null, "", "ünïcödé 😀", "x".repeat(70_000));
      List<String> b = List.of();
      long at = f.append(a);
      long bt = f.append(b);
      assertEquals(List.of(), f.read(bt));
      assertEquals(a, f.read(at));
    }
  }

  @Test
  void recordsOfBytesReadBackTheSameBetweenRecordsOfStrings() {
    try (SpillFile f = SpillFile.create()) {
      byte[] one = {1, 2, 3, (byte) 0xff};
      long s = f.append(List.of("before"));
      long at = f.appendBytes(one);
      long empty = f.appendBytes(new byte[0]);
      long after = f.append(List.of("after"));
      assertArrayEquals(one, f.readBytes(at));
      assertArrayEquals(new byte[0], f.readBytes(empty));
      assertEquals(List.of("before"), f.read(s));
      assertEquals(List.of("after"), f.read(after));
    }
  }
}
