package com.atlascost.reports.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The published specification of the operations the job uses, as the JSON Schema files in
 * {@code src/test/resources/atlas-api} (see the README there), checked with networknt's
 * json-schema-validator: what a request the client sends breaks of it, and what an answer
 * the sandbox gives breaks of it. An answer breaks it too when it accepts what the
 * specification refuses: a version the operation does not have (406), a version past its
 * sunset (410), a request body or parameter the schema refuses (400).
 */
public final class ApiContract {

	private static final String BASE = "atlas-api/";

	private static final Pattern MEDIA_TYPE = Pattern
		.compile("application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json");

	private static final Set<Integer> ERROR_STATUSES = Set.of(400, 401, 403, 404, 406, 409, 410, 429, 500, 502, 503,
			504);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private final List<Operation> operations = new ArrayList<>();

	private final Schema errorSchema;

	private final Map<String, Schema> schemas = new LinkedHashMap<>();

	private ApiContract() {
		JsonNode spec = read(BASE + "operations.json");
		this.errorSchema = schema(spec.get("errorSchema").stringValue());
		for (JsonNode op : spec.get("operations")) {
			this.operations.add(new Operation(op));
		}
		// literal paths before templated ones: /invoices/pending is not an invoice id
		this.operations.sort(Comparator.comparingInt((Operation op) -> op.pathParameters.size()));
	}

	public static ApiContract published() {
		return new ApiContract();
	}

	/** The operation ids the specification extract holds. */
	public List<String> operationIds() {
		return this.operations.stream().map((op) -> op.operationId).toList();
	}

	/** The versions of an operation with their sunset ({@code null}: none announced). */
	public Map<String, @Nullable LocalDate> versions(String operationId) {
		return this.operations.stream()
			.filter((op) -> op.operationId.equals(operationId))
			.findFirst()
			.orElseThrow().versions;
	}

	/**
	 * What a request breaks as a client sent it: its operation, path and query
	 * parameters, version (one the operation has, not past its sunset on {@code today})
	 * and body.
	 */
	public List<String> requestViolations(SandboxExchange exchange, LocalDate today) {
		if (isOutsideApi(exchange)) {
			return List.of();
		}
		Operation op = operation(exchange);
		if (op == null) {
			return List.of(describe(exchange) + ": no such operation in the specification");
		}
		List<String> violations = new ArrayList<>();
		violations.addAll(op.parameterViolations(exchange));
		String version = version(exchange);
		if (version == null || !op.versions.containsKey(version)) {
			violations.add(op.operationId + " sent " + exchange.requestHeader("accept")
					+ ": not a version of the operation, which has " + op.versions.keySet());
		}
		else if (isSunset(op, version, today)) {
			violations.add(op.operationId + " sent version " + version + ", sunset on " + op.versions.get(version));
		}
		if (op.requestBody != null) {
			violations.addAll(bodyViolations(op.operationId + " request", op.requestBody, exchange.requestBody()));
		}
		return violations;
	}

	/**
	 * What an answer breaks: its status must be the one the specification gives this
	 * request, its body must match that status's schema.
	 */
	public List<String> answerViolations(SandboxExchange exchange, LocalDate today) {
		if (exchange.fault() != null || exchange.status() == 0 || isOutsideApi(exchange)) {
			return List.of();
		}
		Operation op = operation(exchange);
		String what = describe(exchange) + " answered " + exchange.status();
		if (op == null) {
			return (exchange.status() == 404) ? List.of() : List.of(what + ": the path is not in the specification");
		}
		Answer answer = unwrap(op, exchange);
		what = describe(exchange) + " answered " + answer.status;
		List<String> violations = new ArrayList<>(answer.violations);
		boolean success = answer.status < 300;
		if (success) {
			String version = version(exchange);
			if (version == null || !op.versions.containsKey(version)) {
				violations.add(what + " to version " + version + ", which " + op.operationId
						+ " does not have: the specification answers 406");
			}
			else if (isSunset(op, version, today)) {
				violations.add(what + " to version " + version + ", sunset on " + op.versions.get(version)
						+ ": the specification answers 410");
			}
			List<String> refused = new ArrayList<>(op.parameterViolations(exchange));
			if (op.requestBody != null) {
				refused.addAll(bodyViolations("request", op.requestBody, exchange.requestBody()));
			}
			if (!refused.isEmpty()) {
				violations.add(what + " to a request the specification refuses (400): " + refused);
			}
			if (!op.responses.containsKey(String.valueOf(answer.status))) {
				violations.add(what + ": " + op.operationId + " answers " + op.responses.keySet() + " on success");
			}
			else {
				String schema = op.responses.get(String.valueOf(answer.status));
				if (schema != null) {
					violations.addAll(validate(what, schema(schema), answer.body));
				}
			}
		}
		else if (!ERROR_STATUSES.contains(answer.status)) {
			violations.add(what + ": not a status of the specification");
		}
		else if (answer.body != null) {
			violations.addAll(validate(what, this.errorSchema, answer.body));
		}
		return violations;
	}

