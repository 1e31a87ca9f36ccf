-- The overlap guard: one row per job name. A run holds its row locked (SELECT ... FOR UPDATE
-- NOWAIT in a transaction it keeps open) for as long as it runs; a second run, from any JVM on
-- the same database, fails to lock it and exits 3. The database itself releases the lock when
-- the run's connection ends, so a run killed with kill -9 leaves no stale lock behind.
CREATE TABLE job_run_lock (
	job_name VARCHAR(255) NOT NULL PRIMARY KEY
);
