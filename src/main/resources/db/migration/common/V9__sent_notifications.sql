-- What delivery sent, one row per notice and channel, so that a resumed run does not mail
-- those who already got the report and a rerun or the next night does not repeat an alert.
-- notice: 'report <job instance id>' or '<kind> <organization id> <month>'; fingerprint: a
-- SHA-256 of what identifies its content (recipients; for an alert, what is over), so a
-- notice that changes is sent again. Never a secret: no webhook URL, no password.
CREATE TABLE sent_notification (
	job_name VARCHAR(64) NOT NULL,
	notice VARCHAR(200) NOT NULL,
	channel VARCHAR(16) NOT NULL,
	fingerprint CHAR(64) NOT NULL,
	description VARCHAR(1000) NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT sent_notification_key PRIMARY KEY (job_name, notice, channel)
);
