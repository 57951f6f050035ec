#!/usr/bin/env bash
# Entry point of db-replica. On an empty volume it clones the primary with pg_basebackup (-X stream
# copies the WAL written meanwhile; -R makes the copy start as a standby that follows the primary
# through the slot), then hands over to the image's docker-entrypoint.sh, which finds a data
# directory and skips initialization. Like that entrypoint it starts as root and runs the
# PostgreSQL tools as postgres through gosu.
set -Eeuo pipefail

log() { printf 'replica-entrypoint: %s\n' "$*" >&2; }
die() {
	log "$*"
	exit 1
}

if [ "$#" -eq 0 ]; then
	set -- postgres -c hot_standby=on
fi
if [ "$1" != postgres ]; then
	exec docker-entrypoint.sh "$@" # e.g. bash, to look inside
fi

: "${PGDATA:?PGDATA must be set}"
primary_host=${PRIMARY_HOST:-db}
primary_port=${PRIMARY_PORT:-5432}
role_name=${REPLICATION_USER:-replicator}
slot=${REPLICATION_SLOT:-dealgraph_replica}
password_file=${REPLICATION_PASSWORD_FILE:-/run/secrets/replication-password}
passfile=${REPLICATION_PASSFILE:-/var/lib/postgresql/.pgpass}
wait_seconds=${PRIMARY_WAIT_SECONDS:-300}

is_root() { [ "$(id -u)" = 0 ]; }
as_postgres() {
	if is_root; then
		gosu postgres "$@"
	else
		"$@"
	fi
}

# Rewritten at every start, outside the volume: -R records this file's path (not the password)
# in primary_conninfo, so the standby uses the secret's current value whenever it reconnects.
[ -r "$password_file" ] || die "cannot read $password_file (the replication-password secret)"
password=$(<"$password_file")
[ -n "$password" ] || die "$password_file is empty"
escaped=${password//\\/\\\\}
escaped=${escaped//:/\\:}
(
	umask 077
	printf '*:*:replication:%s:%s\n' "$role_name" "$escaped" >"$passfile"
)
chmod 0600 "$passfile"
if is_root; then
	chown postgres:postgres "$passfile"
fi
unset password escaped
export PGPASSFILE=$passfile

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	if [ -d "$PGDATA" ] && [ -n "$(ls -A "$PGDATA")" ]; then
		die "$PGDATA holds files but no PG_VERSION; empty it (or remove the volume) to clone the primary again"
	fi
	parent=$(dirname "$PGDATA")
	partial=$PGDATA.partial
	mkdir -p "$parent"
	if is_root; then
		chown postgres:postgres "$parent"
	fi
	rm -rf "$partial" # left by an interrupted clone

	log "waiting for the primary at $primary_host:$primary_port"
	deadline=$((SECONDS + wait_seconds))
	until pg_isready -q -h "$primary_host" -p "$primary_port"; do
		[ "$SECONDS" -lt "$deadline" ] || die "no primary at $primary_host:$primary_port after ${wait_seconds}s"
		sleep 2
	done

	log "cloning $primary_host:$primary_port through slot $slot"
	as_postgres pg_basebackup --host="$primary_host" --port="$primary_port" \
		--username="$role_name" --no-password --pgdata="$partial" \
		--wal-method=stream --write-recovery-conf --slot="$slot" --checkpoint=fast
	chmod 0700 "$partial"
	if [ -d "$PGDATA" ]; then
		rmdir "$PGDATA"
	fi
	# Renamed only when complete, so a clone cut short is redone rather than started.
	mv "$partial" "$PGDATA"
	log "clone complete"
fi

exec docker-entrypoint.sh "$@"
