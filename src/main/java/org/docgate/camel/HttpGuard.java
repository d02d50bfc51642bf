package org.docgate.camel;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Field;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.docgate.service.Api;
import org.docgate.service.ApiResponse;
import org.docgate.service.RequestGuard;

/**
 * The service's HTTP front door on the Vert.x router, ahead of every Camel route: the {@link RequestGuard} checks
 * (Host, Origin, no token in the URL), {@code Cache-Control: no-store} and {@code nosniff} on every answer (Camel's
 * header filter drops a {@code Cache-Control} set on the message), and JSON instead of Vert.x's HTML for what no route
 * takes (a path Vert.x cannot decode, such as {@code /api/%}, or an unknown one). Also the one place that reads the
 * {@code Authorization} header from the request itself: Camel merges query and form parameters into its headers.
 */
public final class HttpGuard {
  /** The request's own {@code Authorization} header, for the routes (never a query or form parameter). */
  public static final String AUTHORIZATION = "DocgateAuthorization";

  private final RequestGuard guard;
  private volatile boolean installed;

  HttpGuard(RequestGuard guard) {
    this.guard = guard;
  }

  /**
   * Puts the guard first on the service's root Vert.x router, and JSON error pages on it. The root router, not the
   * sub-router Camel hands out: a path Vert.x cannot decode ({@code /api/%}) and a path no route takes fail in the
   * root before any sub-router route runs, and only the root's error handlers see them. Camel keeps the root router
   * private ({@code MainHttpServer.server.router}), so it is read by reflection; ApiAuthTest fails if a Camel upgrade
   * moves it, and the service refuses to start without its guard.
   */
  void install(CamelContext camel) {
    MainHttpServer main = camel.hasService(MainHttpServer.class);
    if (main == null) {
      throw new IllegalStateException("the service's HTTP server is not running");
    }
    Router root = (Router) field(field(main, "server"), "router");
    root.route().order(Integer.MIN_VALUE).handler(this::guard);
    errorsAsJson(root);
    installed = true;
  }

  boolean installed() {
    return installed;
  }

  private static Object field(Object owner, String name) {
    try {
      Field f = owner.getClass().getDeclaredField(name);
      f.setAccessible(true);
      Object value = f.get(owner);
      if (value == null) {
        throw new IllegalStateException(owner.getClass().getSimpleName() + "." + name + " is not set");
      }
      return value;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot put the request guard on Camel's HTTP server ("
          + owner.getClass().getName() + "." + name + "): " + e, e);
    }
  }

  private void guard(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff");
    HttpServerRequest request = ctx.request();
    Set<String> queryNames;
    try {
      queryNames = ctx.queryParams().names();
      URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8); // throws where Vert.x would
    } catch (RuntimeException e) {
      answer(ctx, Api.error(400, "malformed percent-encoding in the request URI"));
      return;
    }
    String host = request.getHeader("Host");
    if (host == null && request.authority() != null) {
      host = request.authority().toString(); // HTTP/2 :authority
    }
    Optional<ApiResponse> refusal = guard.refusal(request.method().name(), host, request.getHeader("Origin"),
        request.getHeader("Sec-Fetch-Site"), queryNames);
    if (refusal.isPresent()) {
      answer(ctx, refusal.get());
      return;
    }
    ctx.next();
  }

  private static void errorsAsJson(Router router) {
    router.errorHandler(400, ctx -> answer(ctx, Api.error(400, "bad request")));
    router.errorHandler(404, ctx -> answer(ctx, Api.error(404, "no such endpoint")));
    router.errorHandler(405, ctx -> answer(ctx, Api.error(405, "method not allowed")));
    router.errorHandler(500, ctx -> answer(ctx, Api.error(500, "internal error")));
  }

  private static void answer(RoutingContext ctx, ApiResponse r) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(r.status()).putHeader("Content-Type", r.contentType())
        .putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff").end(r.body());
  }

  /** Route step: copies the request's own Authorization header (or nothing) to {@link #AUTHORIZATION}. */
  public void trustedHeaders(Exchange exchange) {
    var message = exchange.getMessage();
    message.removeHeader(AUTHORIZATION);
    if (exchange.getIn() instanceof HttpMessage http && http.getRequest() != null) {
      String value = http.getRequest().getHeader("Authorization");
      if (value != null) {
        message.setHeader(AUTHORIZATION, value);
      }
    }
  }
}
