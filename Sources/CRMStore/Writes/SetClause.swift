import Foundation

/// Column values of validated assignments, as SQL expressions over bind parameters.
enum SetClause {
    /// `(column, expression)` pairs. `alias` names the current row for increments (UPDATE), nil
    /// on INSERT (an increment then writes the amount, as Parse flattens it on create); `now` is
    /// the statement's timestamp (a password change's time).
    static func columnValues(_ assignments: [Assignment], parameters: inout SQLParameters,
                             alias: String?, now: Date) -> [(String, String)] {
        var result: [(String, String)] = []
        for assignment in assignments {
            switch assignment {
            case .value(let field, let value):
                var expression = parameters.bind(value.postgresValue)
                if field.type == .object || field.type == .array { expression += "::jsonb" }
                result.append((field.name, expression))
                if let classColumn = field.classColumn, case .pointer(let className, _) = value {
                    result.append((classColumn, parameters.bind(.text(className))))
                }
            case .unset(let field):
                result.append((field.name, "NULL"))
                if let classColumn = field.classColumn { result.append((classColumn, "NULL")) }
            case .increment(let field, let amount):
                let bound = parameters.bind(.float8(amount))
                let current = alias.map { "COALESCE(\(SQL.column($0, field.name)), 0) + " } ?? ""
                result.append((field.name, current + bound))
            case .passwordHash(let hash):
                result.append(("_hashed_password", parameters.bind(.text(hash))))
                result.append(("_password_changed_at", parameters.bind(.timestamptz(now))))
            case .nested, .password:
                // Resolved before SQL is built (resolvePointers / hashingPasswords).
                continue
            }
        }
        return result
    }
}
