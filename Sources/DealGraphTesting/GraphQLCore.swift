import Foundation

/// python3's graphql-core, the reference implementation our schema output is checked against.
/// `scripts/bootstrap` installs it; when it is missing the tests that need it fail and say so.
public enum GraphQLCore {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs a python3 `script` that reads the file named by `sys.argv[1]`, which holds `input`,
    /// and returns what it prints.
    public static func run(_ script: String, input: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("graphql-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("input")
        let scriptFile = folder.appendingPathComponent("script.py")
        try Data(input.utf8).write(to: inputFile)
        try Data(script.utf8).write(to: scriptFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptFile.path, inputFile.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "python3 could not be started (\(error)); run scripts/bootstrap")
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: complaint, as: UTF8.self)
            if text.contains("No module named 'graphql'") {
                throw Failure(description: "python3 has no graphql-core: run scripts/bootstrap (pip install graphql-core)")
            }
            throw Failure(description: "python3 failed (\(process.terminationStatus)): \(text)")
        }
        return String(decoding: printed, as: UTF8.self)
    }

    /// graphql-core's `print_schema(build_schema(sdl))`.
    public static func reprint(sdl: String) throws -> String {
        try run("""
            import sys
            from graphql import build_schema, print_schema
            sys.stdout.write(print_schema(build_schema(open(sys.argv[1], encoding="utf-8").read())))
            """, input: sdl)
    }

    /// graphql-core's `print_schema(extend_schema(build_schema(base), parse(extension)))`.
    public static func extendAndPrint(base: String, extension: String) throws -> String {
        let documents = try JSONSerialization.data(withJSONObject: [base, `extension`])
        return try run("""
            import sys, json
            from graphql import build_schema, extend_schema, parse, print_schema
            base, extension = json.loads(open(sys.argv[1], encoding="utf-8").read())
            sys.stdout.write(print_schema(extend_schema(build_schema(base), parse(extension))))
            """, input: String(decoding: documents, as: UTF8.self))
    }

    /// graphql-core's `print_schema(build_client_schema(result["data"]))` for an introspection
    /// result in JSON.
    public static func printClientSchema(introspectionJSON: String) throws -> String {
        try run("""
            import sys, json
            from graphql import build_client_schema, print_schema
            result = json.loads(open(sys.argv[1], encoding="utf-8").read())
            if result.get("errors"):
                raise SystemExit("introspection errors: " + json.dumps(result["errors"]))
            sys.stdout.write(print_schema(build_client_schema(result["data"])))
            """, input: introspectionJSON)
    }

    /// graphql-core's `get_introspection_query` with every option on.
    public static func introspectionQuery() throws -> String {
        try run("""
            import sys
            from graphql import get_introspection_query
            sys.stdout.write(get_introspection_query(
                descriptions=True, specified_by_url=True, directive_is_repeatable=True,
                schema_description=True, input_value_deprecation=True, input_object_one_of=True))
            """, input: "")
    }
}
