package com.atlascost.reports.atlas;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import io.netty.channel.ChannelOption;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;

/** The one Reactor Netty client behind every Atlas call, token requests included. */
final class AtlasHttpConnector {

	private AtlasHttpConnector() {
	}

	static ClientHttpConnector create(AtlasProperties.Timeouts timeouts) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeouts.connect().toMillis()))
			.responseTimeout(timeouts.read())
			.doOnChannelInit((observer, channel, remoteAddress) -> {
				if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
					channel.pipeline()
						.addAfter(NettyPipeline.HttpCodec, FinalInformationalResponseHandler.NAME,
								new FinalInformationalResponseHandler());
				}
			});
		return new ReactorClientHttpConnector(httpClient);
	}

}
