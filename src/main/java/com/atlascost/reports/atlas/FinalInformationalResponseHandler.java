package com.atlascost.reports.atlas;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;

/**
 * Makes a connection that answered a 1xx as a final status (Atlas's
 * {@code 102 Processing}) single-use.
 * <p>
 * Reactor Netty hands such a response to the caller as the final one, but the connection
 * is then in an unknown state: Netty's decoder assumes a 1xx has no body (any body the
 * server sent would be read as the next response), and a server whose own stack treats
 * the 1xx as interim (Reactor Netty's does) still thinks the request is open and never
 * reads the next one on that connection, so the next pooled request waits until the
 * response timeout. Marking the response {@code Connection: close} makes Reactor Netty
 * close the connection instead of returning it to the pool (not so for 100 and 101).
 */
class FinalInformationalResponseHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "atlasFinalInformationalResponse";

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (message instanceof HttpResponse response
				&& isFinalInformational(response.status().code(), response.status().codeClass())) {
			response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		}
		super.channelRead(context, message);
	}

	private static boolean isFinalInformational(int code, HttpStatusClass statusClass) {
		return statusClass == HttpStatusClass.INFORMATIONAL && code != 100 && code != 101;
	}

}
