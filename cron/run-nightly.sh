#!/usr/bin/env bash
# Nightly wrapper of atlas-cost-reports, meant for cron (see cron/README.md).
#
#   cron/run-nightly.sh jobs/<name>.yml [more job options...]
#
# - loads Atlas credentials from a KEY=value file that only its owner may read, and refuses
#   to run (exit 2) when the group or others have any access to it;
# - takes a lock (flock) so that a run still going makes this one exit 3 without running;
# - appends everything to a dated log, <log dir>/<job>-YYYY-MM-DD.log (UTC), and deletes logs
#   older than 30 days;
# - exits with the job's own exit code (0 done, 1 failed: run again to resume, 2 invalid
#   input, 3 already running).
#
# Environment (all optional):
#   ATLAS_COST_REPORTS_HOME         the checkout or install directory (default: this script's parent)
#   ATLAS_COST_REPORTS_CREDENTIALS  credentials file (default: ~/.config/atlas-cost-reports/credentials)
#   ATLAS_COST_REPORTS_LOG_DIR      log directory (default: $ATLAS_COST_REPORTS_HOME/logs)
#   ATLAS_COST_REPORTS_LOCK         lock file (default: $ATLAS_COST_REPORTS_HOME/data/nightly.lock)
#   ATLAS_COST_REPORTS_COMMAND      the job command (default: $ATLAS_COST_REPORTS_HOME/bin/atlas-cost-reports, the jar with a
#                                   class-data-sharing archive; java -jar .../target/atlas-cost-reports.jar works too)
set -euo pipefail
umask 077

home="${ATLAS_COST_REPORTS_HOME:-$(cd "$(dirname "$0")/.." && pwd)}"
credentials="${ATLAS_COST_REPORTS_CREDENTIALS:-$HOME/.config/atlas-cost-reports/credentials}"
log_dir="${ATLAS_COST_REPORTS_LOG_DIR:-$home/logs}"
lock_file="${ATLAS_COST_REPORTS_LOCK:-$home/data/nightly.lock}"
command="${ATLAS_COST_REPORTS_COMMAND:-$home/bin/atlas-cost-reports}"
keep_days=30

if [ $# -lt 1 ]; then
	echo "usage: $0 jobs/<name>.yml [job options...]" >&2
	exit 2
fi
job_file="$1"
shift
job_name="$(basename "$job_file" .yml)"

if [ ! -f "$credentials" ]; then
	echo "run-nightly: credentials file $credentials does not exist" >&2
	exit 2
fi
mode="$(stat -c '%a' "$credentials")"
if [ $(( 8#$mode & 8#077 )) -ne 0 ]; then
	echo "run-nightly: refusing to run: credentials file $credentials has mode $mode; the group and others must have no access (chmod 600 $credentials)" >&2
	exit 2
fi

mkdir -p "$log_dir" "$(dirname "$lock_file")"
log="$log_dir/$job_name-$(date -u +%F).log"
stamp() { date -u +%Y-%m-%dT%H:%M:%SZ; }

exec 9>>"$lock_file"
if ! flock -n 9; then
	echo "$(stamp) run-nightly: $job_name not started: another run holds $lock_file (exit 3)" | tee -a "$log" >&2
	exit 3
fi

find "$log_dir" -maxdepth 1 -type f -name '*.log' -mtime +$((keep_days - 1)) -delete

# Only the four Atlas variables and delivery's two secrets are read from the file, as data: it
# is never sourced.
while IFS='=' read -r key value || [ -n "$key" ]; do
	case "$key" in
		MONGODB_ATLAS_CLIENT_ID | MONGODB_ATLAS_CLIENT_SECRET | MONGODB_ATLAS_PUBLIC_API_KEY | MONGODB_ATLAS_PRIVATE_API_KEY | \
			SPRING_MAIL_PASSWORD | ATLAS_COST_REPORTS_WEBHOOK_URL)
			export "$key=$value" ;;
		'' | \#*) ;;
		*) echo "$(stamp) run-nightly: ignoring unknown key '$key' in $credentials" >>"$log" ;;
	esac
done <"$credentials"

cd "$home"
echo "$(stamp) run-nightly: starting $job_name: $command --job=$job_file $*" >>"$log"
set +e
# The job inherits the lock (fd 9): it stays held as long as the job runs. The command is split
# into words on purpose.
# shellcheck disable=SC2086
$command --job="$job_file" "$@" >>"$log" 2>&1
code=$?
set -e
echo "$(stamp) run-nightly: $job_name ended with exit code $code" >>"$log"
exit "$code"
