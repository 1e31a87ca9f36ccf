package com.atlascost.reports.notify;

/** What an alert says. */
enum AlertKind {

	BUDGET_EXCEEDED("budget-exceeded", "Budget exceeded"),

	FORECAST_OVER_BUDGET("forecast-over-budget", "Forecast over budget"),

	ANOMALY("anomaly", "Cost anomaly"),

	UNEXPLAINED_DIFFERENCE("unexplained-difference", "Invoice difference nobody explains");

	private final String id;

	private final String title;

	AlertKind(String id, String title) {
		this.id = id;
		this.title = title;
	}

	/** As the webhook payload and the stored notice name it. */
	String id() {
		return this.id;
	}

	String title() {
		return this.title;
	}

}
