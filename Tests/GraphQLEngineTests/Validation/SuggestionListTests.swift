import Testing
@testable import GraphQLEngine

@Suite struct SuggestionListTests {
    @Test func ranksByLexicalDistanceThenNaturalOrder() {
        #expect(suggestionList("", ["a"]) == ["a"])
        #expect(suggestionList("a", []) == [])
        #expect(suggestionList("abc", ["a"]) == ["a"])
        #expect(suggestionList("abc", ["abc"]) == ["abc"])
        #expect(suggestionList("greenish", ["green"]) == ["green"])
        #expect(suggestionList("green", ["greenish"]) == ["greenish"])
        #expect(suggestionList("abc", ["d"]) == [])
        #expect(suggestionList("abc", ["ac", "bc", "ab"]) == ["ab", "ac", "bc"])
        #expect(suggestionList("abc", ["abc", "Abc", "abC"]) == ["abc", "Abc", "abC"])
        #expect(suggestionList("abcd", ["bacd", "abdc", "cabd"]) == ["abdc", "bacd", "cabd"])
        #expect(suggestionList("a", ["a2", "a10", "a1"]) == ["a1", "a2"])
        #expect(suggestionList("f", ["f2", "f10", "f1"].map { $0 + "x" }) == [])
        #expect(suggestionList("GREEN", ["green"]) == ["green"])
    }

    @Test func didYouMeanQuotesAtMostFive() {
        #expect(didYouMean([]) == "")
        #expect(didYouMean(["A"]) == " Did you mean \"A\"?")
        #expect(didYouMean(["A", "B"]) == " Did you mean \"A\" or \"B\"?")
        #expect(didYouMean(["A", "B", "C"]) == " Did you mean \"A\", \"B\", or \"C\"?")
        #expect(didYouMean(["A", "B", "C", "D", "E", "F"]) == " Did you mean \"A\", \"B\", \"C\", \"D\", or \"E\"?")
        #expect(didYouMean(["X"], subject: "the enum value") == " Did you mean the enum value \"X\"?")
    }

    @Test func naturalOrderComparesDigitRunsByValue() {
        #expect(naturalOrder("a2", "a10") < 0)
        #expect(naturalOrder("a10", "a2") > 0)
        #expect(naturalOrder("abc", "abc") == 0)
        #expect(naturalOrder("ab", "abc") < 0)
        #expect(naturalOrder("Z", "a") < 0)
    }
}
