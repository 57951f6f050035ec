#!/usr/bin/env bash
# Runs once, when the primary's data directory is first initialized (mounted into
# /docker-entrypoint-initdb.d): creates the replication role, its password read from a secret
# file, and the physical slot the replica streams from, and lets that role in from the subnet.
# The body is a subshell so the script works both executed and sourced (no execute bit).

primary_init() (
	set -Eeuo pipefail

	role_name=${REPLICATION_USER:-replicator}
	slot=${REPLICATION_SLOT:-dealgraph_replica}
	password_file=${REPLICATION_PASSWORD_FILE:-/run/secrets/replication-password}
	subnet=${REPLICATION_SUBNET:?REPLICATION_SUBNET must name the network the replica connects from}

	if [ ! -r "$password_file" ]; then
		echo "primary-init: cannot read $password_file (the replication-password secret)" >&2
		exit 1
	fi
	password=$(<"$password_file")
	if [ -z "$password" ]; then
		echo "primary-init: $password_file is empty" >&2
		exit 1
	fi

	# The password reaches psql through its environment, not its command line (\getenv).
	REPLICATION_PASSWORD=$password psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password \
		--username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
		--set repl_role="$role_name" --set slot="$slot" <<-'SQL'
		\getenv password REPLICATION_PASSWORD
		CREATE ROLE :"repl_role" WITH REPLICATION LOGIN PASSWORD :'password';
		SELECT pg_create_physical_replication_slot(:'slot')
		WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = :'slot');
	SQL

	# "all" in pg_hba.conf's database column does not match replication connections.
	printf 'host replication %s %s scram-sha-256\n' "$role_name" "$subnet" >>"$PGDATA/pg_hba.conf"
	echo "primary-init: role $role_name and slot $slot ready; replication allowed from $subnet"
)

primary_init
