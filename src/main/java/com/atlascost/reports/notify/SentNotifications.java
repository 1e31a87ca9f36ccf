package com.atlascost.reports.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What was sent, by job, notice and channel (table {@code sent_notification}): the memory
 * that lets a resumed delivery skip those already served and keeps an unchanged alert
 * from going out twice.
 */
class SentNotifications {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	/**
	 * Each record commits on its own, whatever the delivery step's transaction does: a
	 * step that fails after some notices went out rolls back, and those notices must stay
	 * recorded as sent.
	 */
	SentNotifications(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Whether this notice went out on this channel with this content. */
	boolean wasSent(String jobName, String notice, Channel channel, String fingerprint) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM sent_notification WHERE job_name = ? AND notice = ? AND channel = ?"
					+ " AND fingerprint = ?")
			.params(jobName, notice, channel.name(), fingerprint)
			.query(Long.class)
			.single() > 0;
	}

	/** Records a notice as sent, replacing what an earlier version of it recorded. */
	void recordSent(String jobName, String notice, Channel channel, String fingerprint, String description,
			Instant sentAt) {
		OffsetDateTime at = sentAt.atOffset(ZoneOffset.UTC);
		String shown = (description.length() > 1000) ? description.substring(0, 999) + "…" : description;
		this.ownTransaction.executeWithoutResult((status) -> upsert(jobName, notice, channel, fingerprint, shown, at));
	}

	private void upsert(String jobName, String notice, Channel channel, String fingerprint, String shown,
			OffsetDateTime at) {
		int updated = this.jdbc
			.sql("UPDATE sent_notification SET fingerprint = ?, description = ?, sent_at = ?"
					+ " WHERE job_name = ? AND notice = ? AND channel = ?")
			.params(fingerprint, shown, at, jobName, notice, channel.name())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO sent_notification (job_name, notice, channel, fingerprint, description, sent_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?)")
				.params(jobName, notice, channel.name(), fingerprint, shown, at)
				.update();
		}
	}

}
