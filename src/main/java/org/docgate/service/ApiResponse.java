package org.docgate.service;

/** One HTTP answer of the service API: status, media type, body. */
public record ApiResponse(int status, String contentType, String body) {
  public static final String JSON = "application/json; charset=utf-8";
  public static final String HTML = "text/html; charset=utf-8";
  public static final String SVG = "image/svg+xml";
}
