package com.atlascost.reports.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The sandbox's invoices, made from the same charges as its Cost Explorer usage
 * ({@link SandboxData#lineItems}): one line item per charge, with a SKU, a quantity and
 * unit whose list price is exactly the charge, the resource tags of its project or
 * cluster, credits as negative lines. On top of the usage:
 * <ul>
 * <li>Acme Analytics pays 8.25 % sales tax, アクメ株式会社 10 % consumption tax;</li>
 * <li>Acme Production's invoices of even months carry a support true-up line with a note,
 * a charge Cost Explorer does not show: those months reconcile, the note explaining the
 * difference;</li>
 * <li>Acme Analytics' invoice of the month three months before the open one carries a
 * private endpoint line of {@value #UNEXPLAINED_CENTS} cents without a note that Cost
 * Explorer does not show either: the demo's one unexplained difference;</li>
 * <li>Acme Sandbox Org is linked to Acme Production: its invoices come as the linked
 * invoices of Acme Production's, and it lists none of its own;</li>
 * <li>the open month is {@code PENDING} (listed by {@code invoices/pending} too), the
 * month before it {@code CLOSED}, older ones {@code PAID}.</li>
 * </ul>
 * Tests can damage an invoice ({@link #damage}), slow the invoice answers down
 * ({@link #delayAnswers}) and post a charge to a settled month after the fact
 * ({@link #postLateCharge}): it is in the month's Cost Explorer usage and its invoice,
 * whose billed amount and {@code updated} change (its status does not).
 */
public class SandboxInvoices {

	/** The support true-up on Acme Production's even months, in cents. */
	public static final long TRUE_UP_CENTS = 15_000;

	public static final String TRUE_UP_NOTE = "Support true-up";

	/** The line without a note on Acme Analytics' invoice three months back, in cents. */
	public static final long UNEXPLAINED_CENTS = 1_234;

	/** How many months before the open one Acme Analytics' unexplained line is. */
	public static final int UNEXPLAINED_MONTHS_BACK = 3;

	/** Linked organization → the organization that pays its invoices. */
	private static final Map<String, String> PAYERS = SandboxData.PAYERS;

	/** Sales tax in basis points per organization. */
	private static final Map<String, Long> TAX_BASIS_POINTS = Map.of(SandboxData.ACME_ANALYTICS, 825L,
			SandboxData.ACME_JAPAN, 1000L);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	/** The only version of the invoice operations. */
	static final String VERSION = "2023-01-01";

	private final SandboxData data;

	private final AtomicInteger lists = new AtomicInteger();

	private final AtomicInteger pendingLists = new AtomicInteger();

	private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Map<String, Damage> damages = new ConcurrentHashMap<>();

	private volatile Duration answerDelay = Duration.ZERO;

	/** When a late charge was last posted to an organization's month. */
	private final Map<String, Instant> latePosted = new ConcurrentHashMap<>();

	private final AtomicInteger callsInFlight = new AtomicInteger();

	private final AtomicInteger peakCalls = new AtomicInteger();

	public SandboxInvoices(SandboxData data, Clock clock) {
		this.data = data;
		this.clock = clock;
	}

	/** What can be wrong with an invoice Atlas sends. */
	public enum Damage {

		/** The subtotal is a dollar more than the positive lines. */
		SUBTOTAL_MISMATCH,
		/** The first line item has no {@code totalPriceCents}. */
		LINE_WITHOUT_AMOUNT,
		/** {@code statusName} is a status the specification does not know. */
		UNKNOWN_STATUS

	}

	/** From now on the invoice of this organization and month is sent damaged. */
	public void damage(String orgId, YearMonth month, Damage damage) {
		this.damages.put(SandboxData.invoiceId(orgId, month), damage);
	}

	/**
	 * Posts a data transfer charge to the organization's month after the fact, as Atlas
	 * does with late usage: from now on the month's Cost Explorer usage and invoice hold
	 * it, and the invoice (and that of the organization paying it) says it was updated
	 * now.
	 */
	public void postLateCharge(String orgId, YearMonth month, BigDecimal amount) {
		this.data.addLateCharge(orgId, month, "Data Transfer", amount);
		this.latePosted.put(orgId + '|' + month, this.clock.instant());
	}

	/** From now on every invoice is sent as it should be. */
	public void repair() {
		this.damages.clear();
	}

	/** Every invoice answer waits this long (to catch a run in its invoice step). */
	public void delayAnswers(Duration delay) {
		this.answerDelay = delay;
	}

	Duration answerDelay() {
		return this.answerDelay;
	}

	void callStarted() {
		this.peakCalls.accumulateAndGet(this.callsInFlight.incrementAndGet(), Math::max);
	}

	void callEnded() {
		this.callsInFlight.decrementAndGet();
	}

	/**
	 * The most invoice calls (of any organizations) the sandbox was answering at once.
	 */
	public int peakConcurrentCalls() {
		return this.peakCalls.get();
	}

	void listed() {
		this.lists.incrementAndGet();
	}

	void listedPending() {
		this.pendingLists.incrementAndGet();
	}

	void fetched(String invoiceId) {
		this.fetches.computeIfAbsent(invoiceId, (id) -> new AtomicInteger()).incrementAndGet();
	}

	/** How often {@code listInvoices} was called (each page counts). */
	public int listCalls() {
		return this.lists.get();
	}

	/** How often {@code listPendingInvoices} was called. */
	public int pendingListCalls() {
		return this.pendingLists.get();
	}

	/** How often {@code getInvoice} asked for this invoice. */
	public int fetchesOf(String invoiceId) {
		AtomicInteger count = this.fetches.get(invoiceId);
		return (count != null) ? count.get() : 0;
	}

	/** How often {@code getInvoice} was called in all. */
	int fetchCalls() {
		return this.fetches.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	/** The id of the organization's invoice of a month, as Cost Explorer rows give it. */
	public static String invoiceId(String orgId, YearMonth month) {
		return SandboxData.invoiceId(orgId, month);
	}

	/**
	 * The invoices an organization lists, oldest first, without line items: those of
	 * months from the start of its data up to the open month whose billing period lies
	 * between the dates (inclusive start, end on or before {@code toDate}).
	 */
	List<Map<String, Object>> list(String orgId, @Nullable YearMonth from, @Nullable YearMonth toExclusive) {
		if (PAYERS.containsKey(orgId)) {
			return List.of();
		}
		YearMonth current = YearMonth.now(this.clock);
		YearMonth first = (from != null) ? from : current.minusMonths(24);
		YearMonth end = (toExclusive != null && !toExclusive.isAfter(current.plusMonths(1))) ? toExclusive
				: current.plusMonths(1);
		List<Map<String, Object>> invoices = new ArrayList<>();
		for (YearMonth month = first; month.isBefore(end); month = month.plusMonths(1)) {
			Map<String, Object> invoice = invoice(orgId, month);
			invoice.remove("lineItems");
			invoice.remove("linkedInvoices");
			invoices.add(invoice);
		}
		return invoices;
	}

	/** The invoice with its line items, if the organization has one by that id. */
	Optional<Map<String, Object>> find(String orgId, String invoiceId) {
		if (PAYERS.containsKey(orgId)) {
			return Optional.empty();
		}
		YearMonth current = YearMonth.now(this.clock);
		for (YearMonth month = current; month.isAfter(current.minusMonths(120)); month = month.minusMonths(1)) {
			if (SandboxData.invoiceId(orgId, month).equals(invoiceId)) {
				return Optional.of(invoice(orgId, month));
			}
		}
		return Optional.empty();
	}

	/** The open month's invoice. */
	List<Map<String, Object>> pending(String orgId) {
		return PAYERS.containsKey(orgId) ? List.of() : List.of(invoice(orgId, YearMonth.now(this.clock)));
	}

	/**
	 * A full invoice, as {@code getInvoice} answers it: its own lines and, for a paying
	 * organization, its linked invoices.
	 */
	public Map<String, Object> invoice(String orgId, YearMonth month) {
		Map<String, Object> invoice = ownInvoice(orgId, month);
		List<Object> linked = new ArrayList<>();
		PAYERS.forEach((linkedOrg, payer) -> {
			if (payer.equals(orgId)) {
				linked.add(ownInvoice(linkedOrg, month));
			}
		});
		invoice.put("linkedInvoices", linked);
		return invoice;
	}

	private Map<String, Object> ownInvoice(String orgId, YearMonth month) {
		SandboxData.Organization org = this.data.organization(orgId).orElseThrow();
		List<Map<String, Object>> lines = new ArrayList<>();
		for (SandboxData.LineItem charge : this.data.lineItems(orgId, month)) {
			lines.add(SandboxLines.lineItem(charge, month));
		}
		YearMonth current = YearMonth.now(this.clock);
		if (orgId.equals(SandboxData.ACME_ANALYTICS) && month.equals(current.minusMonths(UNEXPLAINED_MONTHS_BACK))) {
			lines.add(SandboxLines.line("ATLAS_AWS_PRIVATE_ENDPOINT", BigDecimal.ONE, "endpoint-months",
					BigDecimal.valueOf(UNEXPLAINED_CENTS, 2), UNEXPLAINED_CENTS, month));
		}
		if (orgId.equals(SandboxData.ACME_PRODUCTION) && month.getMonthValue() % 2 == 0 && !month.isAfter(current)) {
			Map<String, Object> trueUp = SandboxLines.line("ATLAS_SUPPORT", BigDecimal.ONE, "months",
					BigDecimal.valueOf(TRUE_UP_CENTS, 2), TRUE_UP_CENTS, month);
			trueUp.put("note", TRUE_UP_NOTE);
			lines.add(trueUp);
		}
		long positive = lines.stream().mapToLong(SandboxInvoices::cents).filter((c) -> c > 0).sum();
		long all = lines.stream().mapToLong(SandboxInvoices::cents).sum();
		long tax = BigDecimal.valueOf(all * TAX_BASIS_POINTS.getOrDefault(orgId, 0L))
			.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN)
			.longValueExact();
		String id = SandboxData.invoiceId(orgId, month);
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("id", id);
		invoice.put("orgId", org.id());
		invoice.put("startDate", dateTime(month));
		invoice.put("endDate", dateTime(month.plusMonths(1)));
		invoice.put("statusName",
				month.equals(current) ? "PENDING" : month.equals(current.minusMonths(1)) ? "CLOSED" : "PAID");
		invoice.put("subtotalCents", positive);
		invoice.put("creditsCents", positive - all);
		invoice.put("salesTaxCents", tax);
		invoice.put("amountBilledCents", all + tax);
		invoice.put("amountPaidCents", month.isBefore(current.minusMonths(1)) ? all + tax : 0L);
		invoice.put("startingBalanceCents", 0L);
		invoice.put("created", dateTime(month));
		invoice.put("updated", updated(orgId, month));
		invoice.put("lineItems", lines);
		invoice.put("payments", List.of());
		invoice.put("refunds", List.of());
		Damage damage = this.damages.get(id);
		if (damage != null) {
			switch (damage) {
				case SUBTOTAL_MISMATCH -> invoice.put("subtotalCents", positive + 100);
				case LINE_WITHOUT_AMOUNT -> lines.get(0).remove("totalPriceCents");
				case UNKNOWN_STATUS -> invoice.put("statusName", "ON_HOLD");
			}
		}
		return invoice;
	}

	private static long cents(Map<String, Object> line) {
		return (line.get("totalPriceCents") instanceof Number cents) ? cents.longValue() : 0L;
	}

	/**
	 * When the invoice was last updated: when its month ended, or when a late charge was
	 * posted to it or to a linked organization's invoice it lists.
	 */
	private String updated(String orgId, YearMonth month) {
		Instant updated = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		for (String org : this.data.organizations().stream().map(SandboxData.Organization::id).toList()) {
			Instant posted = this.latePosted.get(org + '|' + month);
			boolean concerned = org.equals(orgId) || orgId.equals(PAYERS.get(org));
			if (concerned && posted != null && posted.isAfter(updated)) {
				updated = posted;
			}
		}
		return DATE_TIME.format(updated.atOffset(ZoneOffset.UTC));
	}

	static String dateTime(YearMonth month) {
		return DATE_TIME.format(month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
	}

}
