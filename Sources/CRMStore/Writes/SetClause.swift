import Foundation

/// Column values of validated assignments, as SQL expressions over bind parameters.
enum SetClause {
    /// `(column, expression)` pairs. `alias` names the current row for increments and array
    /// operations (UPDATE), nil on INSERT (as Parse flattens them on create: an increment writes
    /// the amount, Add the array, AddUnique the array without repeats, Remove `[]`); `now` is the
    /// statement's timestamp (a password change's time).
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
            case .add(let field, let objects):
                let bound = parameters.bind(.jsonb(objects)) + "::jsonb"
                let current = alias.map { "\(Self.currentArray($0, field)) || " } ?? ""
                result.append((field.name, current + bound))
            case .addUnique(let field, let objects):
                let bound = parameters.bind(.jsonb(objects)) + "::jsonb"
                result.append((field.name, Self.addUnique(bound, alias: alias, field: field)))
            case .remove(let field, let objects):
                let bound = parameters.bind(.jsonb(objects)) + "::jsonb"
                // On INSERT the objects are still bound, so PostgreSQL reads them as on UPDATE
                // (JSON it refuses is 111 there too), though the value is `[]` whatever they hold.
                let expression = alias.map { Self.remove(bound, alias: $0, field: field) }
                    ?? "CASE WHEN \(bound) IS NOT NULL THEN '[]'::jsonb END"
                result.append((field.name, expression))
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

    /// The field's array in the current row; an unset field counts as `[]`.
    private static func currentArray(_ alias: String, _ field: FieldDefinition) -> String {
        "COALESCE(\(SQL.column(alias, field.name)), '[]'::jsonb)"
    }

    /// AddUnique: the current array, then each element of `objects` it lacks, once, in the order
    /// given; on INSERT, `objects` without repeats (first occurrences). Elements are equal as jsonb
    /// values (`1` is `1.0`), not by containment (`@>` would find `{"k":1}` in `[{"k":1,"j":2}]`).
    /// One sort numbers the equal elements, existing ones first, and keeps the given ones numbered
    /// 1: an anti-join of the given elements against the current ones is planned as a nested loop
    /// (PostgreSQL estimates a set-returning function at 100 rows), quadratic on large arrays.
    private static func addUnique(_ objects: String, alias: String?, field: FieldDefinition) -> String {
        let given = "SELECT e.value, 1 AS side, e.ord FROM jsonb_array_elements(\(objects)) WITH ORDINALITY AS e(value, ord)"
        let elements = alias.map {
            "SELECT c.value, 0 AS side, c.ord FROM jsonb_array_elements(\(currentArray($0, field))) WITH ORDINALITY AS c(value, ord) "
                + "UNION ALL \(given)"
        } ?? given
        let added = "(SELECT COALESCE(jsonb_agg(a.value ORDER BY a.ord), '[]'::jsonb) FROM (SELECT x.value, x.side, x.ord, "
            + "row_number() OVER (PARTITION BY x.value ORDER BY x.side, x.ord) AS nth FROM (\(elements)) AS x) AS a "
            + "WHERE a.side = 1 AND a.nth = 1)"
        return alias.map { "\(currentArray($0, field)) || \(added)" } ?? added
    }

    /// Remove: the current array, in its order, without the elements equal (as jsonb values) to
    /// one of `objects`. PostgreSQL 15 plans the NOT EXISTS as a hash anti-join: linear.
    private static func remove(_ objects: String, alias: String, field: FieldDefinition) -> String {
        "(SELECT COALESCE(jsonb_agg(c.value ORDER BY c.ord), '[]'::jsonb) FROM jsonb_array_elements(\(currentArray(alias, field))) "
            + "WITH ORDINALITY AS c(value, ord) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(\(objects)) AS r(value) "
            + "WHERE r.value = c.value))"
    }
}
