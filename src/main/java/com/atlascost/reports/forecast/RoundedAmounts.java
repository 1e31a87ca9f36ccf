package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.atlascost.reports.invoice.LargestRemainder;

/**
 * One figure of every billing account and organization as the Summary and the mail show
 * it: the total rounded once, the accounts rounded to add up to it and each account's
 * organizations to add up to the account (largest remainder), never rounded one by one.
 *
 * @param total the total, to the cent
 * @param accounts each account's amount, to the cent
 * @param organizations each organization's amount, to the cent
 */
public record RoundedAmounts(BigDecimal total, Map<String, BigDecimal> accounts,
		Map<String, BigDecimal> organizations) {

	public static RoundedAmounts of(List<BillingAccount> accounts, Function<String, BigDecimal> exactOfOrganization) {
		List<BigDecimal> exactAccounts = new ArrayList<>();
		List<List<BigDecimal>> exactOrganizations = new ArrayList<>();
		for (BillingAccount account : accounts) {
			List<BigDecimal> parts = account.organizationIds().stream().map(exactOfOrganization).toList();
			exactOrganizations.add(parts);
			exactAccounts.add(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		BigDecimal total = LargestRemainder.total(exactAccounts);
		List<BigDecimal> shownAccounts = LargestRemainder.parts(exactAccounts, total);
		Map<String, BigDecimal> byAccount = new LinkedHashMap<>();
		Map<String, BigDecimal> byOrganization = new LinkedHashMap<>();
		for (int a = 0; a < accounts.size(); a++) {
			BillingAccount account = accounts.get(a);
			byAccount.put(account.id(), shownAccounts.get(a));
			List<BigDecimal> parts = LargestRemainder.parts(exactOrganizations.get(a), shownAccounts.get(a));
			for (int o = 0; o < parts.size(); o++) {
				byOrganization.put(account.organizationIds().get(o), parts.get(o));
			}
		}
		return new RoundedAmounts(total, byAccount, byOrganization);
	}

	public BigDecimal account(String accountId) {
		return this.accounts.getOrDefault(accountId, BigDecimal.ZERO);
	}

	public BigDecimal organization(String organizationId) {
		return this.organizations.getOrDefault(organizationId, BigDecimal.ZERO);
	}

}
