package fr.passerelle.gateway.problem;

import fr.passerelle.edge.Correlation;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, as problems, the requests the HTTP/1.1 codec cannot read: a request line over the
 * server's limit (414), headers over it (431), or a line or header that is not HTTP (400). Reactor
 * Netty answers these itself, without a body ({@code HttpServerOperations.sendDecodingFailures},
 * called by its {@code HttpTrafficHandler} when a request's {@code decoderResult()} is a failure),
 * and offers no hook for the answer; its maintainers point to a channel handler of one's own
 * (reactor-netty#3327). This one sits between the codec and Reactor Netty's handler, so that such a
 * request never reaches Reactor Netty.
 *
 * <p>Answers go in the order of requests: while answers to earlier requests of the connection are
 * still being written (pipelining, or an exchange that ends after its last byte is sent), the
 * problem waits for the last of them. The connection is then closed, lingering (RFC 9112, 9.6) as
 * {@link LingeringClose} does after a body: the gateway ends its side, reads and drops what the
 * client still sends (the codec discards it) and closes at its end or after {@link
 * LingeringClose#LINGER}. Closed at once, with a long request line still coming, the connection was
 * reset and a client that writes its whole request before it reads never saw the answer.
 */
final class CodecRefusals extends ChannelDuplexHandler {

  /** Its name in the pipeline. */
  static final String NAME = "passerelle.codecRefusals";

  private static final Logger LOG = LoggerFactory.getLogger(CodecRefusals.class);

  private final Problems.Problem lineTooLong;
  private final Problems.Problem headersTooLarge;

  /** Requests passed on whose answer has not been written to its end yet. */
  private int due;

  /** Requests passed on, and final answers begun (their head written), on this connection. */
  private long passed;

  private long begun;

  /** How many answers still due must be written before {@link #held}. */
  private int awaited;

  /** Whether the problem is written: Reactor Netty's late writes for that request are dropped. */
  private boolean answered;

  /** Whether the connection is closed once the answer being written ends. */
  private boolean closeAfterAnswer;

  /** Whether the codec failed: nothing more is read from the connection. */
  private boolean refused;

  /** The problem of an unreadable request, waiting for the answers due before it. */
  private FullHttpResponse held;

  /** The close at the end of the linger, once the problem is written. */
  private ScheduledFuture<?> lingerEnd;

  /** The method of the last request passed on (the answer to a HEAD has no body). */
  private HttpMethod lastMethod = HttpMethod.GET;

  CodecRefusals(int maxInitialLineLength, int maxHeaderSize) {
    this.lineTooLong = Problems.targetTooLong(maxInitialLineLength);
    this.headersTooLarge = Problems.headersTooLarge(maxHeaderSize);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request) {
      if (request.decoderResult().isFailure()) {
        refuse(ctx, answer(request.method(), request.decoderResult().cause()), due);
        ReferenceCountUtil.release(msg);
        return;
      }
      due++;
      passed++;
      lastMethod = request.method();
    } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
      refuseBody(ctx, content.decoderResult().cause());
      ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * The body of the last request passed on cannot be read (a chunk size that is not a hexadecimal
   * number): Reactor Netty would leave it unanswered. Unless its answer has begun (then the
   * connection closes at the answer's end, or at once when it has ended), that request is answered
   * here once the answers due before it are written; Reactor Netty's exchange, waiting for a body
   * that will not come, ends with the connection.
   */
  private void refuseBody(ChannelHandlerContext ctx, Throwable failure) {
    if (begun == passed) {
      refused = true;
      if (due == 0) {
        linger(ctx);
      } else {
        closeAfterAnswer = true;
      }
      return;
    }
    refuse(ctx, answer(lastMethod, failure), due - 1);
    answered = true;
  }

  private void refuse(ChannelHandlerContext ctx, FullHttpResponse answer, int answersBefore) {
    refused = true;
    if (answersBefore <= 0) {
      send(ctx, answer);
    } else {
      held = answer;
      awaited = answersBefore;
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (answered && msg instanceof HttpObject && held == null) {
      ReferenceCountUtil.release(msg);
      promise.trySuccess();
      return;
    }
    if (msg instanceof HttpResponse response
        && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
      begun++;
    }
    boolean ends = endsAnAnswer(msg);
    ctx.write(msg, promise);
    if (!ends || due == 0) {
      return;
    }
    due--;
    if (held != null && --awaited == 0) {
      FullHttpResponse answer = held;
      held = null;
      send(ctx, answer);
    } else if (closeAfterAnswer && due == 0) {
      ctx.flush();
      linger(ctx);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (lingerEnd != null) {
      ctx.read();
      return;
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (lingerEnd != null) {
      lingerEnd.cancel(false);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (held != null) {
      held.release();
      held = null;
    }
  }

  /** The last part of a final answer (an informational one, such as 100 Continue, is not). */
  private static boolean endsAnAnswer(Object msg) {
    if (!(msg instanceof LastHttpContent)) {
      return false;
    }
    return !(msg instanceof HttpResponse response)
        || response.status().codeClass() != HttpStatusClass.INFORMATIONAL;
  }

  private FullHttpResponse answer(HttpMethod method, Throwable failure) {
    Problems.Problem problem = problemFor(failure);
    String requestId = Correlation.requestId(null);
    LOG.debug("[{}] refused an unreadable request: {}", requestId, failure.toString());
    byte[] body = Problems.json(problem, null, requestId).getBytes(StandardCharsets.UTF_8);
    boolean head = HttpMethod.HEAD.equals(method);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(problem.status().value()),
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .set(Correlation.REQUEST_ID_HEADER, requestId)
        .set("X-Content-Type-Options", "nosniff")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    return response;
  }

  private Problems.Problem problemFor(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TooLongHttpLineException) {
        return lineTooLong;
      }
      if (cause instanceof TooLongHttpHeaderException) {
        return headersTooLarge;
      }
    }
    return Problems.UNREADABLE;
  }

  private void send(ChannelHandlerContext ctx, FullHttpResponse answer) {
    ctx.writeAndFlush(answer).addListener(written -> linger(ctx));
  }

  /** Ends the gateway's side, drops what the client still sends, and closes at its end. */
  private void linger(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive() || !(ctx.channel() instanceof DuplexChannel channel)) {
      ctx.close();
      return;
    }
    lingerEnd =
        ctx.executor()
            .schedule(
                () -> {
                  ctx.close();
                },
                LingeringClose.LINGER.toMillis(),
                TimeUnit.MILLISECONDS);
    channel.shutdownOutput();
    ctx.read();
  }
}
