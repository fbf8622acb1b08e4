package dev.runwright.confluence;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * HTTP to one Confluence site: adds the credentials, retries what may be retried, and refuses any
 * redirect that leaves the site.
 *
 * <ul>
 *   <li>429 Too Many Requests: retried for any method (the request was not carried out), after the
 *       Retry-After the response gives or a doubling delay, a bounded number of times.
 *   <li>5xx and lost connections: retried only for GET, PUT and DELETE, a bounded number of times;
 *       a POST is never sent twice, since the first one may have created the page.
 *   <li>Redirects: followed only for GET and only to the same scheme, host and port; a redirect to
 *       another host is refused, so the credentials never go anywhere but the site given.
 * </ul>
 *
 * <p>The token is only ever in the Authorization header; every message this class makes is passed
 * through {@link #scrub} so that a server echoing it back cannot put it into an error.
 */
final class RestClient {
  /** Waits between attempts; tests replace it so that they do not wait. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** A response, whatever its status. */
  record Response(int status, String body) {}

  static final int RATE_LIMIT_ATTEMPTS = 6;
  static final int SERVER_ERROR_RETRIES = 3;
  static final Duration MAX_WAIT = Duration.ofSeconds(120);
  private static final int MAX_REDIRECTS = 5;
  private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE");

  private final URI root;
  private final String authorization;
  private final List<String> secrets;
  private final HttpClient http;
  private final Sleeper sleeper;

  RestClient(ConfluenceTarget target, String token, HttpClient http, Sleeper sleeper) {
    this.root = target.apiRoot();
    if (target.flavor() == ConfluenceTarget.Flavor.CLOUD) {
      String pair = target.user() + ":" + token;
      String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      this.authorization = "Basic " + basic;
      this.secrets = List.of(pair, basic, token);
    } else {
      this.authorization = "Bearer " + token;
      this.secrets = List.of(token);
    }
    this.http = Objects.requireNonNull(http);
    this.sleeper = Objects.requireNonNull(sleeper);
  }

  static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(20))
        .build();
  }

  /** The REST root requests are made under, for messages. */
  URI root() {
    return root;
  }

  /**
   * Sends one request and returns its final response after the retries above.
   *
   * @param path the path under the REST root with its query, starting with {@code /}
   * @param json the request body, or null
   */
  Response send(String method, String path, String json) {
    URI uri = URI.create(root + path);
    int rateLimited = 0;
    int serverErrors = 0;
    int redirects = 0;
    while (true) {
      HttpResponse<String> r;
      try {
        r = http.send(request(method, uri, json), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (IDEMPOTENT.contains(method) && serverErrors++ < SERVER_ERROR_RETRIES) {
          pause(backoff(serverErrors), method, path);
          continue;
        }
        throw new ConfluenceException(
            method
                + " "
                + shown(uri)
                + ": "
                + scrub(e.getClass().getSimpleName() + ": " + e.getMessage())
                + (method.equals("POST") ? " (it may or may not have been carried out)" : ""));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConfluenceException(method + " " + shown(uri) + ": interrupted");
      }
      int status = r.statusCode();
      if (status == 429 && ++rateLimited < RATE_LIMIT_ATTEMPTS) {
        pause(retryAfter(r, backoff(rateLimited)), method, path);
        continue;
      }
      if (status >= 500 && IDEMPOTENT.contains(method) && serverErrors++ < SERVER_ERROR_RETRIES) {
        pause(retryAfter(r, backoff(serverErrors)), method, path);
        continue;
      }
      if (status >= 300 && status < 400 && status != 304) {
        uri = redirect(method, uri, r);
        if (++redirects > MAX_REDIRECTS) {
          throw new ConfluenceException(method + " " + shown(uri) + ": too many redirects");
        }
        continue;
      }
      return new Response(status, r.body() == null ? "" : r.body());
    }
  }

  private HttpRequest request(String method, URI uri, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("User-Agent", "Runwright");
    if (json == null) {
      return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return b.header("Content-Type", "application/json; charset=utf-8")
        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
  }

  /** The redirect's target when it may be followed; a refusal naming both hosts otherwise. */
  private URI redirect(String method, URI from, HttpResponse<String> r) {
    String location = r.headers().firstValue("Location").orElse("");
    URI to;
    try {
      to = from.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfluenceException(
          method + " " + shown(from) + ": HTTP " + r.statusCode() + " to an invalid location");
    }
    if (!sameOrigin(from, to)) {
      throw new ConfluenceException(
          method
              + " "
              + shown(from)
              + ": refused to follow a redirect to "
              + origin(to)
              + ": Runwright sends the token only to "
              + origin(from)
              + "; give the URL Confluence answers at");
    }
    if (!method.equals("GET")) {
      throw new ConfluenceException(
          method
              + " "
              + shown(from)
              + ": HTTP "
              + r.statusCode()
              + " redirect to "
              + shown(to)
              + "; a write is not redirected: give the URL Confluence answers at");
    }
    return to;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static String origin(URI u) {
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }

  /** A URI for a message: origin and path, without the query. */
  static String shown(URI u) {
    return origin(u) + (u.getRawPath() == null ? "" : u.getRawPath());
  }

  /** 1, 2, 4, 8 ... seconds, at most 30. */
  private static Duration backoff(int attempt) {
    return Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt - 1, 5)));
  }

  /** The wait a Retry-After header asks for (seconds or an HTTP date), or {@code fallback}. */
  static Duration retryAfter(HttpResponse<?> r, Duration fallback) {
    String v = r.headers().firstValue("Retry-After").orElse("").strip();
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return fallback;
      }
    }
  }

  private void pause(Duration d, String method, String path) {
    if (d.compareTo(MAX_WAIT) > 0) {
      throw new ConfluenceException(
          method
              + " "
              + shown(URI.create(root + path))
              + ": Confluence asks to wait "
              + d.toSeconds()
              + " s before the next request; publish again later");
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfluenceException(method + " " + path + ": interrupted");
    }
  }

  /** {@code text} with the token, and the credentials made from it, masked. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String s : secrets) {
      if (!s.isEmpty()) {
        out = out.replace(s, "****");
      }
    }
    return out;
  }

  /** The one-line error for a response with an unexpected status, with Confluence's message. */
  ConfluenceException failure(String method, String path, Response r) {
    String hint =
        switch (r.status()) {
          case 401 ->
              "; Confluence did not accept the credentials: check the token (and, on Cloud, the"
                  + " account's email)";
          case 403 -> "; the token's user may not do this in the space";
          default -> "";
        };
    String message = scrub(ContentApi.errorMessage(r.body()));
    return new ConfluenceException(
        method
            + " "
            + shown(URI.create(root + path))
            + ": HTTP "
            + r.status()
            + (message.isEmpty() ? "" : ": " + message)
            + hint);
  }
}
