package com.atlascost.reports.sandbox;

import java.util.List;
import java.util.Set;

import com.atlascost.reports.atlas.auth.AtlasCredentials;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A local Atlas Cost Explorer over real HTTP on a free loopback port, with deterministic
 * data ({@link SandboxData}) and fresh random credentials on every start. Serves
 * {@code POST /api/oauth/token}, the Cost Explorer create and poll calls, {@code GET
 * /api/atlas/v2/orgs/{orgId}/groups}, {@code GET /api/atlas/v2/groups/{groupId}/clusters}
 * and {@code GET /api/atlas/v2/groups/{groupId}/flexClusters}, each with the versions and
 * sunsets of the published specification ({@link SandboxOperation}); see
 * {@link SandboxApi} for the checks every call passes and {@link SandboxFaults} for the
 * rate limit and the faults it can inject. {@code envelope=true} wraps every API answer;
 * without it, a running query's polls answer a real {@code 102 Processing} status line.
 */
public final class AtlasSandbox implements AutoCloseable {

	private static final String USAGE = "/api/atlas/v2/orgs/{orgId}/billing/costExplorer/usage";

	private final SandboxSettings settings;

	private final SandboxData data;

	private final SandboxAuthority authority;

	private final SandboxInvoices invoices;

	private final SandboxCounters counters = new SandboxCounters();

	private final SandboxJournal journal = new SandboxJournal();

	private final DisposableServer server;

	private AtlasSandbox(SandboxSettings settings) {
		this.settings = settings;
		this.data = new SandboxData(settings.clock());
		this.authority = new SandboxAuthority(settings);
		SandboxDraws draws = new SandboxDraws(settings.faults().seed());
		SandboxFaults faults = new SandboxFaults(settings, this.counters, draws);
		SandboxApi api = new SandboxApi(settings, this.data, this.authority, this.counters, faults, this.journal);
		TokenEndpoint tokens = new TokenEndpoint(settings, this.authority, this.counters, api);
		CostExplorerEndpoint costExplorer = new CostExplorerEndpoint(settings, this.data, this.counters, draws, api);
		ListingEndpoints listings = new ListingEndpoints(settings, this.data, this.counters, api);
		this.invoices = new SandboxInvoices(this.data, settings.clock());
		InvoiceEndpoints invoiceEndpoints = new InvoiceEndpoints(this.invoices, api, listings);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/api/oauth/token", tokens::token)
				.post(USAGE, costExplorer::create)
				.get(USAGE + "/{token}", costExplorer::poll)
				.get("/api/atlas/v2/orgs/{orgId}/groups", listings::projects)
				.get("/api/atlas/v2/groups/{groupId}/clusters", listings::clusters)
				.get("/api/atlas/v2/groups/{groupId}/flexClusters", listings::flexClusters)
				.get("/api/atlas/v2/orgs/{orgId}/invoices", invoiceEndpoints::listInvoices)
				.get("/api/atlas/v2/orgs/{orgId}/invoices/pending", invoiceEndpoints::pendingInvoices)
				.get("/api/atlas/v2/orgs/{orgId}/invoices/{invoiceId}", invoiceEndpoints::getInvoice)
				.route((request) -> true, api::notFound))
			.bindNow();
	}

	public static AtlasSandbox start(SandboxSettings settings) {
		return new AtlasSandbox(settings);
	}

	public static AtlasSandbox start() {
		return start(SandboxSettings.defaults());
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public AtlasCredentials.ServiceAccount serviceAccount() {
		return this.authority.serviceAccount();
	}

	public AtlasCredentials.ApiKey apiKey() {
		return this.authority.apiKey();
	}

	/** The OAuth access tokens issued so far (secrets: for leak checks in tests). */
	public Set<String> issuedAccessTokens() {
		return this.authority.issuedTokens();
	}

	public SandboxData data() {
		return this.data;
	}

	/** The invoices it serves; tests damage or slow them here. */
	public SandboxInvoices invoices() {
		return this.invoices;
	}

	public SandboxSettings settings() {
		return this.settings;
	}

	public SandboxCounters counters() {
		return this.counters;
	}

	/**
	 * In order, the first {@value SandboxJournal#CAPACITY} requests the sandbox received
	 * and the answers it gave: contract tests hold them against the specification.
	 */
	public List<SandboxExchange> exchanges() {
		return this.journal.exchanges();
	}

	public void stop() {
		this.server.disposeNow();
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return "AtlasSandbox[" + baseUrl() + "]";
	}

}
