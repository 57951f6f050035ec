// GraphQLEngine: arrives with its issue.
