using System.Text;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Tests;

/// <summary>
/// Exact token lists, as Lucene's own analyzer tests do. The word analyzer is jieba search mode (long words also
/// give the dictionary words inside them) + canonical synonyms + stop words; lists are distinct terms in order.
/// </summary>
public class AnalyzerTests
{
    private static readonly TextAnalysis Analysis = TextAnalysis.CreateDefault();

    private static string Words(string text) => string.Join('/', TextAnalysis.Tokens(Analysis.WordAnalyzer, text));

    private static string Bigrams(string text) => string.Join('/', TextAnalysis.Tokens(Analysis.BigramAnalyzer, text));

    [Fact]
    public void StopWordsAreDroppedFromTheLuceneReferenceSentence() =>
        // Lucene's SmartChineseAnalyzer test sentence gives 我/购买/了/道具/和/服装; 我, 了 and 和 are our stop words.
        Assert.Equal("购买/道具/服装", Words("我购买了道具和服装"));

    [Theory]
    [InlineData("居住证", "居住/居住证")]
    [InlineData("公积金", "公积/积金/公积金")]
    [InlineData("不动产登记", "不动/动产/登记/不动产/不动产登记")]
    [InlineData("一网通办", "网通/一网通/一网通办")]
    [InlineData("营业执照", "营业/执照/营业执照")]
    [InlineData("社保卡", "社保/社保卡")]
    public void GovernmentTermsSurviveAsWholeTokens(string text, string expected) =>
        Assert.Equal(expected, Words(text));

    [Fact]
    public void SocialSecurityCardInFullBecomesTheShortCanonicalToken() =>
        Assert.Contains("社保卡", TextAnalysis.Tokens(Analysis.WordAnalyzer, "社会保障卡"));

    [Theory]
    [InlineData("居民身份证", "身份证")]
    [InlineData("身分证", "身份证")]
    [InlineData("社会保险", "社保")]
    [InlineData("医疗保险", "医保")]
    [InlineData("驾照", "驾驶证")]
    [InlineData("住房公积金", "公积金")]
    [InlineData("户口簿", "户口本")]
    [InlineData("个人所得税", "个税")]
    [InlineData("缴清", "还清")]
    [InlineData("中古屋", "二手房")]
    [InlineData("涂销", "注销")]
    [InlineData("抵押设定", "抵押")]
    [InlineData("房屋权状", "房产证")]
    [InlineData("坐车", "乘车")]
    [InlineData("借宿", "住宿")]
    [InlineData("途中", "路上")]
    public void SynonymsMeetOnTheCanonicalToken(string synonym, string canonical)
    {
        var synonymTokens = TextAnalysis.Tokens(Analysis.WordAnalyzer, synonym);
        var canonicalTokens = TextAnalysis.Tokens(Analysis.WordAnalyzer, canonical);
        Assert.Contains(canonical, synonymTokens);
        Assert.Contains(canonical, canonicalTokens);
    }

    [Theory]
    [InlineData("居住地", "宅基地")]
    [InlineData("处理", "拍卖")]
    [InlineData("签注", "签证")]
    [InlineData("认定", "肯定")]
    [InlineData("问题", "事故")]
    [InlineData("后来", "新生")]
    [InlineData("开发", "支付")]
    [InlineData("证明", "证书")]
    [InlineData("扣除", "减半")]
    [InlineData("麻烦", "纠纷")]
    [InlineData("检查", "悔过书")]
    public void WordsForDifferentThingsAreNotMadeOneBySynonyms(string a, string b) =>
        Assert.Empty(TextAnalysis.Tokens(Analysis.WordAnalyzer, a).Intersect(TextAnalysis.Tokens(Analysis.WordAnalyzer, b)));

    [Theory]
    [InlineData("社会保险", "社会/保险/社保")]
    [InlineData("医疗保险", "医疗/保险/医保")]
    [InlineData("驾照", "驾驶证")]
    [InlineData("驾驶证", "驾驶/驾驶证")]
    [InlineData("户口簿", "户口/户口本")]
    public void SynonymTokenListsAreExact(string text, string expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("怎么")]
    [InlineData("怎样")]
    [InlineData("如何")]
    [InlineData("咋办")]
    [InlineData("怎么样")]
    public void WaysOfSayingHowBecomeOneToken(string how) =>
        Assert.Equal("怎么", Words(how));

    [Theory]
    [InlineData("居住证怎么办理", "居住/居住证/怎么/办理")]
    [InlineData("如何办理居住证", "怎么/办理/居住/居住证")]
    [InlineData("住房公积金怎么提取", "住房/公积/积金/公积金/怎么/提取")]
    [InlineData("不动产登记需要什么材料", "不动/动产/登记/不动产/不动产登记/需要/什么/材料")]
    [InlineData("我想问一下社保卡丢了怎么办啊", "社保/社保卡/丢失/怎么")]
    [InlineData("请问一下我的户口本丢了该怎么办呢", "户口/户口本/丢失/怎么")]
    [InlineData("戶口簿遺失", "户口/户口本/丢失")]
    [InlineData("十八周岁", "18/周岁")]
    [InlineData("ＡＢＣ１２３居住证", "abc123/居住/居住证")]
    public void QuestionsGiveExactWordLists(string text, string expected) =>
        Assert.Equal(expected, Words(text));

