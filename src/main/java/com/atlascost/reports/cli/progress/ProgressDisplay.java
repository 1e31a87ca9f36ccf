package com.atlascost.reports.cli.progress;

import java.time.Duration;

/** Shows a fetch pass's progress: a live bar on a terminal, log lines otherwise. */
interface ProgressDisplay {

	/** How often {@link #show} is called while the pass runs. */
	Duration interval();

	void show(ProgressSnapshot progress);

	/** The pass ended: leave the output clean for what follows. */
	void finish(ProgressSnapshot progress);

}
