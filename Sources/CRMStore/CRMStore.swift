// CRMStore: arrives with its issue.