    [Fact]
    public void WhereToGetSomethingDoneIsNotReadAsAnAlley() =>
        // 去哪|里弄 was jieba's cut of 去哪里弄, and 里弄 (a Shanghai lane) a synonym of 胡同.
        Assert.DoesNotContain("胡同", TextAnalysis.Tokens(Analysis.WordAnalyzer, "高龄津贴要去哪里弄"));

    [Theory]
    [InlineData("的")]
    [InlineData("了")]
    [InlineData("吗")]
    [InlineData("的了吗呢吧")]
    [InlineData("请问一下")]
    public void StopWordsAloneLeaveNoWords(string text) =>
        Assert.Empty(TextAnalysis.Tokens(Analysis.WordAnalyzer, text));

    [Fact]
    public void ASecondHandCarIsNoHandcart() =>
        // Search mode cuts 手车 out of 二手车; 手车 was a thesaurus synonym of 手推车.
        Assert.DoesNotContain("手推车", TextAnalysis.Tokens(Analysis.WordAnalyzer, "二手车过户怎么办"));

    [Fact]
    public void DrivingLicenceInFullDoesNotTurnIntoABusinessLicence() =>
        Assert.DoesNotContain("营业执照", TextAnalysis.Tokens(Analysis.WordAnalyzer, "驾驶执照"));

    [Theory]
    [InlineData("居住证怎么办理", "居住/住证/证怎/怎么/么办/办理")]
    [InlineData("公积金", "公积/积金")]
    [InlineData("ＡＢＣ１２３居住证", "abc123/居住/住证")]
    [InlineData("证", "证")]
    [InlineData("c1 驾照", "c1/驾驶/驶证")]
    public void CharacterBigramsAreExact(string text, string expected) =>
        Assert.Equal(expected, Bigrams(text));

    [Fact]
    public void BigramsAreTakenFromTheCanonicalFormSoSynonymsMeetThereToo() =>
        Assert.Equal(Bigrams("驾驶证"), Bigrams("驾照"));

    [Fact]
    public void RandomUnicodeTextNeverBreaksEitherAnalyzer()
    {
        var random = new Random(4242);
        for (var i = 0; i < 500; i++)
        {
            var text = RandomWellFormedText(random, random.Next(0, 80));
            foreach (var analyzer in new[] { Analysis.WordAnalyzer, Analysis.BigramAnalyzer })
            {
                var tokens = TextAnalysis.Tokens(analyzer, text);
                Assert.All(tokens, t => Assert.False(string.IsNullOrWhiteSpace(t)));
            }
            Assert.NotNull(Analysis.Analyze(text));
        }
    }

    [Fact]
    public void AQuestionsWordsAreExactlyTheTokensOfTheWordAnalyzerThatBuiltTheIndex()
    {
        // A question is analysed without a token stream (one jieba segmentation serves its words and its canonical
        // form); the index is built by the analyzer. Any difference would let a question miss its own phrasing.
        var random = new Random(20261205);
        var texts = SeedBank.Entries.SelectMany(e => e.SimilarQuestions.Prepend(e.Question).Append(e.Answer))
            .Concat(["居住證怎麼辦理？", "ＡＢＣ１２３ 身份证　丢了", "两千零二十六年", "3.5万元公积金", "", "！？"])
            .Concat(Enumerable.Range(0, 500).Select(_ => RandomWellFormedText(random, random.Next(0, 80))));
        foreach (var text in texts)
            Assert.Equal(TextAnalysis.Tokens(Analysis.WordAnalyzer, text), Analysis.Analyze(text).Words);
    }

    [Fact]
    public void AnAnalyzerCanBeReusedAfterAnEmptyText()
    {
        Assert.Empty(TextAnalysis.Tokens(Analysis.WordAnalyzer, ""));
        Assert.Equal("居住/居住证", Words("居住证"));
        Assert.Empty(TextAnalysis.Tokens(Analysis.BigramAnalyzer, "！？"));
        Assert.Equal("居住/住证", Bigrams("居住证"));
    }

    /// <summary>Random Unicode scalar values (no lone surrogates) from every plane, weighted towards CJK.</summary>
    private static string RandomWellFormedText(Random random, int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var cp = random.Next(5) switch
            {
                0 => random.Next(0x4E00, 0x9FFF),
                1 => random.Next(0x20, 0x7F),
                2 => random.Next(0x1F300, 0x1FAFF),
                3 => random.Next(0x20000, 0x2A6DF),
                _ => random.Next(0, 0x10FFFF),
            };
            if (cp is >= 0xD800 and <= 0xDFFF) cp = 0x3000;
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }

    [Fact]
    public void AnalysedBigramsAreExactlyWhatTheIndexsBigramAnalyzerYields()
    {
        // The question's bigrams are cut without a token stream; they must stay the index's, text for text.
        var texts = SeedBank.Entries.SelectMany(e => e.SimilarQuestions.Append(e.Question).Append(e.Answer))
            .Append("ＡＢＣ１２３办理 C1驾照、3.5级 残疾 证；护照！").Append("一").Append("a").Append("");
        foreach (var text in texts)
            Assert.Equal(Bigrams(text), string.Join('/', Analysis.Analyze(text).Bigrams));
    }
}
