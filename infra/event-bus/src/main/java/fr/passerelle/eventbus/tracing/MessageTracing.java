package fr.passerelle.eventbus.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The spans of what a request causes beyond its HTTP calls (ADR 43): the handling of its commands,
 * of the events they cause, their publication to Kafka and their consumption. Where the work leaves
 * the thread that traced it (an event stored, then read by a processor; a record sent, then polled
 * by a consumer), the context of its span travels with the message as W3C trace context ({@code
 * traceparent}, {@code tracestate}), in the message's metadata or the record's headers, and the
 * next span is started as its child.
 *
 * <p>Span names are the kind of work and the type of message, never their content: no personal data
 * goes into a trace.
 */
public final class MessageTracing {

  private final Tracer tracer;
  private final Propagator propagator;

  public MessageTracing(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** No spans and no context, for what runs without tracing. */
  public static MessageTracing none() {
    return new MessageTracing(Tracer.NOOP, Propagator.NOOP);
  }

  /** Spans by {@code tracer}; none when the service runs without a tracer (null). */
  public static MessageTracing of(Tracer tracer, Propagator propagator) {
    return tracer == null || propagator == null ? none() : new MessageTracing(tracer, propagator);
  }

  /** Whether it makes spans at all: {@link #none()} makes none. */
  public boolean traces() {
    return tracer != Tracer.NOOP;
  }

  /** The context of the current span, as the headers that carry it (empty when there is none). */
  public Map<String, String> currentContext() {
    Span span = tracer.currentSpan();
    Map<String, String> context = new LinkedHashMap<>();
    if (span != null && !span.isNoop()) {
      propagator.inject(span.context(), context, Map::put);
    }
    return context;
  }

  /** The header names of the context, as the propagator writes them. */
  public Iterable<String> fields() {
    return propagator.fields();
  }

  /**
   * Starts a span whose parent is the context that {@code headers} carries (a header by name, null
   * when absent); without one, the span starts a new trace.
   */
  public Span startChildOf(Function<String, String> headers, String name, Span.Kind kind) {
    Span.Builder builder = propagator.extract(headers, (carrier, key) -> carrier.apply(key));
    if (kind != null) {
      builder = builder.kind(kind);
    }
    return builder.name(name).start();
  }

  /** Starts a span child of the current one (a new trace when there is none). */
  public Span startChild(String name, Span.Kind kind) {
    Span.Builder builder = tracer.spanBuilder();
    Span current = tracer.currentSpan();
    if (current != null) {
      builder = builder.setParent(current.context());
    }
    if (kind != null) {
      builder = builder.kind(kind);
    }
    return builder.name(name).start();
  }

  /** Writes the context of {@code span} as headers, for the next process to continue the trace. */
  public void inject(Span span, BiConsumer<String, String> headers) {
    propagator.inject(span.context(), headers, BiConsumer::accept);
  }

  /**
   * Makes {@code span} the current one (its trace and span ids in the logging context) until the
   * returned scope is closed.
   */
  public Tracer.SpanInScope inScope(Span span) {
    return tracer.withSpan(span);
  }

  /** Runs {@code work} in {@code span}, records its failure, and ends the span. */
  public <T> T within(Span span, ThrowingSupplier<T> work) throws Exception {
    try (var ignored = inScope(span)) {
      return work.get();
    } catch (Exception | Error e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** Work that may throw. */
  @FunctionalInterface
  public interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
