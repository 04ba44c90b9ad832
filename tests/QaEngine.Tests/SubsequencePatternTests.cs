using GovAssistant.QaEngine.Ranking;

namespace GovAssistant.QaEngine.Tests;

/// <summary>
/// The re-ranker's order feature counts the longest common subsequence of the question and a phrasing bit-parallel;
/// it must give the textbook dynamic programme's length for every pair of texts, short or longer than one 64-bit word.
/// </summary>
public sealed class SubsequencePatternTests
{
    [Theory]
    [InlineData("居住证怎么办理", "居住证办理需要什么材料", 5)]
    [InlineData("身份证丢了在哪里补办", "身份证丢失如何补领", 5)]
    [InlineData("护照", "港澳通行证", 0)]
    [InlineData("", "居住证", 0)]
    [InlineData("居住证", "", 0)]
    [InlineData("aaaa", "aa", 2)]
    public void GivesTheLengthOfTheLongestCommonSubsequence(string question, string phrasing, int expected) =>
        Assert.Equal(expected, SubsequencePattern.Of(question).LongestCommonSubsequence(phrasing));

    [Fact]
    public void AgreesWithTheDynamicProgrammeOnRandomTextsOfEveryLength()
    {
        var random = new Random(20261204);
        // Few letters make long common subsequences and many repeats; lengths cross the 64- and 128-character words.
        foreach (var alphabet in (string[])["ab", "办证居住身份", "abcdefghijklmnopqrstuvwxyz户籍社保医保公积金"])
        {
            for (var round = 0; round < 400; round++)
            {
                var a = RandomText(random, alphabet, random.Next(0, 200));
                var b = RandomText(random, alphabet, random.Next(0, 200));
                Assert.True(Reference(a, b) == SubsequencePattern.Of(a).LongestCommonSubsequence(b), $"\"{a}\" / \"{b}\"");
            }
        }
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(128)]
    [InlineData(129)]
    public void ATextIsItsOwnLongestCommonSubsequenceAtWordBoundaries(int length)
    {
        var text = RandomText(new Random(length), "居住证身份证户口", length);
        Assert.Equal(length, SubsequencePattern.Of(text).LongestCommonSubsequence(text));
        Assert.Equal(length - 1, SubsequencePattern.Of(text).LongestCommonSubsequence(text[1..]));
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), (span, s) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = s.alphabet[s.random.Next(s.alphabet.Length)];
        });

    private static int Reference(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
        return table[a.Length, b.Length];
    }
}
