/// Translation of JavaScript/Parse regex options to PostgreSQL ARE embedded options.
///
/// JavaScript semantics are kept: without `s`, `.` does not match a newline; without `m`, `^`/`$`
/// match only at the ends of the string. PostgreSQL: `p` (partial newline-sensitive) is the
/// JavaScript default, `n` is `m`, `s` is `s`, `w` is `m`+`s`; `i` and `x` are the same.
enum RegexOptions {
    static let maximumPatternLength = 2048

    /// The pattern to bind: `(?<flags>)<pattern>`. Embedded options are accepted by PostgreSQL only
    /// at the very start, so a client's own `(?...)` or `***` director later in the text is a
    /// syntax error (102), never an option change.
    static func pattern(_ pattern: String, options: String?) throws(StoreError) -> String {
        guard pattern.utf8.count <= maximumPatternLength else {
            throw StoreError.invalidQuery("Regular expression too long.")
        }
        guard !pattern.utf8.contains(0) else { throw StoreError.invalidQuery("Invalid regular expression.") }
        let options = options ?? ""
        guard options.allSatisfy({ "imsx".contains($0) }) else {
            throw StoreError.invalidQuery("Invalid regex options: \(StoreError.quoted(options)). Allowed: i, m, s, x.")
        }
        let pattern = literalQuoting(pattern)
        let multiline = options.contains("m"), dotAll = options.contains("s")
        var flags = multiline ? (dotAll ? "w" : "n") : (dotAll ? "s" : "p")
        if options.contains("i") { flags += "i" }
        if options.contains("x") { flags += "x" }
        return "(?\(flags))" + pattern
    }

    /// PCRE's `\Q...\E` (the text between is literal; a missing `\E` runs to the end), which the
    /// Parse SDKs send for `startsWith`, `endsWith` and `contains`, rewritten for PostgreSQL's
    /// regular expressions, which lack it: every character of the quoted text that is not a
    /// letter, digit or space and is ASCII is escaped with a backslash.
    static func literalQuoting(_ pattern: String) -> String {
        guard pattern.contains("\\Q") else { return pattern }
        var result = ""
        var characters = pattern.makeIterator()
        var quoting = false
        while let character = characters.next() {
            if quoting {
                if character == "\\" {
                    guard let next = characters.next() else { result += "\\\\"; break }
                    if next == "E" { quoting = false; continue }
                    result += "\\\\"
                    result += escaped(next)
                } else {
                    result += escaped(character)
                }
            } else if character == "\\" {
                guard let next = characters.next() else { result.append(character); break }
                if next == "Q" { quoting = true; continue }
                result.append(character)
                result.append(next)
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func escaped(_ character: Character) -> String {
        // Only ASCII punctuation can be a metacharacter; a backslash before a letter, a digit or a
        // non-ASCII character could start an escape instead.
        !character.isASCII || character.isLetter || character.isNumber || character == " " ? String(character) : "\\" + String(character)
    }

    /// PostgreSQL SQLSTATEs a bad regular expression raises (invalid_regular_expression,
    /// program_limit_exceeded for "too complex").
    static let errorStates: Set<String> = ["2201B", "54000"]
}

/// PostgreSQL's built-in text search configurations, the only `language` values accepted.
enum TextSearchLanguage {
    static let configurations: Set<String> = [
        "simple", "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish", "french",
        "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian", "lithuanian", "nepali",
        "norwegian", "portuguese", "romanian", "russian", "serbian", "spanish", "swedish", "tamil", "turkish", "yiddish",
    ]
}
