// PostgresClient: arrives with its issue.
