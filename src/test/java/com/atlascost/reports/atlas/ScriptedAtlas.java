package com.atlascost.reports.atlas;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A scriptable fake Atlas over real HTTP, without authentication: {@code answers} gives
 * each request's answer from its URI (path and query), every request is kept.
 */
public final class ScriptedAtlas implements AutoCloseable {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final DisposableServer server;

	private ScriptedAtlas(Function<String, Answer> answers) {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.requests.add(request.method() + " " + request.uri());
			Answer answer = answers.apply(request.uri());
			return response.status(answer.status())
				.header("Content-Type", "application/json")
				.sendString(Mono.just(answer.body()));
		}).bindNow();
	}

	public static ScriptedAtlas answering(Function<String, Answer> answers) {
		return new ScriptedAtlas(answers);
	}

	/** The requests so far, as {@code "GET /api/...?..."}. */
	public List<String> requests() {
		return List.copyOf(this.requests);
	}

	/** A client of this server, {@code properties} as for {@link TestAtlasProperties}. */
	public AtlasClient client(String... properties) {
		return AtlasClient.connect(new AtlasConnection("http://127.0.0.1:" + this.server.port(), Optional.empty()),
				TestAtlasProperties.of(properties), new AtlasMetrics(new SimpleMeterRegistry()));
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/** One answer: the HTTP status and the body as sent. */
	public record Answer(int status, String body) {

		public static Answer ok(String body) {
			return new Answer(200, body);
		}

	}

}