	/** Fails listing every request of {@code exchanges} that breaks the specification. */
	public void assertRequestsHold(Collection<SandboxExchange> exchanges, LocalDate today) {
		failOn("requests", exchanges.stream().flatMap((ex) -> requestViolations(ex, today).stream()).toList(),
				exchanges.size());
	}

	/** Fails listing every answer of {@code exchanges} that breaks the specification. */
	public void assertAnswersHold(Collection<SandboxExchange> exchanges, LocalDate today) {
		failOn("answers", exchanges.stream().flatMap((ex) -> answerViolations(ex, today).stream()).toList(),
				exchanges.size());
	}

	private static void failOn(String what, List<String> violations, int checked) {
		if (checked == 0) {
			throw new AssertionError("no exchange to check the " + what + " of");
		}
		if (!violations.isEmpty()) {
			throw new AssertionError(violations.size() + " " + what + " of " + checked
					+ " exchanges break the published specification:\n  " + String.join("\n  ", violations));
		}
	}

	private static boolean isOutsideApi(SandboxExchange exchange) {
		return path(exchange).equals("/api/oauth/token");
	}

	private static boolean isSunset(Operation op, String version, LocalDate today) {
		LocalDate sunset = op.versions.get(version);
		return sunset != null && !today.isBefore(sunset);
	}

	private @Nullable Operation operation(SandboxExchange exchange) {
		String path = path(exchange);
		return this.operations.stream()
			.filter((op) -> op.method.equals(exchange.method()) && op.path.matcher(path).matches())
			.findFirst()
			.orElse(null);
	}

	/**
	 * The Atlas status and body of an answer: an envelope ({@code envelope=true}) keeps a
	 * list's {@code results} and adds {@code status}, and wraps any other answer as
	 * {@code {"status", "content"}}.
	 */
	private Answer unwrap(Operation op, SandboxExchange exchange) {
		JsonNode body = parse(exchange.responseBody());
		List<String> violations = new ArrayList<>();
		if (exchange.responseBody() != null && !exchange.responseBody().isEmpty() && body == null) {
			violations.add(describe(exchange) + " answered a body that is not JSON");
		}
		boolean enveloped = query(exchange).getOrDefault("envelope", List.of()).contains("true");
		if (!enveloped || body == null || exchange.status() != 200 || !body.path("status").isIntegralNumber()) {
			return new Answer(exchange.status(), body, violations);
		}
		int status = body.get("status").intValue();
		if (body.has("content")) {
			JsonNode content = body.get("content");
			if (op.isList() && status == 200) {
				violations.add(describe(exchange) + ": a list in an envelope keeps results and adds status,"
						+ " it is not wrapped in content");
			}
			return new Answer(status, content, violations);
		}
		return new Answer(status, body, violations);
	}

	private List<String> bodyViolations(String what, String schema, String body) {
		JsonNode json = parse(body);
		if (json == null) {
			return List.of(what + " body is not JSON: " + body);
		}
		return validate(what, schema(schema), json);
	}

	private static List<String> validate(String what, Schema schema, @Nullable JsonNode body) {
		if (body == null) {
			return List.of(what + " without a body");
		}
		List<Error> errors = schema.validate(body);
		return errors.stream().map((error) -> what + ": " + error + " in " + abbreviate(body)).toList();
	}

