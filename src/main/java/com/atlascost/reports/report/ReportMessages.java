package com.atlascost.reports.report;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The workbook's words in one language: sheet names, labels and notes come from the
 * {@code report-messages} bundle ({@code report-messages_ja.properties} for Japanese).
 * Names from the API and amounts are never translated. A missing key fails loudly rather
 * than showing a key to finance.
 */
final class ReportMessages {

	private static final ResourceBundleMessageSource SOURCE = source();

	private final Locale locale;

	ReportMessages(Locale locale) {
		this.locale = locale;
	}

	Locale locale() {
		return this.locale;
	}

	String get(String key, Object... args) {
		return SOURCE.getMessage(key, args, this.locale);
	}

	/**
	 * A message where the bundle may not have one (a label named after data, such as a
	 * run parameter): the given text then.
	 */
	String getOrDefault(String key, String otherwise, Object... args) {
		String message = SOURCE.getMessage(key, args, null, this.locale);
		return (message != null) ? message : otherwise;
	}

	private static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("report-messages");
		source.setDefaultEncoding("UTF-8");
		// English lives in the base file: the language is never the machine's.
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
