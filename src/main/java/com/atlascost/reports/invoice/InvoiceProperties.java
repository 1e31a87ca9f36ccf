package com.atlascost.reports.invoice;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the invoices are fetched.
 *
 * @param concurrency how many organizations' invoices are fetched at once: an
 * organization's calls (a listing, then one call per invoice not yet settled) wait on the
 * network one after the other, so a fleet's invoices take as many round trips as it has
 * organizations unless several go at once; each organization has a bucket of its own
 */
@ConfigurationProperties("invoices")
@Validated
record InvoiceProperties(@DefaultValue("8") @Min(value = 1, message = "must be at least 1") int concurrency) {

}
