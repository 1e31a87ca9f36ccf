-- Views for BI tools: monthly cost by organization, project, cluster and service.
-- Plain SQL that H2 and PostgreSQL both run unchanged.
--
-- Every view reads the rows of its own grouping's queries only (group_by), never another
-- grouping's: each grouping is a complete answer for the same money, so adding two of them
-- up would count it twice. They can also total differently (a project filter leaves out
-- org-level charges such as Support and Credits); the README explains why.

-- The queries whose rows the views show: for each organization, grouping and month window
-- the one fetched last. A job asks one query per organization, grouping and window; its
-- filter changes when the job file is edited or 'projects: all' discovers a new project,
-- and the rows of the query it replaces must not be added to the new ones.
CREATE VIEW latest_cost_query AS
SELECT q.id, q.org_id, q.org_label, q.group_by, q.window_start, q.window_end, q.provisional, q.fetched_at
FROM cost_query q
WHERE q.fetched_at IS NOT NULL
	AND NOT EXISTS (
		SELECT 1 FROM cost_query later
		WHERE later.org_id = q.org_id AND later.group_by = q.group_by
			AND later.window_start = q.window_start AND later.window_end = q.window_end
			AND later.fetched_at IS NOT NULL
			AND (later.fetched_at > q.fetched_at OR (later.fetched_at = q.fetched_at AND later.id > q.id)));

-- billing_month is the first day of the usage month (like the workbook, by usage date).
-- amount is cast back to DECIMAL(19, 2) so that BI tools see the exact type on both
-- databases (PostgreSQL's SUM would otherwise be an unconstrained NUMERIC).
-- provisional: the amounts were fetched before the month settled and will be replaced.

CREATE VIEW monthly_cost_by_organization AS
SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
	q.org_id AS organization_id,
	MAX(q.org_label) AS organization_label,
	CAST(SUM(u.amount) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN q.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(q.fetched_at) AS fetched_at
FROM usage_row u
JOIN latest_cost_query q ON q.id = u.query_id
WHERE q.group_by = 'ORGANIZATIONS'
GROUP BY CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE), q.org_id;

-- project_id is NULL for charges above any project (only with includePartialMatches: true).
CREATE VIEW monthly_cost_by_project AS
SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
	q.org_id AS organization_id,
	MAX(q.org_label) AS organization_label,
	u.project_id,
	MAX(u.project_name) AS project_name,
	CAST(SUM(u.amount) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN q.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(q.fetched_at) AS fetched_at
FROM usage_row u
JOIN latest_cost_query q ON q.id = u.query_id
WHERE q.group_by = 'PROJECTS'
GROUP BY CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE), q.org_id, u.project_id;

CREATE VIEW monthly_cost_by_cluster AS
SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
	q.org_id AS organization_id,
	MAX(q.org_label) AS organization_label,
	u.cluster_id,
	MAX(u.cluster_name) AS cluster_name,
	CAST(SUM(u.amount) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN q.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(q.fetched_at) AS fetched_at
FROM usage_row u
JOIN latest_cost_query q ON q.id = u.query_id
WHERE q.group_by = 'CLUSTERS'
GROUP BY CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE), q.org_id, u.cluster_id;

CREATE VIEW monthly_cost_by_service AS
SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
	q.org_id AS organization_id,
	MAX(q.org_label) AS organization_label,
	u.service,
	CAST(SUM(u.amount) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN q.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(q.fetched_at) AS fetched_at
FROM usage_row u
JOIN latest_cost_query q ON q.id = u.query_id
WHERE q.group_by = 'SERVICES'
GROUP BY CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE), q.org_id, u.service;
