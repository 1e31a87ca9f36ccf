-- Usage amounts keep every decimal Atlas sends (issue 16): a row of 0.005 or 1.234567 was
-- rounded to the cent before it was summed, so 3 x 0.005 + 1.234567 + 200 x 0.004 (2.05)
-- was stored as 1.26. exact_amount holds the amount as Atlas sent it (up to 18 decimals);
-- amount stays what it was, the row rounded to the cent, for readers that show single
-- rows. Sums are taken over exact_amount and rounded to the cent once, where a figure is
-- shown: the views below cast each exact sum to DECIMAL(19, 2).
--
-- The views are dropped and created again (same columns, same order) to sum the exact
-- column. Same SQL on H2 and PostgreSQL.

-- A row written without exact_amount (by another tool, or before this migration) counts
-- with its amount.
ALTER TABLE usage_row ADD COLUMN exact_amount DECIMAL(38, 18);
UPDATE usage_row SET exact_amount = amount;

DROP VIEW invoice_reconciliation;
DROP VIEW monthly_cost_by_organization;
DROP VIEW monthly_cost_by_project;
DROP VIEW monthly_cost_by_cluster;
DROP VIEW monthly_cost_by_service;

-- As V7 defined it, over exact_amount.
CREATE VIEW monthly_cost_by_organization AS
SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
	q.org_id AS organization_id,
	MAX(q.org_label) AS organization_label,
	CAST(SUM(COALESCE(u.exact_amount, u.amount)) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN q.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(q.fetched_at) AS fetched_at
FROM usage_row u
JOIN latest_bill_query q ON q.id = u.query_id
GROUP BY CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE), q.org_id;

-- As V4 defined them, over exact_amount.
CREATE VIEW monthly_cost_by_project AS
SELECT CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE) AS billing_month,
	q.org_id AS organization_id,
	MAX(q.org_label) AS organization_label,
	u.project_id,
	MAX(u.project_name) AS project_name,
	CAST(SUM(COALESCE(u.exact_amount, u.amount)) AS DECIMAL(19, 2)) AS amount,
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
	CAST(SUM(COALESCE(u.exact_amount, u.amount)) AS DECIMAL(19, 2)) AS amount,
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
	CAST(SUM(COALESCE(u.exact_amount, u.amount)) AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN q.provisional THEN 1 ELSE 0 END) = 1 AS provisional,
	MAX(q.fetched_at) AS fetched_at
FROM usage_row u
JOIN latest_cost_query q ON q.id = u.query_id
WHERE q.group_by = 'SERVICES'
GROUP BY CAST(DATE_TRUNC('MONTH', u.usage_date) AS DATE), q.org_id, u.service;

-- As V8 defined it.
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
