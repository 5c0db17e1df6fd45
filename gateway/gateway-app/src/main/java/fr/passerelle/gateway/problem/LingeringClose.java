package fr.passerelle.gateway.problem;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection only once the client has sent the body of its last request, or after {@link
 * #LINGER}: a lingering close (RFC 9112, 9.6). An answer given before the request's body is read (a
 * malformed target, a body declared over the limit, a refused token) on a connection that is not
 * kept alive was followed by Reactor Netty's close at once ({@code
 * HttpTrafficHandler.handleLastHttpContent}); with the body still unread, the kernel reset the
 * connection, and a client that writes its whole body before it reads never saw the answer. Here
 * the gateway ends its side of the connection (the client reads the answer, then the end), reads
 * and drops what the client still sends, and closes.
 */
final class LingeringClose extends ChannelDuplexHandler {

  /** Its name in the pipeline. */
  static final String NAME = "passerelle.lingeringClose";

  /** How long, at most, the gateway waits for the end of a body it will not read. */
  static final Duration LINGER = Duration.ofSeconds(5);

  /** Whether a request's body is still coming (its request read, its last part not yet). */
  private boolean bodyComing;

  /** The close waiting for the end of the body, when lingering. */
  private ChannelPromise closing;

  private ScheduledFuture<?> deadline;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing != null) {
      boolean last = msg instanceof LastHttpContent;
      ReferenceCountUtil.release(msg);
      if (last) {
        closeNow(ctx);
      } else {
        ctx.read();
      }
      return;
    }
    if (msg instanceof HttpRequest) {
      bodyComing = true;
    }
    if (msg instanceof LastHttpContent) {
      bodyComing = false;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (closing != null) {
      ctx.read();
      return;
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (closing != null) {
      closing.addListener(closed -> promise.trySuccess());
      return;
    }
    if (!bodyComing
        || !ctx.channel().isActive()
        || !(ctx.channel() instanceof DuplexChannel channel)) {
      ctx.close(promise);
      return;
    }
    closing = promise.unvoid();
    deadline =
        ctx.executor().schedule(() -> closeNow(ctx), LINGER.toMillis(), TimeUnit.MILLISECONDS);
    channel.shutdownOutput();
    ctx.read();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (closing != null) {
      closeNow(ctx);
    }
    ctx.fireChannelInactive();
  }

  private void closeNow(ChannelHandlerContext ctx) {
    ChannelPromise promise = closing;
    if (promise == null) {
      return;
    }
    closing = null;
    if (deadline != null) {
      deadline.cancel(false);
    }
    ctx.close(promise);
  }
}
