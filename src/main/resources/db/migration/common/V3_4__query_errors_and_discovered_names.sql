-- Why a query failed, as Atlas said it: status (0 when no answer came), errorCode and detail.
ALTER TABLE cost_query ADD COLUMN error_status INTEGER;
ALTER TABLE cost_query ADD COLUMN error_code VARCHAR(100);
ALTER TABLE cost_query ADD COLUMN error_detail VARCHAR(2000);

-- Projects and clusters as discovery listed them: their names label the reports where usage
-- rows come without one.
CREATE TABLE discovered_resource (
	org_id VARCHAR(24) NOT NULL,
	kind VARCHAR(10) NOT NULL,
	resource_id VARCHAR(24) NOT NULL,
	name VARCHAR(255) NOT NULL,
	discovered_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT discovered_resource_pk PRIMARY KEY (org_id, kind, resource_id),
	CONSTRAINT discovered_resource_kind CHECK (kind IN ('PROJECT', 'CLUSTER'))
);
