import APICore
import CRMStore
import Foundation
import GraphQLEngine
import PostgresClient
import Testing

@Suite("Parse where JSON into store clauses")
struct ParseWhereTests {
    let model = try! ClassModel.bundled()
    var deal: ClassDefinition { model.definition("Deal")! }
    var activity: ClassDefinition { model.definition("Activity")! }

    func clause(_ json: String, on definition: ClassDefinition? = nil) throws(ParseError) -> WhereClause? {
        let value: GraphQLValue
        do {
            value = try JSONReader.parse(json.utf8)
        } catch {
            Issue.record("test JSON does not parse: \(error)")
            return nil
        }
        return try WhereTranslation(model: model, dialect: ParseWhere()).clause(value, on: definition ?? deal)
    }

    func code(_ json: String, on definition: ClassDefinition? = nil) -> ParseErrorCode? {
        do {
            _ = try clause(json, on: definition)
            return nil
        } catch {
            return error.code
        }
    }

    @Test("every operator of the table has a Parse name, and every name one operator")
    func table() {
        #expect(WhereOperator.allCases.count == Set(WhereOperator.allCases.map(\.parseName)).count)
        #expect(WhereOperator.allCases.allSatisfy { $0.parseName.hasPrefix("$") })
        #expect(WhereOperator.lessThan.parseName == "$lt")
        #expect(WhereOperator.inQueryKey.parseName == "$select")
        #expect(WhereOperator.have.parseName == "$inQuery")
        #expect(WhereOperator.contains.parseName == "$all")
        #expect(WhereConnective.allCases.map(\.parseName) == ["$and", "$or", "$nor"])
    }

    @Test("bare values compare by equality; null means unset")
    func equality() throws {
        #expect(try clause(#"{"stage":"won"}"#) == .field("stage", [.equalTo(.string("won"))]))
        #expect(try clause(#"{"amount":1200}"#) == .field("amount", [.equalTo(.number(1200))]))
        #expect(try clause(#"{"notes":null}"#) == .field("notes", [.exists(false)]))
        let date = try #require(DateText.date(iso8601: "2025-03-31T10:00:00.000Z"))
        #expect(try clause(#"{"expectedCloseDate":{"__type":"Date","iso":"2025-03-31T10:00:00.000Z"}}"#)
            == .field("expectedCloseDate", [.equalTo(.date(date))]))
        #expect(try clause(#"{"company":{"__type":"Pointer","className":"Company","objectId":"Ab3dEf9hIj"}}"#)
            == .field("company", [.equalTo(.pointer(className: "Company", objectId: "Ab3dEf9hIj"))]))
    }

    @Test("operators map through the one table; siblings are ANDed")
    func operators() throws {
        let where_ = try clause(#"{"amount":{"$gte":100,"$lt":500},"stage":{"$in":["won","lost"],"$ne":"lead"}}"#)
        #expect(where_ == .and([
            .field("amount", [.greaterThanOrEqualTo(.number(100)), .lessThan(.number(500))]),
            .field("stage", [.in([.string("won"), .string("lost")]), .notEqualTo(.string("lead"))]),
        ]))
        #expect(try clause(#"{"title":{"$regex":"^ac","$options":"i"}}"#)
            == .field("title", [.matchesRegex("^ac", options: "i")]))
        #expect(try clause(#"{"notes":{"$exists":true}}"#) == .field("notes", [.exists(true)]))
        #expect(try clause(#"{"title":{"$text":{"$search":{"$term":"renewal","$language":"english"}}}}"#)
            == .field("title", [.text(TextSearch(term: "renewal", language: "english"))]))
    }

    @Test("$or, $and and $nor take arrays of wheres")
    func connectives() throws {
        #expect(try clause(#"{"$or":[{"stage":"won"},{"stage":"lost"}]}"#)
            == .or([.field("stage", [.equalTo(.string("won"))]), .field("stage", [.equalTo(.string("lost"))])]))
        #expect(try clause(#"{"$nor":[{"amount":{"$gt":5}}]}"#) == .nor([.field("amount", [.greaterThan(.number(5))])]))
        #expect(code(#"{"$or":{"stage":"won"}}"#) == .invalidQuery)
    }

    @Test("$inQuery, $notInQuery, $select and $dontSelect become sub-query constraints; a sub-query without a class is refused, one on an unknown class forbidden")
    func subqueries() throws {
        #expect(try clause(#"{"company":{"$inQuery":{"className":"Company","where":{"industry":"Energy"}}}}"#)
            == .field("company", [.have(.field("industry", [.equalTo(.string("Energy"))]), targetClass: "Company")]))
        #expect(try clause(#"{"relatedTo":{"$notInQuery":{"className":"Deal","where":{"stage":"won"}}}}"#, on: activity)
            == .field("relatedTo", [.haveNot(.field("stage", [.equalTo(.string("won"))]), targetClass: "Deal")]))
        let select = try clause(#"{"company":{"$select":{"query":{"className":"Contact","where":{"name":"Ada"}},"key":"company"}}}"#)
        #expect(select == .field("company", [.inQueryKey(KeyQuery(
            className: "Contact", where: .field("name", [.equalTo(.string("Ada"))]), key: "company"))]))
        #expect(code(#"{"company":{"$inQuery":{"where":{}}}}"#) == .invalidQuery)
        let dontSelect = try clause(#"{"objectId":{"$dontSelect":{"query":{"className":"Deal","where":{"stage":"won"}},"key":"company"}}}"#,
                                    on: model.definition("Company"))
        #expect(dontSelect == .field("objectId", [.notInQueryKey(KeyQuery(
            className: "Deal", where: .field("stage", [.equalTo(.string("won"))]), key: "company"))]))
        #expect(code(#"{"company":{"$select":{"query":{"className":"Nope"},"key":"x"}}}"#) == .operationForbidden)
    }

    @Test("hostile keys, operators and values get Parse's codes")
    func hostile() {
        #expect(code(#"{"title; DROP TABLE \"Deal\"":"x"}"#) == .invalidKeyName)
        #expect(code(#"{"$where":"sleep(1)"}"#) == .invalidKeyName)
        #expect(code(#"{"nope":"x"}"#) == .invalidQuery)
        #expect(code(#"{"title":{"$foo":1}}"#) == .invalidQuery)
        #expect(code(#"{"amount":{"$gt":"ten"}}"#) == .incorrectType)
        #expect(code(#"{"company":{"__type":"Pointer","className":"Deal","objectId":"x"}}"#) == .incorrectType)
        #expect(code(#"{"title":{"$options":"i"}}"#) == .invalidQuery)
        #expect(code(#"[1,2]"#) == .invalidQuery)
        let deep = String(repeating: #"{"$or":["#, count: 20) + "{}" + String(repeating: "]}", count: 20)
        #expect(code(deep) == .invalidQuery)
    }
}
