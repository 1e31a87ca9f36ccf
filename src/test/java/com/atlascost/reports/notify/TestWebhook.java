package com.atlascost.reports.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A local webhook receiver on a free loopback port (Reactor Netty, as the sandbox). Its
 * URL has a secret-looking path, as Slack's and Teams' do, that a test can look for in
 * everything delivery produced. It can refuse the next posts with a status.
 */
public final class TestWebhook implements AutoCloseable {

	public static final String SECRET_PATH = "/services/T000/B000/hook-Secret-Token-42";

	private final DisposableServer server;

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final AtomicInteger refusals = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile int refusalStatus = 500;

	private TestWebhook() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	public static TestWebhook start() {
		return new TestWebhook();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
			this.requests.incrementAndGet();
			boolean right = request.method().name().equals("POST") && request.path().equals(SECRET_PATH.substring(1))
					&& String.valueOf(request.requestHeaders().get("Content-Type")).startsWith("application/json");
			int status = (this.refusals.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) ? this.refusalStatus
					: right ? 200 : 404;
			if (status == 200) {
				this.bodies.add(body);
			}
			return response.status(status).sendString(Mono.just((status == 200) ? "ok" : "no")).then();
		});
	}

	/** The URL to post to, secret path included. */
	public String url() {
		return "http://127.0.0.1:" + this.server.port() + SECRET_PATH;
	}

	/** The JSON bodies accepted, in order. */
	public List<String> bodies() {
		return List.copyOf(this.bodies);
	}

	/** Every request that arrived, refused ones included. */
	public int requests() {
		return this.requests.get();
	}

	/** Answers the next {@code count} posts with {@code status}. */
	public void refuseNext(int count, int status) {
		this.refusalStatus = status;
		this.refusals.set(count);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
