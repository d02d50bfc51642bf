package org.docgate.camel;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Collects the bodies of a split into one list, like Camel's GroupedBodyAggregationStrategy, except that a split
 * over nothing gives an empty list instead of leaving the original body (an empty corpus is a valid corpus).
 */
final class CollectBodies implements AggregationStrategy {

  @Override
  @SuppressWarnings("unchecked")
  public Exchange aggregate(Exchange collected, Exchange next) {
    if (collected == null) {
      List<Object> list = new ArrayList<>();
      list.add(next.getMessage().getBody());
      next.getMessage().setBody(list);
      return next;
    }
    collected.getMessage().getBody(List.class).add(next.getMessage().getBody());
    return collected;
  }

  @Override
  public void onCompletion(Exchange exchange, Exchange input) {
    // Nothing was split: Camel hands back the input exchange, whose body is still what was split.
    Exchange result = exchange != null ? exchange : input;
    if (result != null && !(result.getMessage().getBody() instanceof List)) {
      result.getMessage().setBody(new ArrayList<>());
    }
  }
}
