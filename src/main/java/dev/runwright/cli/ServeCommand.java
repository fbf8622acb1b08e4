package dev.runwright.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runwright.config.ConfigLoader;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.YamlReader;
import dev.runwright.io.OutputException;
import dev.runwright.pack.PackException;
import dev.runwright.render.TemplateError;
import dev.runwright.site.SiteBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code runwright serve}: previews an inventory's site on 127.0.0.1 and rebuilds it when the
 * inventory or a template changes. Uses the JDK's HTTP server; pages reload themselves after a
 * rebuild.
 */
@Command(
    name = "serve",
    addMethodSubcommands = false,
    header = "Preview a site on 127.0.0.1, rebuilt on every change.",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the inventory's site into a temporary folder, serves it on 127.0.0.1 only, and"
          + " rebuilds it when the inventory or a template changes; open pages reload after a"
          + " rebuild. A build with errors prints them and keeps serving the last good site."
          + " Ctrl-C stops it and removes the temporary folder."
    },
    footer = {
      "",
      "Examples:",
      "  runwright serve --config site/site.yaml",
      "  runwright serve --config fleet.yaml --port 8080 --templates my-templates"
    })
final class ServeCommand implements Callable<Integer> {
  /** Running servers, so that tests can stop them as Ctrl-C would. */
  static final Set<ServeCommand> RUNNING = ConcurrentHashMap.newKeySet();

  private static final String RELOAD_PATH = "/__runwright/build";
  private static final String RELOAD_SCRIPT =
      "<script>(function(){var b=null;setInterval(function(){fetch('"
          + RELOAD_PATH
          + "').then(function(r){return r.text()}).then(function(t){if(b!==null&&t!==b)"
          + "location.reload();b=t}).catch(function(){})},1000)})();</script>";

