package com.atlascost.reports.usage;

import org.jspecify.annotations.Nullable;

/**
 * Why a query ended FAILED, as stored on it.
 *
 * @param status the Atlas status ({@code 0} when no answer came), {@code null} when the
 * failure was not an answer at all (the polling deadline)
 * @param errorCode Atlas's {@code errorCode}, or ours for failures without one
 * ({@code NO_ANSWER}, {@code UNPARSEABLE_BODY}, {@code POLLING_DEADLINE},
 * {@code TOKEN_LOST})
 * @param detail Atlas's {@code detail}, or what happened
 * @param reason one line for logs and the run summary
 */
record QueryFailure(@Nullable Integer status, String errorCode, @Nullable String detail, String reason) {
}