	private Schema schema(String file) {
		return this.schemas.computeIfAbsent(file,
				(name) -> this.registry.getSchema(SchemaLocation.of("classpath:" + BASE + name)));
	}

	private static @Nullable String version(SandboxExchange exchange) {
		String accept = exchange.requestHeader("accept");
		if (accept == null) {
			return null;
		}
		Matcher matcher = MEDIA_TYPE.matcher(accept);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String path(SandboxExchange exchange) {
		return new QueryStringDecoder(exchange.uri()).path();
	}

	private static Map<String, List<String>> query(SandboxExchange exchange) {
		return new QueryStringDecoder(exchange.uri()).parameters();
	}

	private static String describe(SandboxExchange exchange) {
		return exchange.method() + " " + exchange.uri();
	}

	private static String abbreviate(JsonNode body) {
		String text = body.toString();
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	private static @Nullable JsonNode parse(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static JsonNode read(String resource) {
		try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("no " + resource + " on the test classpath");
			}
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Answer(int status, @Nullable JsonNode body, List<String> violations) {
	}

	/** One operation of {@code operations.json}. */
	private final class Operation {

		private final String operationId;

		private final String method;

		private final Pattern path;

		private final Map<String, Schema> pathParameters = new LinkedHashMap<>();

		private final Map<String, Schema> queryParameters = new LinkedHashMap<>();

		private final Map<String, JsonNode> queryTypes = new LinkedHashMap<>();

		private final Map<String, @Nullable LocalDate> versions = new LinkedHashMap<>();

		private final @Nullable String requestBody;

		private final Map<String, @Nullable String> responses = new LinkedHashMap<>();

		Operation(JsonNode op) {
			this.operationId = op.get("operationId").stringValue();
			this.method = op.get("method").stringValue();
			this.path = Pattern.compile(op.get("path").stringValue().replaceAll("\\{(\\w+)\\}", "(?<$1>[^/]+)"));
			op.get("pathParameters")
				.properties()
				.forEach((entry) -> this.pathParameters.put(entry.getKey(),
						ApiContract.this.registry.getSchema(entry.getValue())));
			op.get("queryParameters").properties().forEach((entry) -> {
				this.queryParameters.put(entry.getKey(), ApiContract.this.registry.getSchema(entry.getValue()));
				this.queryTypes.put(entry.getKey(), entry.getValue());
			});
			op.get("versions")
				.properties()
				.forEach((entry) -> this.versions.put(entry.getKey(),
						entry.getValue().isNull() ? null : LocalDate.parse(entry.getValue().stringValue())));
			this.requestBody = op.has("requestBody") ? op.get("requestBody").stringValue() : null;
			op.get("responses")
				.properties()
				.forEach((entry) -> this.responses.put(entry.getKey(),
						entry.getValue().isNull() ? null : entry.getValue().stringValue()));
		}

		boolean isList() {
			return this.queryParameters.containsKey("itemsPerPage");
		}

		List<String> parameterViolations(SandboxExchange exchange) {
			List<String> violations = new ArrayList<>();
			Matcher matcher = this.path.matcher(path(exchange));
			if (matcher.matches()) {
				this.pathParameters.forEach((name, schema) -> violations
					.addAll(validate(this.operationId + " path parameter " + name, schema, text(matcher.group(name)))));
			}
			query(exchange).forEach((name, values) -> {
				Schema schema = this.queryParameters.get(name);
				if (schema == null) {
					violations.add(this.operationId + " has no query parameter " + name);
					return;
				}
				for (String value : values) {
					violations.addAll(validate(this.operationId + " query parameter " + name, schema,
							typed(this.queryTypes.get(name), value)));
				}
			});
			return violations;
		}

		private static JsonNode text(String value) {
			return JsonNodeFactory.instance.stringNode(value);
		}

		/** A query string value as the JSON value its schema types it. */
		private static JsonNode typed(JsonNode schema, String value) {
			String type = schema.path("type").asString("");
			try {
				if (type.equals("integer")) {
					return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
				}
			}
			catch (NumberFormatException ex) {
				return text(value);
			}
			if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
				return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
			}
			return text(value);
		}

	}

}
