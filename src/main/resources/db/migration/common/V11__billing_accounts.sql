-- Billing accounts (issue 27): a paying organization's queries cover the linked
-- organizations it pays for (the Cost Explorer's organizations filter), and each usage row
-- carries its own organizationId. The usage views group by the ROW's organization
-- (COALESCE(u.organization_id, q.org_id)), labelled by the job file's label when it is the
-- query's organization and by the row's organization_name (else its id) when it is a linked
-- one. Same SQL on H2 and PostgreSQL.
--
-- Every view keeps its columns and their order, and gains billing_account_id at the end:
-- the organization that pays for the row's organization that month (its invoice's
-- paying_org_id), else the organization whose query the rows came from.
--
-- A linked organization's rows under its payer's query are left out where the linked
-- organization has a query of its own for the same window (another job lists it on its
-- own): its usage is counted once.
--
-- invoice_reconciliation depends on the views: dropped and created again as V10 defines it.

DROP VIEW invoice_reconciliation;
DROP VIEW monthly_cost_by_organization;
DROP VIEW monthly_cost_by_project;
DROP VIEW monthly_cost_by_cluster;
DROP VIEW monthly_cost_by_service;

-- The bill of every organization and month, linked organizations included.
CREATE VIEW monthly_cost_by_organization AS
SELECT r.billing_month,
	r.organization_id,
	MAX(r.organization_label) AS organization_label,
	CAST(SUM(r.amount) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN r.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(r.fetched_at) AS fetched_at,
	COALESCE((SELECT MAX(i.paying_org_id) FROM invoice i
		WHERE i.org_id = r.organization_id AND i.billing_month = r.billing_month),
		MAX(r.query_org_id)) AS billing_account_id
FROM (SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
		COALESCE(u.organization_id, q.org_id) AS organization_id,
		CASE WHEN u.organization_id IS NULL OR u.organization_id = q.org_id THEN q.org_label
			ELSE COALESCE(u.organization_name, u.organization_id) END AS organization_label,
		COALESCE(u.exact_amount, u.amount) AS amount,
		q.provisional,
		q.fetched_at,
		q.org_id AS query_org_id
	FROM usage_row u
	JOIN latest_bill_query q ON q.id = u.query_id
	WHERE (u.organization_id IS NULL OR u.organization_id = q.org_id
		OR NOT EXISTS (SELECT 1 FROM latest_bill_query own
			WHERE own.org_id = u.organization_id
				AND own.window_start = q.window_start AND own.window_end = q.window_end))) r
GROUP BY r.billing_month, r.organization_id;

-- project_id is NULL for charges above any project (only with includePartialMatches: true).
CREATE VIEW monthly_cost_by_project AS
SELECT r.billing_month,
	r.organization_id,
	MAX(r.organization_label) AS organization_label,
	r.project_id,
	MAX(r.project_name) AS project_name,
	CAST(SUM(r.amount) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN r.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(r.fetched_at) AS fetched_at,
	COALESCE((SELECT MAX(i.paying_org_id) FROM invoice i
		WHERE i.org_id = r.organization_id AND i.billing_month = r.billing_month),
		MAX(r.query_org_id)) AS billing_account_id
FROM (SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
		COALESCE(u.organization_id, q.org_id) AS organization_id,
		CASE WHEN u.organization_id IS NULL OR u.organization_id = q.org_id THEN q.org_label
			ELSE COALESCE(u.organization_name, u.organization_id) END AS organization_label,
		u.project_id,
		u.project_name,
		COALESCE(u.exact_amount, u.amount) AS amount,
		q.provisional,
		q.fetched_at,
		q.org_id AS query_org_id
	FROM usage_row u
	JOIN latest_cost_query q ON q.id = u.query_id
	WHERE q.group_by = 'PROJECTS'
		AND (u.organization_id IS NULL OR u.organization_id = q.org_id
		OR NOT EXISTS (SELECT 1 FROM latest_cost_query own
			WHERE own.org_id = u.organization_id AND own.group_by = q.group_by
				AND own.window_start = q.window_start AND own.window_end = q.window_end))) r
GROUP BY r.billing_month, r.organization_id, r.project_id;

CREATE VIEW monthly_cost_by_cluster AS
SELECT r.billing_month,
	r.organization_id,
	MAX(r.organization_label) AS organization_label,
	r.cluster_id,
	MAX(r.cluster_name) AS cluster_name,
	CAST(SUM(r.amount) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN r.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(r.fetched_at) AS fetched_at,
	COALESCE((SELECT MAX(i.paying_org_id) FROM invoice i
		WHERE i.org_id = r.organization_id AND i.billing_month = r.billing_month),
		MAX(r.query_org_id)) AS billing_account_id
FROM (SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
		COALESCE(u.organization_id, q.org_id) AS organization_id,
		CASE WHEN u.organization_id IS NULL OR u.organization_id = q.org_id THEN q.org_label
			ELSE COALESCE(u.organization_name, u.organization_id) END AS organization_label,
		u.cluster_id,
		u.cluster_name,
		COALESCE(u.exact_amount, u.amount) AS amount,
		q.provisional,
		q.fetched_at,
		q.org_id AS query_org_id
	FROM usage_row u
	JOIN latest_cost_query q ON q.id = u.query_id
	WHERE q.group_by = 'CLUSTERS'
		AND (u.organization_id IS NULL OR u.organization_id = q.org_id
		OR NOT EXISTS (SELECT 1 FROM latest_cost_query own
			WHERE own.org_id = u.organization_id AND own.group_by = q.group_by
				AND own.window_start = q.window_start AND own.window_end = q.window_end))) r
GROUP BY r.billing_month, r.organization_id, r.cluster_id;

CREATE VIEW monthly_cost_by_service AS
SELECT r.billing_month,
	r.organization_id,
	MAX(r.organization_label) AS organization_label,
	r.service,
	CAST(SUM(r.amount) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN r.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(r.fetched_at) AS fetched_at,
	COALESCE((SELECT MAX(i.paying_org_id) FROM invoice i
		WHERE i.org_id = r.organization_id AND i.billing_month = r.billing_month),
		MAX(r.query_org_id)) AS billing_account_id
FROM (SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
		COALESCE(u.organization_id, q.org_id) AS organization_id,
		CASE WHEN u.organization_id IS NULL OR u.organization_id = q.org_id THEN q.org_label
			ELSE COALESCE(u.organization_name, u.organization_id) END AS organization_label,
		u.service,
		COALESCE(u.exact_amount, u.amount) AS amount,
		q.provisional,
		q.fetched_at,
		q.org_id AS query_org_id
	FROM usage_row u
	JOIN latest_cost_query q ON q.id = u.query_id
	WHERE q.group_by = 'SERVICES'
		AND (u.organization_id IS NULL OR u.organization_id = q.org_id
		OR NOT EXISTS (SELECT 1 FROM latest_cost_query own
			WHERE own.org_id = u.organization_id AND own.group_by = q.group_by
				AND own.window_start = q.window_start AND own.window_end = q.window_end))) r
GROUP BY r.billing_month, r.organization_id, r.service;

-- As V10 defined it.
CREATE VIEW invoice_reconciliation AS
SELECT i.billing_month,
	i.org_id AS organization_id,
	COALESCE(o.amount, s.amount) AS usage_amount,
	CAST(SUM(i.subtotal_cents) / 100.0 AS DECIMAL(19, 2)) AS subtotal,
	CAST(SUM(i.credits_cents) / 100.0 AS DECIMAL(19, 2)) AS credits,
	CAST(SUM(i.sales_tax_cents) / 100.0 AS DECIMAL(19, 2)) AS sales_tax,
	CAST(SUM(i.amount_billed_cents) / 100.0 AS DECIMAL(19, 2)) AS amount_billed,
	CAST(COALESCE(o.amount, s.amount) - SUM(i.amount_billed_cents) / 100.0 AS DECIMAL(19, 2)) AS difference,
	MAX(CASE WHEN i.status = 'PENDING' THEN 1 ELSE 0 END) = 1 AS provisional
FROM invoice i
LEFT JOIN (SELECT organization_id, billing_month, SUM(amount) AS amount FROM monthly_cost_by_organization
	GROUP BY organization_id, billing_month) o
	ON o.organization_id = i.org_id AND o.billing_month = i.billing_month
LEFT JOIN (SELECT organization_id, billing_month, SUM(amount) AS amount FROM monthly_cost_by_service
	GROUP BY organization_id, billing_month) s
	ON s.organization_id = i.org_id AND s.billing_month = i.billing_month
GROUP BY i.billing_month, i.org_id, o.amount, s.amount;
