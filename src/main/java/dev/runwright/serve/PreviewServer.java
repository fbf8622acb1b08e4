package dev.runwright.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runwright.io.OutputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Serves a built site on 127.0.0.1 with the JDK's HTTP server, as static hosts do (a folder's
 * {@code index.html}, a redirect for a folder without its slash, the site's {@code 404.html}),
 * answering only to this machine's names (against DNS rebinding), and adding to each page a script
 * that reloads it after a rebuild.
 */
public final class PreviewServer implements AutoCloseable {
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  static final String RELOAD_PATH = "/__runwright/build";
  private static final String RELOAD_SCRIPT =
      "<script>(function(){var b=null;setInterval(function(){fetch('"
          + RELOAD_PATH
          + "').then(function(r){return r.text()}).then(function(t){if(b!==null&&t!==b)"
          + "location.reload();b=t}).catch(function(){})},1000)})();</script>";

  private final int port;
  private final LongSupplier build;
  private final Supplier<String> baseUrl;
  private HttpServer server;

  /**
   * @param port the port on 127.0.0.1, 0 for a free one
   * @param build the number of the current build, which pages poll to reload
   * @param baseUrl the inventory's base URL, which the preview's 404 page links as its root
   */
  public PreviewServer(int port, LongSupplier build, Supplier<String> baseUrl) {
    this.port = port;
    this.build = build;
    this.baseUrl = baseUrl;
  }

  /** Starts serving {@code site}; returns the port. */
  public int start(Path site) throws IOException {
    server = listen(site);
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  private HttpServer listen(Path site) throws IOException {
    // The JDK's server writes a response's headers and body apart with Nagle's algorithm on, so
    // the body waits for the browser's delayed acknowledgement, about 40 ms a response. Read once,
    // when the JVM's first server is made; a value the user set is kept.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
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
  public static boolean localHost(String host) {
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
            String.valueOf(build.getAsLong()).getBytes(StandardCharsets.UTF_8));
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
      String base = baseUrl.get();
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
}
