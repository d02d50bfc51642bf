package org.docgate.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.docgate.service.ApiResponse;

/** Turns the API's {@link ApiResponse} into the HTTP answer, dropping every request header first (none is echoed). */
public final class HttpAnswers {
  public void write(Exchange exchange) {
    Message m = exchange.getMessage();
    ApiResponse r = m.getBody(ApiResponse.class);
    m.removeHeaders("*");
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, r.status());
    m.setHeader(Exchange.CONTENT_TYPE, r.contentType());
    // Cache-Control: Camel's HTTP header filter drops it from the message; HttpGuard puts it on every answer
    m.setHeader("X-Content-Type-Options", "nosniff");
    m.setBody(r.body());
  }
}
