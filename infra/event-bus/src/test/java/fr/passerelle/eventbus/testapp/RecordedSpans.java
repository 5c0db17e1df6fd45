package fr.passerelle.eventbus.testapp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The spans the service ended, as a collector would receive them (the latest 10,000). */
public class RecordedSpans implements SpanExporter {

  private static final int KEPT = 10_000;
  private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();

  @Override
  public CompletableResultCode export(Collection<SpanData> exported) {
    spans.addAll(exported);
    while (spans.size() > KEPT) {
      spans.pollFirst();
    }
    return CompletableResultCode.ofSuccess();
  }

  /** The spans of trace {@code traceId} received so far. */
  public List<SpanData> ofTrace(String traceId) {
    List<SpanData> found = new ArrayList<>();
    for (SpanData span : spans) {
      if (span.getTraceId().equals(traceId)) {
        found.add(span);
      }
    }
    return found;
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
