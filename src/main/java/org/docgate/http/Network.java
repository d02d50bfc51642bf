package org.docgate.http;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What the external link check may use of the outside world, injected: whether it may use the network at all, the
 * resolver (a fake one in tests), the environment (for header tokens) and where its cache lives (null: the
 * configured or default data directory).
 */
public record Network(boolean offline, Resolver resolver, UnaryOperator<String> env, Path cacheDirectory,
    UrlBook urlBook) {

  public Network(boolean offline, Resolver resolver, UnaryOperator<String> env, Path cacheDirectory) {
    this(offline, resolver, env, cacheDirectory, null);
  }

  /** No network at all: external links are counted as unchecked. The default of library callers and tests. */
  public static Network none() {
    return new Network(true, host -> {
      throw new java.net.UnknownHostException("offline");
    }, name -> null, null);
  }

  /** The real network: the system resolver and environment. */
  public static Network system() {
    return new Network(false, Resolver.SYSTEM, System::getenv, null);
  }

  public Network withResolver(Resolver r) {
    return new Network(offline, r, env, cacheDirectory, urlBook);
  }

  public Network withEnv(UnaryOperator<String> e) {
    return new Network(offline, resolver, e, cacheDirectory, urlBook);
  }

  public Network withCacheDirectory(Path dir) {
    return new Network(offline, resolver, env, dir, urlBook);
  }

  /**
   * Fleet mode: external URLs are not checked inline; their results come from {@code book} (the fleet's URL store,
   * filled by the workers that own the hosts).
   */
  public Network withUrlBook(UrlBook book) {
    return new Network(offline, resolver, env, cacheDirectory, book);
  }

  /** {@code ${XDG_CACHE_HOME:-~/.cache}/docgate}. */
  public Path defaultDataDirectory() {
    String xdg = env.apply("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("docgate");
  }
}
