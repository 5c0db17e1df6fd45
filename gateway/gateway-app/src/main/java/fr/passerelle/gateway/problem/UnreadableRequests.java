package fr.passerelle.gateway.problem;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpRequestDecoderSpec;

/**
 * Requests refused by the HTTP server before any filter of the gateway can run get a problem like
 * every other refusal: those whose target is not a URI ({@link MalformedTargets}) and those the
 * HTTP codec cannot read ({@link CodecRefusals}); and a connection closed after an answer given
 * before the request's body was read lingers until that body is in ({@link LingeringClose}), so
 * that the client reads the answer. Runs last among the server's customisers, so that the problems
 * state the codec's limits as configured ({@code server.netty.max-initial-line-length}, {@code
 * server.max-http-request-header-size}).
 */
@Component
class UnreadableRequests
    implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

  @Override
  public void customize(NettyReactiveWebServerFactory factory) {
    factory.addRouteProviders(new MalformedTargets());
    factory.addServerCustomizers(
        server -> {
          HttpRequestDecoderSpec decoder = server.configuration().decoder();
          int maxInitialLineLength = decoder.maxInitialLineLength();
          int maxHeaderSize = decoder.maxHeaderSize();
          return server.doOnChannelInit(
              (observer, channel, remoteAddress) -> {
                if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                  channel
                      .pipeline()
                      .addAfter(
                          NettyPipeline.HttpCodec,
                          CodecRefusals.NAME,
                          new CodecRefusals(maxInitialLineLength, maxHeaderSize))
                      .addAfter(NettyPipeline.HttpCodec, LingeringClose.NAME, new LingeringClose());
                }
              });
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
