package com.atlascost.reports.atlas;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import io.netty.channel.ChannelOption;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** The one Reactor Netty client behind every Atlas call, token requests included. */
final class AtlasHttpConnector {

	private AtlasHttpConnector() {
	}

	/**
	 * Reactor Netty's default pool (16 connections on a small machine, 32 waiting) fails
	 * requests beyond that with an exception: with dozens of queries in flight the pool
	 * must let calls wait for a connection instead. The wait is bounded by the connect
	 * timeout plus the read timeout.
	 */
	private static final int MAX_CONNECTIONS = 64;

	static ClientHttpConnector create(AtlasProperties.Timeouts timeouts) {
		ConnectionProvider pool = ConnectionProvider.builder("atlas")
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(timeouts.connect().plus(timeouts.read()))
			.build();
		HttpClient httpClient = HttpClient.create(pool)
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
