package com.atlascost.reports.usage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names of projects and clusters discovery listed ({@code discovered_resource}), by
 * organization, kind and id.
 */
@Repository
public class DiscoveredNames {

	private final JdbcClient jdbc;

	private final Clock clock;

	DiscoveredNames(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Remembers the names discovery listed, so that reports can label rows that come
	 * without them.
	 */
	@Transactional
	void remember(String orgId, String kind, Map<String, String> namesById) {
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		namesById.forEach((resourceId, name) -> {
			int updated = this.jdbc
				.sql("UPDATE discovered_resource SET name = ?, discovered_at = ? WHERE org_id = ? AND kind = ?"
						+ " AND resource_id = ?")
				.params(Arrays.asList(truncate(name, 255), now, orgId, kind, resourceId))
				.update();
			if (updated == 0) {
				this.jdbc
					.sql("INSERT INTO discovered_resource (org_id, kind, resource_id, name, discovered_at)"
							+ " VALUES (?, ?, ?, ?, ?)")
					.params(Arrays.asList(orgId, kind, resourceId, truncate(name, 255), now))
					.update();
			}
		});
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
