// DealGraphServer: arrives with its issue.
