package com.atlascost.reports.cli;

/** {@code --help}: what an operator needs without opening the README. */
final class HelpText {

	static final String TEXT = """
			atlas-cost-reports: MongoDB Atlas Cost Explorer usage into a database, an Excel workbook and a FOCUS CSV

			Usage:
			  java -jar atlas-cost-reports.jar --job=jobs/<name>.yml [--from=YYYY-MM] [--to=YYYY-MM] [options]

			Options:
			  --job=FILE              the job file (YAML): organizations, groupings, filters, look-back (required)
			  --from=YYYY-MM          first month, inclusive (default: the look-back ending with --to)
			  --to=YYYY-MM            last month, inclusive (default: the current month, UTC)
			  --run-date=YYYY-MM-DD   the run's day (default: today, UTC): one run per job, range and day
			  --refresh               fetch again what is stored (settled months too) and write new reports
			  --report-only           rebuild the report of a stored range from the database; call Atlas for nothing
			                          (a rerun of a completed run does the same; exit 2 names what is not stored)
			  --plan                  validate and print the windows and queries; call nothing, write nothing
			  --history [--limit=N]   list the last N runs (default 20), of --job's job if given
			  --restart-last-failed   resume the last failed run of --job
			  --help                  this text
			  --version               the version
			  --sandbox               run against a local Atlas sandbox with its own credentials
			  --reports.dir=DIR       where reports are written (default: reports)
			  --no-delivery           write the reports but mail and post nothing (the job file's delivery block)
			  --report.locale=en|ja   the workbook's language (default: en)
			  --atlas.base-url=URL    Atlas Administration API (default: https://cloud.mongodb.com)
			  --progress=auto|bar|log progress display (auto: a bar on a terminal, a log line otherwise)
			  --progress.interval=5s  how often a progress log line may be written
			  --log.format=text|json  json: one JSON object per line (Elastic Common Schema) for log shippers
			  --verbose               Spring's and the libraries' start-up and step lines too
			  --debug                 stack traces and Spring Boot's debug output (and what --verbose shows)
			  --NAME=VALUE            any Spring property, e.g. --spring.datasource.url=jdbc:postgresql://...

			Environment variables (one pair; the service account wins when both are set):
			  MONGODB_ATLAS_CLIENT_ID, MONGODB_ATLAS_CLIENT_SECRET        service account (OAuth 2.0)
			  MONGODB_ATLAS_PUBLIC_API_KEY, MONGODB_ATLAS_PRIVATE_API_KEY API key (HTTP Digest)
			  Any property as an environment variable: ATLAS_API_VERSION=2024-08-05, USAGE_CONCURRENCY=8
			  SPRING_MAIL_PASSWORD                                       the mail server's password (delivery)
			  ATLAS_COST_REPORTS_WEBHOOK_URL                             where alerts are posted (a secret)

			Exit codes:
			  0  done; reports written
			  1  the job failed (or was not delivered); run the same command again to resume it
			  2  invalid input or configuration (or, rebuilding from the database, something is not stored);
			     nothing was called or written
			  3  the same job is already running
			  143, 130  stopped by SIGTERM, Ctrl-C; run the same command again to resume it

			Examples:
			  java -jar atlas-cost-reports.jar --job=jobs/sandbox.yml --sandbox
			  java -jar atlas-cost-reports.jar --job=jobs/finance.yml --from=2026-01 --to=2026-03 --plan
			  MONGODB_ATLAS_CLIENT_ID=... MONGODB_ATLAS_CLIENT_SECRET=... \\
			    java -jar atlas-cost-reports.jar --job=jobs/finance.yml --log.format=json
			""";

	private HelpText() {
	}

}
