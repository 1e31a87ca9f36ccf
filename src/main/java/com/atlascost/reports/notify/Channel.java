package com.atlascost.reports.notify;

/** How a notice goes out. */
enum Channel {

	MAIL, WEBHOOK

}
