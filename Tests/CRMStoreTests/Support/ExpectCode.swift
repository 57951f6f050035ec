import CRMStore
import Testing

/// Expects a StoreError with this code.
func expectCode(_ code: ParseErrorCode, sourceLocation: SourceLocation = #_sourceLocation,
                _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected error \(code), got success", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error.code == code, "\(error.debugDescription)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected StoreError \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
