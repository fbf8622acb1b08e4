package dev.runwright.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code --max-input-bytes} value: a whole number of bytes, at least 1. */
final class ByteCount implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    long n;
    try {
      n = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n > 0) {
      return n;
    }
    throw new TypeConversionException(
        "'" + value + "'; expected a whole number of bytes from 1 up, such as 10485760 (10 MiB)");
  }
}
