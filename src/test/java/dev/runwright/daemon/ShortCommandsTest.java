package dev.runwright.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The commands a daemon answers are listed in three places: {@link DaemonClient#SHORT}, the
 * launcher's {@code case} (which spares other commands Perl's start) and the Perl client. A command
 * added to one and not the others would only go the slow way; this keeps the three the same.
 */
class ShortCommandsTest {
  @Test
  void theLauncherSendsTheShortCommandsToThePerlClient() throws Exception {
    String launcher = Files.readString(Path.of("bin/runwright"));
    Matcher m = Pattern.compile("(?m)^\\s*((?:[a-z]+:\\* \\| )*[a-z]+:\\*)\\)$").matcher(launcher);
    List<String> found = List.of();
    while (m.find()) {
      found = Arrays.stream(m.group(1).split(" \\| ")).map(c -> c.replace(":*", "")).toList();
    }
    assertEquals(DaemonClient.SHORT, found, "bin/runwright's case for the Perl client");
  }

  @Test
  void thePerlClientAsksTheDaemonForTheShortCommandsOnly() throws Exception {
    String client = Files.readString(Path.of("bin/runwright-client"));
    Matcher m = Pattern.compile("\\$_ eq \\$command \\} qw\\(([a-z ]+)\\)").matcher(client);
    assertEquals(true, m.find(), "bin/runwright-client's list of commands");
    assertEquals(DaemonClient.SHORT, List.of(m.group(1).split(" ")));
  }
}
