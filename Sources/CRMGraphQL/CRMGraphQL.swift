// CRMGraphQL: arrives with its issue.
