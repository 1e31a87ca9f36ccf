-- Atlas invoices and their line items (issue 13). Amounts are integer cents as Atlas sends
-- them (BIGINT, never floating point); credits are negative line items.
-- An invoice is stored whole or not at all: its row, its lines and their tags are replaced
-- together, keyed by Atlas's invoice id, so fetching it again never stores anything twice.
-- org_id is the organization whose usage the lines are; paying_org_id the one that pays
-- (itself, or the paying organization whose invoice lists it among its linked invoices).
CREATE TABLE invoice (
	id VARCHAR(24) NOT NULL PRIMARY KEY,
	org_id VARCHAR(24) NOT NULL,
	paying_org_id VARCHAR(24) NOT NULL,
	billing_month DATE NOT NULL,
	start_date TIMESTAMP WITH TIME ZONE NOT NULL,
	end_date TIMESTAMP WITH TIME ZONE NOT NULL,
	status VARCHAR(10) NOT NULL,
	subtotal_cents BIGINT NOT NULL,
	credits_cents BIGINT NOT NULL,
	sales_tax_cents BIGINT NOT NULL,
	amount_billed_cents BIGINT NOT NULL,
	fetched_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT invoice_status CHECK (status IN ('PENDING', 'CLOSED', 'FORGIVEN', 'FAILED', 'PAID', 'FREE',
		'PREPAID', 'INVOICED'))
);

CREATE INDEX invoice_org_month ON invoice (org_id, billing_month);

CREATE INDEX invoice_paying_org_month ON invoice (paying_org_id, billing_month);

CREATE TABLE invoice_line_item (
	invoice_id VARCHAR(24) NOT NULL,
	line_no INTEGER NOT NULL,
	sku VARCHAR(200) NOT NULL,
	quantity DECIMAL(30, 10),
	unit VARCHAR(100),
	unit_price_dollars DECIMAL(24, 10),
	total_price_cents BIGINT NOT NULL,
	discount_cents BIGINT NOT NULL,
	start_date TIMESTAMP WITH TIME ZONE,
	end_date TIMESTAMP WITH TIME ZONE,
	group_id VARCHAR(24),
	group_name VARCHAR(255),
	cluster_name VARCHAR(255),
	note VARCHAR(2000),
	tags_json VARCHAR(100000) NOT NULL,
	CONSTRAINT invoice_line_item_pk PRIMARY KEY (invoice_id, line_no),
	CONSTRAINT invoice_line_item_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

-- One row per line and tag key: a key's values joined by ', ' (a line is counted once per key).
CREATE TABLE invoice_line_tag (
	invoice_id VARCHAR(24) NOT NULL,
	line_no INTEGER NOT NULL,
	tag_key VARCHAR(255) NOT NULL,
	tag_value VARCHAR(2000) NOT NULL,
	CONSTRAINT invoice_line_tag_pk PRIMARY KEY (invoice_id, line_no, tag_key),
	CONSTRAINT invoice_line_tag_line_fk FOREIGN KEY (invoice_id, line_no)
		REFERENCES invoice_line_item (invoice_id, line_no)
);

-- What each invoice bills beyond its line items: the sales tax and anything not itemised.
-- line_no 0 never names a real line; it carries no tags, so it counts as (untagged).
CREATE VIEW invoice_charge AS
SELECT l.invoice_id, l.line_no, l.total_price_cents AS cents
FROM invoice_line_item l
UNION ALL
SELECT i.id, 0, i.amount_billed_cents - COALESCE(
	(SELECT SUM(l.total_price_cents) FROM invoice_line_item l WHERE l.invoice_id = i.id), 0)
FROM invoice i;

-- Cost per tag key and value, per organization and month, from the invoices' line items.
-- For every key used in an organization's month, lines without it (org-level charges,
-- credits, tax, untagged resources) are '(untagged)', so each key's values add up to the
-- month's billed amount. amount is US dollars, DECIMAL(19, 2).
CREATE VIEW monthly_cost_by_tag AS
SELECT i.billing_month,
	i.org_id AS organization_id,
	k.tag_key,
	COALESCE(t.tag_value, '(untagged)') AS tag_value,
	CAST(SUM(c.cents) / 100.0 AS DECIMAL(19, 2)) AS amount,
	MAX(CASE WHEN i.status = 'PENDING' THEN 1 ELSE 0 END) = 1 AS provisional
FROM invoice_charge c
JOIN invoice i ON i.id = c.invoice_id
JOIN (SELECT DISTINCT ki.org_id, ki.billing_month, kt.tag_key
	FROM invoice_line_tag kt JOIN invoice ki ON ki.id = kt.invoice_id) k
	ON k.org_id = i.org_id AND k.billing_month = i.billing_month
LEFT JOIN invoice_line_tag t ON t.invoice_id = c.invoice_id AND t.line_no = c.line_no AND t.tag_key = k.tag_key
GROUP BY i.billing_month, i.org_id, k.tag_key, COALESCE(t.tag_value, '(untagged)');

-- Cost Explorer against the invoice, per organization and month. usage_amount is the org's
-- total as the stored queries give it: the organizations grouping, else the services
-- grouping (both are complete answers for the org); NULL when neither was asked.
-- difference = usage - billed: tax, invoice lines with no usage counterpart and credits
-- applied in another month make it; the workbook's Reconciliation sheet names them.
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
