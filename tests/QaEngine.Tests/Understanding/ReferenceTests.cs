using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// A story names a document once and its question points back to it (这个证, 这张卡): the question is read with the
/// document's name.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class ReferenceTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("第1次办这个证要带什么", new[] { "居住证" }, "第1次办居住证要带什么")]
    // The last document of the kind pointed to: a card is not a certificate.
    [InlineData("这张卡怎么激活", new[] { "社保卡", "身份证" }, "社保卡怎么激活")]
    [InlineData("这证还能补吗", new[] { "毕业证", "学位证" }, "学位证还能补吗")]
    // Nothing named of that kind, or nothing pointed to: the clause as it is.
    [InlineData("这个证怎么办", new[] { "社保卡" }, "这个证怎么办")]
    [InlineData("怎么补办", new[] { "身份证" }, "怎么补办")]
    public void APointerIsReadAsTheDocumentLastNamedOfItsKind(string clause, string[] named, string read) =>
        Assert.Equal(read, References.Resolve(clause, named));

    [Fact]
    public void TheQuestionOfAStoryIsReadWithTheDocumentItPointsTo()
    {
        var r = QuestionReader.Default.Read("我在东莞的厂里上班，跟老乡合租了一间房。厂里说有居住证好处多，我想问问第一次办这个证要带哪些东西？");
        Assert.Contains("居住证要带哪些东西", r.Core.Replace(" ", ""));
        Assert.DoesNotContain("这个证", r.Core);
    }

    [Fact]
    public void AQuestionPointingBackToALostCertificateIsAnsweredWithItsReplacement()
    {
        // From the eighth set: the diploma and degree lost in a move, the question only "这证还能补吗" (it was offered
        // choices without the replacement of a lost diploma).
        seed.AssertAnsweredWith("前几年搬家丢了一个箱子，里面有我的大学毕业证和学位证。最近换工作，新单位入职要看原件，我才发现找不到了。学校是2010年毕业的，现在还在。这证还能补吗？", "JX-009");
    }
}
