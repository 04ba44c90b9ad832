using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>Questions are text, never Lucene query syntax: nothing a citizen types may break an ask.</summary>
[Collection(SeedEngineCollection.Name)]
public class QuerySyntaxSafetyTests(SeedEngineFixture seed)
{
    public static TheoryData<string> Hostile =>
    [
        "AND", "OR", "NOT", "and or not", "*", "?", ":", "\"", "(", ")", "[", "]", "{", "}", "~", "^", "\\", "/", "+", "-",
        "&&", "||", "!", "((((", "))))", "[[[", "{{", "\"\"\"", "*:*", "?*", "id:SF-001", "words:身份证", "身份证~2", "身份证^10",
        "身份证 OR 护照 NOT 户口", "+身份证 -护照", "[1 TO 5]", "{a TO b}", "/正则.*/", "身份证\\", "\\\\\\", "a AND b OR c && d || e",
        "NOT NOT NOT", "(((身份证", "身份证)))", "\"身份证", "！！！？？？。。。", "😀😀😀", "👍🏻🎉", "", " ", "   \t\n  ",
        "\u0000", "\u0001\u0002\u0003\u001f", "\u200b\u200c\u200d", "\u202e身份证", "\ufeff", "%s%n%x", "'; DROP TABLE faq; --",
        "<script>alert(1)</script>", "null", "${jndi:ldap://x}",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void AskNeverThrowsAndAlwaysDecides(string question)
    {
        var result = seed.Engine.Ask(question);

        Assert.True(Enum.IsDefined(result.Decision));
        Assert.InRange(result.Confidence, 0, 1);
        Assert.NotNull(result.Candidates);
        Assert.NotNull(result.Choices);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void SuggestNeverThrows(string text) => Assert.NotNull(seed.Engine.Suggest(text, 5));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？？")]
    [InlineData("😀😀")]
    [InlineData("\u0001\u0002")]
    public void NothingToSearchIsNoAnswerWithAReply(string question)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.False(string.IsNullOrWhiteSpace(result.Reply));
    }

    [Fact]
    public void VeryLongInputIsAnsweredQuickly()
    {
        var question = string.Concat(Enumerable.Repeat("身份证丢了怎么补办(AND)*[", 5000)); // 100 000 characters

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = seed.Engine.Ask(question);

        Assert.True(Enum.IsDefined(result.Decision));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void ThousandsOfDistinctWordsDoNotExceedLuceneClauseLimit()
    {
        // Every character different: thousands of distinct words and bigrams in one question.
        var question = new string([.. Enumerable.Range(0x4E00, 3000).Select(c => (char)c)]);

        var result = seed.Engine.Ask(question);

        Assert.True(Enum.IsDefined(result.Decision));
    }

    [Theory]
    [InlineData("身份证丢了 AND (补办*")]
    [InlineData("(身份证丢了) && [怎么补办]")]
    [InlineData("\"身份证丢了怎么补办\"~")]
    [InlineData("身份证丢了怎么补办^*?")]
    [InlineData("{身份证丢了怎么补办}")]
    [InlineData("身份证丢了:怎么补办")]
    [InlineData("身份证\\丢了/怎么+补办-")]
    public void ARealQuestionWrappedInSyntaxStillFindsItsEntry(string question)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal("SF-001", result.Entry!.Id);
    }
}