  @ParentCommand RunwrightCommand top;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      required = true,
      description = "The inventory YAML.")
  Path config;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "8000",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = {"-t", "--templates"},
      paramLabel = "DIR",
      converter = TemplateFolder.class,
      description = "Folder of templates searched before the built-ins. Repeatable.")
  List<Path> templates;

  @Option(names = "--redact-accounts", description = "Mask account IDs but the last four digits.")
  boolean redact;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  private final AtomicLong build = new AtomicLong();
  private volatile HttpServer server;
  private volatile String baseUrl;

  /** Stops every running server, as Ctrl-C does. */
  static void stopAll() {
    RUNNING.forEach(s -> s.stopped.countDown());
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (YamlReader.isStdin(config)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--config -: serve rebuilds when its inventory changes, so it needs a file, not"
              + " standard input");
    }
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Invalid value for option '--port': " + port + " is not a port; expected 0 to 65535");
    }
    Path work = Files.createTempDirectory("runwright-serve-");
    Path site = work.resolve("site");
    // Ctrl-C: stop the loop, then let it remove its temporary copy of the site before the JVM
    // halts.
    Thread hook =
        new Thread(
            () -> {
              stopped.countDown();
              try {
                cleanedUp.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "runwright-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    RUNNING.add(this);
    try {
      rebuild(site, err);
      server = listen(site);
      out.println(
          "Serving "
              + config
              + " at http://127.0.0.1:"
              + server.getAddress().getPort()
              + "/ (Ctrl-C to stop)");
      out.flush();
      String seen = fingerprint();
      while (!stopped.await(500, TimeUnit.MILLISECONDS)) {
        String now = fingerprint();
        if (!now.equals(seen)) {
          seen = now;
          long t0 = System.nanoTime();
          if (rebuildQuietly(site, err)) {
            out.println(
                String.format(Locale.ROOT, "Rebuilt in %.1f s", (System.nanoTime() - t0) / 1e9));
            out.flush();
          }
        }
      }
      out.println("Stopped.");
      return ExitCode.OK;
    } finally {
      RUNNING.remove(this);
      if (server != null) {
        server.stop(0);
      }
      deleteTree(work);
      cleanedUp.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running
      }
    }
  }

  private void rebuild(Path site, PrintWriter err) {
    SiteBuilder.Result r =
        SiteBuilder.build(
            new SiteBuilder.Request(
                new dev.runwright.site.StaticSiteTarget(),
                dev.runwright.core.Inputs.Request.inventory(
                    config,
                    config.toString(),
                    templates == null ? List.of() : templates,
                    10L * 1024 * 1024,
                    false),
                site,
                site.toString(),
                true,
                redact,
                true,
                Runtime.getRuntime().availableProcessors(),
                SiteBuilder.Progress.NONE));
    r.warnings().forEach(err::println);
    ConfigLoader.Config c = new ConfigLoader(new YamlReader()).load(config, config.toString());
    baseUrl = c instanceof ConfigLoader.Inventory inv ? inv.baseUrl() : null;
    build.incrementAndGet();
  }

  /** Rebuilds; on errors prints them and keeps the last good site. */
  private boolean rebuildQuietly(Path site, PrintWriter err) {
    try {
      rebuild(site, err);
      return true;
    } catch (InvalidInputException | PackException | TemplateError | OutputException e) {
      ErrorHandler.report(e, err);
      err.println("runwright: still serving the last good build");
      err.flush();
      return false;
    }
  }

  /** Modification times and sizes of the inventory and every template file. */
  private String fingerprint() throws IOException {
    StringBuilder sb = new StringBuilder();
    List<Path> watched = new ArrayList<>();
    watched.add(config);
    if (templates != null) {
      watched.addAll(templates);
    }
    for (Path p : watched) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.walk(p)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            stamp(sb, f);
          }
        }
      } else {
        stamp(sb, p);
      }
    }
    return sb.toString();
  }

  private static void stamp(StringBuilder sb, Path f) throws IOException {
    if (Files.exists(f)) {
      sb.append(f)
          .append(':')
          .append(Files.getLastModifiedTime(f).toMillis())
          .append(':')
          .append(Files.size(f))
          .append('\n');
    }
  }

  private HttpServer listen(Path site) throws IOException {
    HttpServer s;
    try {
      s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      throw new OutputException(
          "cannot listen on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "); choose another port with --port");
    }
    s.createContext("/", exchange -> serve(exchange, site));
    s.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "runwright-serve");
              t.setDaemon(true);
              return t;
            }));
    s.start();
    return s;
  }

  /** Whether a Host header names this machine: 127.0.0.1, localhost or [::1], any port. */
  static boolean localHost(String host) {
    if (host == null) {
      return true; // HTTP/1.0 clients send none; the socket is bound to 127.0.0.1 anyway
    }
    String h = host.toLowerCase(Locale.ROOT);
    String name =
        h.startsWith("[") ? h.substring(0, h.indexOf(']') + 1) : h.replaceFirst(":.*$", "");
    return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
  }

  private void serve(HttpExchange ex, Path site) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
        send(ex, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!localHost(ex.getRequestHeaders().getFirst("Host"))) {
        // A page elsewhere could point a DNS name at 127.0.0.1 and read the preview (DNS
        // rebinding); the preview answers only to the names of this machine.
        send(
            ex,
            421,
            "text/plain; charset=utf-8",
            "this preview answers only to 127.0.0.1 and localhost\n"
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
      if (path.equals(RELOAD_PATH)) {
        send(
            ex,
            200,
            "text/plain; charset=utf-8",
            String.valueOf(build.get()).getBytes(StandardCharsets.UTF_8));
        return;
      }
      Path root = site.toAbsolutePath().normalize();
      Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
      if (!file.startsWith(root)) {
        send(
            ex,
            403,
            "text/plain; charset=utf-8",
            "outside the site\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (Files.isDirectory(file) && !path.endsWith("/")) {
        // As every static host does: relative links in the folder's page need the slash.
        ex.getResponseHeaders().set("Location", ex.getRequestURI().getRawPath() + "/");
        send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      int status = 200;
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        status = 404;
        file = root.resolve("404.html");
      }
      byte[] body = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
      String base = baseUrl;
      if (status == 404 && base != null) {
        // The published 404 page links to the production site; the preview serves the root.
        body =
            new String(body, StandardCharsets.UTF_8)
                .replace(base, "/")
                .getBytes(StandardCharsets.UTF_8);
      }
      String type = type(file.getFileName().toString());
      if (type.startsWith("text/html")) {
        body = withReload(body);
      }
      send(ex, status, type, body);
    }
  }

  private static byte[] withReload(byte[] html) {
    String s = new String(html, StandardCharsets.UTF_8);
    int end = s.lastIndexOf("</body>");
    s = end < 0 ? s + RELOAD_SCRIPT : s.substring(0, end) + RELOAD_SCRIPT + s.substring(end);
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    }
  }

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "json", "application/json; charset=utf-8",
          "md", "text/markdown; charset=utf-8",
          "xml", "application/xml; charset=utf-8",
          "txt", "text/plain; charset=utf-8");

  private static String type(String name) {
    int dot = name.lastIndexOf('.');
    return TYPES.getOrDefault(
        dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT),
        "application/octet-stream");
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder: the OS cleans it eventually
    }
  }
}
